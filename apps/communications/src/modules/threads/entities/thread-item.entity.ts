import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An email, call, text message or note in a thread (exactly one item column is set). Removing
 * the row takes the item out of the thread; the item itself stays.
 */
@Entity('thread_items')
export class ThreadItemEntity {
  /** The table has no single key (one unique index per item column); TypeORM needs one to name. */
  @PrimaryColumn('int') thread_id: number;
  @Column('int') account_id: number;
  @Column('int', { nullable: true }) email_id: number | null;
  @Column('int', { nullable: true }) call_id: number | null;
  @Column('int', { nullable: true }) text_message_id: number | null;
  @Column('int', { nullable: true }) note_id: number | null;
  @Column('int') added_by_id: number;
  @Column('timestamptz') added_at: Date;
}
