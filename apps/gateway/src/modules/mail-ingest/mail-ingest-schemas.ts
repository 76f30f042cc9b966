import type { BccAddressDto, IngestedMessageDto } from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';
import type { ListSpec } from '../../http/list-query';

const int = { type: 'integer' } as const;
const str = { type: 'string' } as const;
const nullableStr = { type: 'string', nullable: true } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
type Properties<T> = { [K in keyof Required<T>]: SchemaObject };

export const BCC_ADDRESS_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    email: { type: 'string', format: 'email' },
    created_at: dateTime,
    previous: {
      type: 'array',
      description: 'replaced addresses that still work until expires_at (the grace period)',
      items: { type: 'object', properties: { email: str, expires_at: dateTime } },
    },
  } satisfies Properties<BccAddressDto>,
};

export const INGESTED_MESSAGE_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: int,
    status: { type: 'string', enum: ['pending', 'filed', 'failed'] },
    message_id: nullableStr,
    subject: nullableStr,
    envelope_from: nullableStr,
    recipients: { type: 'array', items: str },
    size: int,
    attempts: int,
    last_error: nullableStr,
    log: {
      type: 'array',
      description: 'what was matched, created, linked or skipped, and why',
      items: {
        type: 'object',
        properties: { action: str, email: str, resource_type: str, resource_id: int, reason: str },
      },
    },
    received_at: dateTime,
    filed_at: { ...dateTime, nullable: true },
  } satisfies Properties<IngestedMessageDto>,
};

export const INGESTED_MESSAGE_LIST: ListSpec = {
  resource: 'ingested_message',
  selectable: false,
  customFieldFilters: false,
  filters: { status: 'text' },
};
