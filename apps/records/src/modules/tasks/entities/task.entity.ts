import type { AttachableType } from '@crm/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('tasks')
export class TaskEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('int') creator_id: number;
  @Column('int') owner_id: number;
  @Column('text') content: string;
  @Column('timestamptz', { nullable: true }) due_date: Date | null;
  @Column('timestamptz', { nullable: true }) remind_at: Date | null;
  @Column('boolean') completed: boolean;
  @Column('timestamptz', { nullable: true }) completed_at: Date | null;
  @Column('text', { nullable: true }) resource_type: AttachableType | null;
  @Column('int', { nullable: true }) resource_id: number | null;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
}
