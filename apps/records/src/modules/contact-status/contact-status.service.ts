import { Injectable } from '@nestjs/common';
import { Actor, RecordsEvents } from '@crm/contracts';
import { EventPublisher, Tx } from '@crm/platform';
import { AccountBccService } from '../account-bcc/account-bcc.service';
import { toContactDto } from '../contacts/contacts.mapper';
import { ContactsRepository } from '../contacts/contacts.repository';
import { ContactStatusRepository } from './contact-status.repository';
import { deriveStatuses } from './contact-status.rules';

/**
 * Keeps contacts' customer and prospect statuses current after every deal change, in the same
 * transaction as the change, and says so with one event per status that moved.
 */
@Injectable()
export class ContactStatusService {
  constructor(
    private readonly repository: ContactStatusRepository,
    private readonly contacts: ContactsRepository,
    private readonly bcc: AccountBccService,
    private readonly events: EventPublisher,
  ) {}

  /** The contacts a deal concerns now; call before changing the deal, then pass them to `refresh`. */
  contactsOfDeal(tx: Tx, accountId: number, dealId: number): Promise<number[]> {
    return this.repository.contactsOfDeal(tx, accountId, dealId);
  }

  /**
   * Recompute the contacts the deal concerned before the change and concerns after it.
   * `newlyWon`: the change moved the deal into a won stage (it undoes a hand-set `past`).
   */
  async refresh(tx: Tx, actor: Actor, dealId: number, contactsBefore: number[], newlyWon: boolean): Promise<void> {
    const after = await this.repository.contactsOfDeal(tx, actor.accountId, dealId);
    const contactIds = [...new Set([...contactsBefore, ...after])].sort((a, b) => a - b);
    for (const tally of await this.repository.tallies(tx, actor.accountId, contactIds)) {
      const next = deriveStatuses(tally, newlyWon && after.includes(tally.contact_id));
      const moved = (['customer_status', 'prospect_status'] as const).filter((field) => next[field] !== tally[field]);
      if (moved.length === 0) continue;
      await this.repository.setStatuses(tx, actor.accountId, tally.contact_id, next.customer_status, next.prospect_status);
      for (const field of moved) await this.announce(tx, actor, tally.contact_id, field, tally[field], next[field], dealId);
      await this.announceContact(tx, actor, tally.contact_id, moved);
    }
  }

  /** A status set by hand (`past`): the same events as a derived change, without a deal. */
  async announce(
    tx: Tx,
    actor: Actor,
    contactId: number,
    field: 'customer_status' | 'prospect_status',
    from: string,
    to: string,
    dealId: number | null,
  ): Promise<void> {
    const subject = field === 'customer_status' ? RecordsEvents.contactStatus.customerChanged : RecordsEvents.contactStatus.prospectChanged;
    await this.events.publish(tx, subject, { accountId: actor.accountId, correlationId: actor.correlationId, contactId, field, from, to, dealId });
  }

  private async announceContact(tx: Tx, actor: Actor, contactId: number, changed: string[]): Promise<void> {
    const contact = await this.contacts.find(tx, actor.accountId, contactId);
    if (!contact) return;
    await this.events.publish(tx, RecordsEvents.contact.updated, {
      accountId: actor.accountId,
      correlationId: actor.correlationId,
      entity: 'contact',
      id: contactId,
      actorId: actor.userId,
      data: toContactDto(contact, await this.bcc.emailOf(tx, actor.accountId)),
      changed,
    });
  }
}
