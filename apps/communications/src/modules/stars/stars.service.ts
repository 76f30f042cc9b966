import { Injectable } from '@nestjs/common';
import { Actor, DomainError, parseAttributes, STARRABLE_TYPES, StarAttributes, StarDto, StarrableType } from '@crm/contracts';
import { TransactionRunner, Tx } from '@crm/platform';
import { ActivityItemsRepository } from '../activities/activity-items.repository';
import { missingAsNotFound } from '../activities/foreign-key';
import { RecordsAccessService, ViewerScope } from '../records-access/records-access.service';
import { toStarDto } from './stars.mapper';
import { StarsRepository } from './stars.repository';

/**
 * Stars on emails, text messages and notes. A star belongs to the item, not to a user: whoever
 * can see the item sees it and may set or remove it (who set it, and when, is kept). Both
 * directions are idempotent. An item the actor cannot see is a 404 and nothing changes.
 */
@Injectable()
export class StarsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly stars: StarsRepository,
    private readonly items: ActivityItemsRepository,
    private readonly access: RecordsAccessService,
  ) {}

  async star(actor: Actor, data: unknown): Promise<StarDto> {
    const { item_type: type, item_id: id } = parseAttributes('star', StarAttributes, data);
    const viewer = await this.access.viewerScope(actor);
    return missingAsNotFound(
      () =>
        this.transactions.run(async (tx) => {
          await this.assertVisible(tx, actor, viewer, type, id);
          return toStarDto(type, id, await this.stars.add(tx, actor.accountId, type, id, actor.userId));
        }),
      type,
      id,
    );
  }

  async unstar(actor: Actor, itemType: string, id: number): Promise<{ deleted: true }> {
    if (!(STARRABLE_TYPES as readonly string[]).includes(itemType)) throw DomainError.notFound('star', `${itemType}/${id}`);
    const type = itemType as StarrableType;
    const viewer = await this.access.viewerScope(actor);
    return this.transactions.run(async (tx) => {
      await this.assertVisible(tx, actor, viewer, type, id);
      await this.stars.remove(tx, actor.accountId, type, id);
      return { deleted: true as const };
    });
  }

  private async assertVisible(tx: Tx, actor: Actor, viewer: ViewerScope, type: StarrableType, id: number): Promise<void> {
    if (!(await this.items.isVisible(tx, actor.accountId, { type, id }, viewer))) throw DomainError.notFound(type, id);
  }
}
