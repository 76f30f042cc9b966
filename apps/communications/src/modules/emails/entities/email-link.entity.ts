import type { MailResourceType } from '@crm/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A lead, contact or deal an email is filed on; an email without links is deleted. */
@Entity('email_links')
export class EmailLinkEntity {
  @PrimaryColumn('int') email_id: number;
  @PrimaryColumn('text') resource_type: MailResourceType;
  @PrimaryColumn('int') resource_id: number;
  @Column('int') account_id: number;
  @CreateDateColumn({ type: 'timestamptz' }) created_at: Date;
}
