import { Injectable } from '@nestjs/common';
import { DealAddressAssignedEvent, RecordsEvents } from '@crm/contracts';
import { EventPublisher, Tx } from '@crm/platform';
import { toDealDto } from './deals.mapper';
import { DealsRepository } from './deals.repository';

/** A deal's dropbox address, which mail-ingest owns and announces: records shows it as `dropbox_email`. */
@Injectable()
export class DealDropboxService {
  constructor(
    private readonly deals: DealsRepository,
    private readonly events: EventPublisher,
  ) {}

  /** In the consumer's transaction. A deal deleted since is ignored; an unchanged address emits nothing. */
  async assign(tx: Tx, event: DealAddressAssignedEvent): Promise<void> {
    const deal = await this.deals.findForUpdate(tx, event.accountId, event.dealId);
    if (!deal || deal.dropbox_email === event.address) return;
    deal.dropbox_email = event.address;
    const saved = await this.deals.save(tx, deal);
    await this.events.publish(tx, RecordsEvents.deal.updated, {
      accountId: event.accountId,
      correlationId: event.correlationId,
      entity: 'deal',
      id: saved.id,
      actorId: null,
      data: toDealDto(saved),
      changed: ['dropbox_email'],
    });
  }
}
