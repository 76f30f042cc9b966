import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('lead_conversions')
export class LeadConversionEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('int') lead_id: number;
  @Column('int') individual_id: number;
  @Column('int', { nullable: true }) organization_id: number | null;
  @Column('int', { nullable: true }) deal_id: number | null;
  @Column('int') creator_id: number;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
}
