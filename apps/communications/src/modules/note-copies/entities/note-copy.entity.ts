import type { AttachableType } from '@crm/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * communications' copy of a note of the records service (same id), fed by `records.note.*`
 * events, so that a record's activity feed, stars and threads can include notes without reading
 * records' tables.
 */
@Entity('note_copies')
export class NoteCopyEntity {
  @PrimaryColumn('int') id: number;
  @Column('int') account_id: number;
  @Column('int') creator_id: number;
  @Column('text') content: string;
  @Column('text') resource_type: AttachableType;
  @Column('int') resource_id: number;
  @Column('boolean') is_important: boolean;
  @Column('timestamptz') created_at: Date;
  /** The note's `updated_at` in records: an older event never overwrites a newer copy. */
  @Column('timestamptz') updated_at: Date;
}
