import type { AttachableType } from '@crm/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** communications' copy of who owns a lead, contact or deal, fed by records' events. */
@Entity('record_owners')
export class RecordOwnerEntity {
  @PrimaryColumn('int') account_id: number;
  @PrimaryColumn('text') resource_type: AttachableType;
  @PrimaryColumn('int') resource_id: number;
  @Column('int') owner_id: number;
  /** The record's `updated_at` in the event that set this row: an older event never overwrites a newer one. */
  @Column('timestamptz') source_updated_at: Date;
}
