import type { EmailDeliveryStatus } from '@crm/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Delivery through the relay and opens of an email sent from the CRM (one row per such email). */
@Entity('email_tracking')
export class EmailTrackingEntity {
  @PrimaryColumn('int') email_id: number;
  @Column('int') account_id: number;
  /** The secret in the pixel's URL: 192 random bits, base64url. */
  @Column('text') token: string;
  @Column('text') status: EmailDeliveryStatus;
  @Column('int') attempts: number;
  /** When a worker may (next) take it; while one holds it, the end of its lease. */
  @Column('timestamptz') next_attempt_at: Date;
  @Column('text', { nullable: true }) last_error: string | null;
  @Column('timestamptz', { nullable: true }) sent_at: Date | null;
  @Column('int') open_count: number;
  @Column('timestamptz', { nullable: true }) first_opened_at: Date | null;
  @Column('timestamptz', { nullable: true }) last_opened_at: Date | null;
}
