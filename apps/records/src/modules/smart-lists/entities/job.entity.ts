import type { BulkActionType, JobStatus, RecordResourceType } from '@crm/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A bulk action over the snapshot of record ids in `job_items`. The worker advances
 * `last_record_id` and `processed` in the same transaction as each chunk it applies.
 */
@Entity('jobs')
export class JobEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('text') type: BulkActionType;
  @Column('text') status: JobStatus;
  @Column('int') smart_list_id: number;
  @Column('text') resource_type: RecordResourceType;
  /** reassign_owner */
  @Column('int', { nullable: true }) owner_id: number | null;
  /** reassign_owner through a pool: each snapshot item gets its owner before the job is queued. */
  @Column('int', { nullable: true }) owner_pool_id: number | null;
  /** add_tag, remove_tag */
  @Column('text', { nullable: true }) tag: string | null;
  @Column('int') total: number;
  @Column('int') processed: number;
  /** The snapshot is worked through in record id order; everything up to here is done. */
  @Column('int') last_record_id: number;
  /** Failed tries of the current chunk; the job fails after a few. */
  @Column('int') attempts: number;
  @Column('text', { nullable: true }) error: string | null;
  @Column('int') creator_id: number;
  @Column('text', { nullable: true }) correlation_id: string | null;
  @Column('timestamptz') created_at: Date;
  @Column('timestamptz', { nullable: true }) started_at: Date | null;
  @Column('timestamptz', { nullable: true }) finished_at: Date | null;
  @Column('timestamptz') updated_at: Date;
}
