import { Injectable } from '@nestjs/common';
import { TelephonyEvents } from '@crm/contracts';
import { EventPublisher, Tx } from '@crm/platform';
import { callEvent } from './call-events';
import { CallChanges, CallRow, CallsRepository } from './calls.repository';

/** Every change of a call's state goes through here: the row is locked, changed, and the new state announced. */
@Injectable()
export class CallUpdater {
  constructor(
    private readonly calls: CallsRepository,
    private readonly events: EventPublisher,
  ) {}

  /**
   * Apply what `decide` makes of the locked row; nothing when it changes nothing. A click-to-call
   * Twilio has not answered for yet is not announced: its first event will carry this state.
   */
  async apply(tx: Tx, id: string, decide: (current: CallRow) => CallChanges, correlationId?: string): Promise<CallRow> {
    const current = await this.calls.lock(tx, id);
    const changes = Object.fromEntries(Object.entries(decide(current)).filter(([key, value]) => value !== undefined && value !== current[key as keyof CallRow]));
    if (Object.keys(changes).length === 0) return current;
    const updated = await this.calls.update(tx, id, changes);
    if (!updated.pending) await this.announce(tx, updated, correlationId);
    return updated;
  }

  async announce(tx: Tx, call: CallRow, correlationId?: string): Promise<void> {
    await this.events.publish(tx, TelephonyEvents.call.updated, callEvent(call, correlationId));
  }
}
