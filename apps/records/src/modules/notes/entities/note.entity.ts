import type { AttachableType } from '@crm/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('notes')
export class NoteEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('int') creator_id: number;
  @Column('text') content: string;
  @Column('text') resource_type: AttachableType;
  @Column('int') resource_id: number;
  @Column('boolean') is_important: boolean;
  @Column('text', { array: true }) tags: string[];
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
}
