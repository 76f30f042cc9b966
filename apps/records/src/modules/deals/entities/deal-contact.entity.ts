import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('deal_contacts')
export class DealContactEntity {
  @Column('int') account_id: number;
  @PrimaryColumn('int') deal_id: number;
  @PrimaryColumn('int') contact_id: number;
  @Column('text') role: string;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
}
