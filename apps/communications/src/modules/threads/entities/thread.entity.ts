import type { AttachableType } from '@crm/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A named thread on a lead, contact or deal; whoever sees the record may use it. */
@Entity('threads')
export class ThreadEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('text') resource_type: AttachableType;
  @Column('int') resource_id: number;
  @Column('text') name: string;
  @Column('int') creator_id: number;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
}
