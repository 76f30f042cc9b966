import type { RecordResourceType, SmartListFilters } from '@crm/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('smart_lists')
export class SmartListEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('text') name: string;
  @Column('text') resource_type: RecordResourceType;
  /** Validated and normalized when saved (see smart-list-filters.ts). */
  @Column('jsonb') filters: SmartListFilters;
  @Column('int') creator_id: number;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
}
