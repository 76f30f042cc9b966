import type { EmailDirection, MailAddress, MailAttachmentMeta, MailboxEmailSource } from '@crm/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One email per Message-ID and account, however many times mail-ingest filed it. */
@Entity('emails')
export class EmailEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column('int') account_id: number;
  @Column('text') message_id: string;
  /** mail-ingest's raw message; none for mail sent from the CRM. */
  @Column('int', { nullable: true }) ingest_id: number | null;
  @Column('text') source: MailboxEmailSource;
  @Column('text') direction: EmailDirection;
  @Column('int', { nullable: true }) user_id: number | null;
  @Column('boolean') forwarded: boolean;
  @Column('text', { nullable: true }) subject: string | null;
  @Column('text', { nullable: true }) text: string | null;
  /** Sanitised before it was stored (html-sanitizer.ts). */
  @Column('text', { nullable: true }) html: string | null;
  @Column('boolean') body_truncated: boolean;
  @Column('jsonb', { nullable: true }) from_address: MailAddress | null;
  @Column('jsonb') to_addresses: MailAddress[];
  @Column('jsonb') cc_addresses: MailAddress[];
  @Column('timestamptz') date: Date;
  @Column('text', { nullable: true }) in_reply_to: string | null;
  @Column('text', { array: true }) reference_ids: string[];
  @Column('jsonb') attachments: MailAttachmentMeta[];
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updated_at: Date;
}
