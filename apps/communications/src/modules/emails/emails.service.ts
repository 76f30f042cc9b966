import { Injectable } from '@nestjs/common';
import { Actor, DomainError, EmailDto, ListQuery, MailAttachmentMeta, Page } from '@crm/contracts';
import { TransactionRunner, Tx } from '@crm/platform';
import { EmailTrackingRepository } from '../outbound/tracking/email-tracking.repository';
import { RecordsAccessService, ViewerScope } from '../records-access/records-access.service';
import { takeResourceFilter } from './email-list-filter';
import { EmailLinksRepository } from './email-links.repository';
import { toEmailDto } from './emails.mapper';
import { EmailsRepository } from './emails.repository';
import type { EmailEntity } from './entities/email.entity';

/** Emails are read-only through the API: mail-ingest files them (email-ingest.service.ts). */
@Injectable()
export class EmailsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly emails: EmailsRepository,
    private readonly links: EmailLinksRepository,
    private readonly access: RecordsAccessService,
    private readonly tracking: EmailTrackingRepository,
  ) {}

  async list(actor: Actor, query: ListQuery): Promise<Page<EmailDto>> {
    const { resource, rest } = takeResourceFilter(query);
    const viewer = await this.access.viewerScope(actor);
    return this.transactions.read(async (tx) => {
      const page = await this.emails.list(tx, actor.accountId, rest, resource, viewer);
      return { items: await this.toDtos(tx, actor.accountId, page.rows), hasMore: page.hasMore };
    });
  }

  async get(actor: Actor, id: number): Promise<EmailDto> {
    const viewer = await this.access.viewerScope(actor);
    return this.transactions.read(async (tx) => {
      const [dto] = await this.toDtos(tx, actor.accountId, [await this.visibleEmail(tx, actor, viewer, id)]);
      return dto;
    });
  }

  /** An attachment's metadata, for the gateway to fetch its content from mail-ingest. */
  async attachment(actor: Actor, emailId: number, attachmentId: number): Promise<MailAttachmentMeta> {
    const viewer = await this.access.viewerScope(actor);
    const email = await this.transactions.read((tx) => this.visibleEmail(tx, actor, viewer, emailId));
    const attachment = email.attachments.find((a) => a.id === attachmentId);
    if (!attachment) throw DomainError.notFound('attachment', attachmentId);
    return attachment;
  }

  /** The email if the actor may see it; 404 otherwise, as for a missing one. */
  private async visibleEmail(tx: Tx, actor: Actor, viewer: ViewerScope, id: number): Promise<EmailEntity> {
    const email = await this.emails.find(tx, actor.accountId, id, viewer);
    if (!email) throw DomainError.notFound('email', id);
    return email;
  }

  private async toDtos(tx: Tx, accountId: number, emails: EmailEntity[]): Promise<EmailDto[]> {
    const ids = emails.map((e) => e.id);
    const links = await this.links.forEmails(tx, accountId, ids);
    const tracking = await this.tracking.forEmails(tx, accountId, ids);
    return emails.map((email) => toEmailDto(email, links.get(email.id) ?? [], tracking.get(email.id)));
  }
}
