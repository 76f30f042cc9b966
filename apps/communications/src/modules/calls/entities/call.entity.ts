import type { AttachableType } from '@crm/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('calls')
export class CallEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('int') user_id: number;
  @Column('text', { nullable: true }) summary: string | null;
  @Column('text', { nullable: true }) recording_url: string | null;
  @Column('int', { nullable: true }) outcome_id: number | null;
  @Column('int') duration: number;
  @Column('text') phone_number: string;
  @Column('boolean') incoming: boolean;
  @Column('boolean') missed: boolean;
  @Column('text', { nullable: true }) external_id: string | null;
  @Column('text', { nullable: true }) resource_type: AttachableType | null;
  @Column('int', { nullable: true }) resource_id: number | null;
  @Column('int', { array: true }) associated_deal_ids: number[];
  @Column('timestamptz') made_at: Date;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
}
