import { AttachableType, CallAttributes, DomainError, parseAttributes } from '@crm/contracts';
import type { CallFields } from './calls.repository';
import type { CallEntity } from './entities/call.entity';

export interface CallTarget {
  type: AttachableType;
  id: number;
}

/** An attribute set after every check that needs no other service and no database. */
export interface CallChanges {
  fields: Partial<CallFields>;
  /** Sent attribute names, for the `changed` list of the update event. */
  sent: string[];
  /** Set when the resource changes: the new one, or null when detached. */
  resource?: CallTarget | null;
  /** Set when the associated deals change: each must be a deal the actor can see. */
  dealIds?: number[];
}

/** Attributes that have a value on every call: null is not a way to clear them. */
const NOT_NULL = ['user_id', 'duration', 'phone_number', 'incoming', 'missed', 'associated_deal_ids', 'made_at'] as const;

/** Copied as sent (after validation); the others need conversion or checks. */
const PLAIN = ['user_id', 'summary', 'recording_url', 'outcome_id', 'duration', 'incoming', 'missed', 'external_id'] as const;

/**
 * Validate a call's attributes for a create (`current` null) or an update of `current`:
 * unknown attributes, wrong types, a blank phone number and a half-given resource are 422s here.
 */
export function parseCallAttributes(data: unknown, current: CallEntity | null): CallChanges {
  const attributes = parseAttributes('call', CallAttributes, data);
  for (const name of NOT_NULL) {
    if (name in attributes && attributes[name] === null) throw DomainError.invalid('call', name, `${name} cannot be null`, 'blank');
  }
  const fields: Partial<CallFields> = {};
  for (const name of PLAIN) {
    if (name in attributes) Object.assign(fields, { [name]: attributes[name] ?? null });
  }
  const phone = attributes.phone_number?.trim();
  if (phone !== undefined || current === null) {
    if (!phone) throw DomainError.invalid('call', 'phone_number', 'phone_number is required', 'blank');
    fields.phone_number = phone;
  }
  if (attributes.made_at !== undefined) fields.made_at = new Date(attributes.made_at);

  const changes: CallChanges = { fields, sent: Object.keys(attributes) };
  if ('resource_type' in attributes || 'resource_id' in attributes) {
    changes.resource = targetOf(
      'resource_type' in attributes ? (attributes.resource_type ?? null) : (current?.resource_type ?? null),
      'resource_id' in attributes ? (attributes.resource_id ?? null) : (current?.resource_id ?? null),
    );
    fields.resource_type = changes.resource?.type ?? null;
    fields.resource_id = changes.resource?.id ?? null;
  }
  if (attributes.associated_deal_ids !== undefined) {
    changes.dealIds = [...new Set(attributes.associated_deal_ids)];
    fields.associated_deal_ids = changes.dealIds;
  }
  return changes;
}

function targetOf(type: AttachableType | null, id: number | null): CallTarget | null {
  if (type === null && id === null) return null;
  if (type === null) throw DomainError.invalid('call', 'resource_type', 'resource_type is required with resource_id', 'blank');
  if (id === null) throw DomainError.invalid('call', 'resource_id', 'resource_id is required with resource_type', 'blank');
  return { type, id };
}
