import { Injectable } from '@nestjs/common';
import {
  Actor,
  CommunicationsRequests as C,
  DomainError,
  OutboundTargetAttributes,
  RecordsRequests as R,
  TelephonyResource,
} from '@crm/contracts';
import { RpcClient } from '@crm/platform';
import { countryOf, toE164 } from '../phone-numbers/phone-format';

/** Who a text or call goes to, in E.164, and the lead or contact the user chose, if any. */
export interface OutboundTarget {
  phoneNumber: string;
  resource: TelephonyResource | null;
  inReplyTo: number | null;
}

/** Texts go to a mobile first, calls to the main phone first. */
const NUMBER_ORDER = { text: ['mobile', 'phone'], call: ['phone', 'mobile'] } as const;

/**
 * Resolves the destination of an outbound text or call, asking records (the lead or contact, as the
 * actor may see it: a hidden or foreign one is a 404) or communications (the message replied to).
 * Called before any transaction is opened.
 */
@Injectable()
export class OutboundTargetResolver {
  constructor(private readonly rpc: RpcClient) {}

  async resolve(
    actor: Actor,
    resource: 'text_message' | 'call',
    attributes: OutboundTargetAttributes & { in_reply_to?: number },
    ownNumber: string,
  ): Promise<OutboundTarget> {
    // A null attribute is an absent one (IsOptional lets null through).
    const given = [attributes.in_reply_to != null, attributes.resource_type != null || attributes.resource_id != null, attributes.phone_number != null];
    if (given.filter(Boolean).length !== 1) {
      const choices = resource === 'text_message' ? 'resource_type and resource_id, phone_number, or in_reply_to' : 'resource_type and resource_id, or phone_number';
      throw new DomainError(422, [{ resource, field: '/phone_number', code: 'blank', message: `give exactly one destination: ${choices}` }]);
    }
    const country = countryOf(ownNumber);
    const target =
      attributes.in_reply_to != null
        ? await this.replyTarget(actor, attributes.in_reply_to, ownNumber)
        : attributes.phone_number != null
          ? { phoneNumber: this.number(resource, attributes.phone_number, country), resource: null, inReplyTo: null }
          : await this.recordTarget(actor, resource, attributes, country);
    if (target.phoneNumber === ownNumber) throw DomainError.invalid(resource, 'phone_number', 'that is your own Twilio number');
    return target;
  }

  private number(resource: string, raw: string, country: ReturnType<typeof countryOf>): string {
    const e164 = toE164(raw, country);
    if (!e164) throw DomainError.invalid(resource, 'phone_number', `${raw} is not a valid phone number`);
    return e164;
  }

  private async recordTarget(
    actor: Actor,
    resource: 'text_message' | 'call',
    attributes: OutboundTargetAttributes,
    country: ReturnType<typeof countryOf>,
  ): Promise<OutboundTarget> {
    const { resource_type: type, resource_id: id } = attributes;
    if (type == null) throw DomainError.invalid(resource, 'resource_type', 'resource_type is required with resource_id', 'blank');
    if (id == null) throw DomainError.invalid(resource, 'resource_id', 'resource_id is required with resource_type', 'blank');
    const asker = { accountId: actor.accountId, userId: actor.userId, correlationId: actor.correlationId, id };
    const party = type === 'lead' ? await this.rpc.request(R.GetLead, asker) : await this.rpc.request(R.GetContact, asker);
    const kinds = NUMBER_ORDER[resource === 'text_message' ? 'text' : 'call'];
    const phoneNumber = kinds.map((kind) => toE164(party[kind], country)).find((e164) => e164 !== null);
    if (!phoneNumber) throw DomainError.invalid(resource, 'resource_id', `${type} ${id} has no valid ${kinds.join(' or ')} number`);
    return { phoneNumber, resource: { resource_type: type, resource_id: id }, inReplyTo: null };
  }

  /** Replies go only to messages received on the user's own number (Sell's rule); the message must be visible. */
  private async replyTarget(actor: Actor, messageId: number, ownNumber: string): Promise<OutboundTarget> {
    const message = await this.rpc.request(C.GetTextMessage, { accountId: actor.accountId, userId: actor.userId, correlationId: actor.correlationId, id: messageId });
    if (!message.incoming || message.user_phone_number !== ownNumber) {
      throw DomainError.forbidden('text_message', 'you can reply only to messages sent to your own number');
    }
    const resource = message.resource_type && message.resource_id ? { resource_type: message.resource_type, resource_id: message.resource_id } : null;
    return { phoneNumber: message.resource_phone_number, resource, inReplyTo: messageId };
  }
}
