import { Injectable } from '@nestjs/common';
import { ActivityDto, Actor, DomainError, ListQuery, Page } from '@crm/contracts';
import { TransactionRunner, Tx } from '@crm/platform';
import { ThreadsRepository } from '../threads/threads.repository';
import { ActivityFeedRepository, FeedFilter } from './activity-feed.repository';
import { toActivityDto } from './activities.mapper';
import { parseFeedFilter } from './feed-filters';
import { RecordVisibility } from './record-visibility.service';

/**
 * A record's activity feed. Whoever may see the record (records decides, before any transaction
 * opens) sees everything on it: every email, call and text on a record the viewer owns is theirs
 * to see by the visibility rule, and a viewer who sees the account sees all.
 */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly feed: ActivityFeedRepository,
    private readonly threads: ThreadsRepository,
    private readonly records: RecordVisibility,
  ) {}

  async list(actor: Actor, query: ListQuery): Promise<Page<ActivityDto>> {
    const filter = parseFeedFilter(query);
    await this.records.find(actor, filter.record);
    return this.transactions.read(async (tx) => {
      await this.assertThreadOfRecord(tx, actor.accountId, filter);
      const rows = await this.feed.page(tx, actor.accountId, filter, (query.page - 1) * query.perPage, query.perPage + 1);
      return { items: rows.slice(0, query.perPage).map(toActivityDto), hasMore: rows.length > query.perPage };
    });
  }

  /** `thread_id` must name a thread of this record (another's, or another account's, is refused alike). */
  private async assertThreadOfRecord(tx: Tx, accountId: number, filter: FeedFilter): Promise<void> {
    if (filter.threadId === null) return;
    const thread = await this.threads.find(tx, accountId, filter.threadId);
    if (!thread || thread.resource_type !== filter.record.type || thread.resource_id !== filter.record.id) {
      throw DomainError.invalid('activity', 'thread_id', `thread ${filter.threadId} is not a thread of ${filter.record.type} ${filter.record.id}`);
    }
  }
}
