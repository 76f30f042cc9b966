import { Injectable } from '@nestjs/common';
import {
  Actor,
  DomainError,
  EmailSelectionAttributes,
  ListQuery,
  MailboxAction,
  MailboxActionDto,
  MailboxCountsDto,
  MailboxEmailDto,
  MarkEmailsAttributes,
  Page,
  parseAttributes,
} from '@crm/contracts';
import { toPage, TransactionRunner } from '@crm/platform';
import { MailboxEntriesRepository } from './mailbox-entries.repository';
import { parseMailboxTabQuery } from './mailbox-list-query';
import { toMailboxCountsDto, toMailboxEmailDto } from './mailbox.mapper';
import { MailboxTabsRepository } from './mailbox-tabs.repository';

/** A user's own Communication Center: the email tabs, their counts, and bulk read/archive of their entries. */
@Injectable()
export class MailboxService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tabs: MailboxTabsRepository,
    private readonly entries: MailboxEntriesRepository,
  ) {}

  async list(actor: Actor, query: ListQuery): Promise<Page<MailboxEmailDto>> {
    const tabQuery = parseMailboxTabQuery(query);
    const page = toPage(await this.transactions.read((tx) => this.tabs.page(tx, actor.accountId, actor.userId, tabQuery)), query);
    return { items: page.rows.map(toMailboxEmailDto), hasMore: page.hasMore };
  }

  async counts(actor: Actor): Promise<MailboxCountsDto> {
    return toMailboxCountsDto(await this.transactions.read((tx) => this.tabs.counts(tx, actor.accountId, actor.userId)));
  }

  mark(actor: Actor, data: unknown): Promise<MailboxActionDto> {
    const { ids, read } = parseAttributes('email', MarkEmailsAttributes, data);
    return this.apply(actor, ids, read ? 'mark_read' : 'mark_unread');
  }

  archive(actor: Actor, data: unknown, archived: boolean): Promise<MailboxActionDto> {
    const { ids } = parseAttributes('email', EmailSelectionAttributes, data);
    return this.apply(actor, ids, archived ? 'archive' : 'unarchive');
  }

  /** All or nothing: one id that is not the user's own entry (another user's, another account's, unknown) is a 404 and nothing changes. */
  private async apply(actor: Actor, ids: number[], action: MailboxAction): Promise<MailboxActionDto> {
    const selected = [...new Set(ids)];
    const { accountId, userId } = actor;
    await this.transactions.run(async (tx) => {
      const owned = new Set(await this.entries.lockOwned(tx, accountId, userId, selected));
      const missing = selected.filter((id) => !owned.has(id));
      if (missing.length > 0) {
        throw new DomainError(404, missing.map((id) => ({ resource: 'email', code: 'not_found' as const, message: `email ${id} not found` })));
      }
      if (action === 'mark_read' || action === 'mark_unread') await this.entries.setRead(tx, accountId, userId, selected, action === 'mark_read');
      else await this.entries.setArchived(tx, accountId, userId, selected, action === 'archive');
    });
    return { action, ids: selected };
  }
}
