import type { StageCategory } from '@crm/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('stages')
export class StageEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('int') pipeline_id: number;
  @Column('text') name: string;
  @Column('text') category: StageCategory;
  @Column('int') position: number;
  @Column('int') likelihood: number;
  @Column('boolean') active: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
}
