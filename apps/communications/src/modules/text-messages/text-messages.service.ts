import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ListQuery, Page, TextMessageDto } from '@crm/contracts';
import { TransactionRunner } from '@crm/platform';
import { RecordsAccessService } from '../records-access/records-access.service';
import { toTextMessageDto } from './text-messages.mapper';
import { TextMessagesRepository } from './text-messages.repository';

/** Text messages are read-only through Sell's API; telephony writes them. */
@Injectable()
export class TextMessagesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly messages: TextMessagesRepository,
    private readonly access: RecordsAccessService,
  ) {}

  async list(actor: Actor, query: ListQuery): Promise<Page<TextMessageDto>> {
    const viewer = await this.access.viewerScope(actor);
    return this.transactions.read(async (tx) => {
      const page = await this.messages.list(tx, actor.accountId, query, viewer);
      return { items: page.rows.map(toTextMessageDto), hasMore: page.hasMore };
    });
  }

  async get(actor: Actor, id: number): Promise<TextMessageDto> {
    const viewer = await this.access.viewerScope(actor);
    const message = await this.transactions.read((tx) => this.messages.find(tx, actor.accountId, id, viewer));
    if (!message) throw DomainError.notFound('text_message', id);
    return toTextMessageDto(message);
  }
}
