import type { ThreadDto, ThreadItemDto } from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';

type Properties<T> = { [K in keyof Required<T>]: SchemaObject };

const INTEGER: SchemaObject = { type: 'integer' };
const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time' };

const thread: Properties<ThreadDto> = {
  id: INTEGER,
  resource_type: { type: 'string', enum: ['lead', 'contact', 'deal'] },
  resource_id: INTEGER,
  name: { type: 'string' },
  creator_id: INTEGER,
  created_at: DATE_TIME,
  updated_at: DATE_TIME,
};

const item: Properties<ThreadItemDto> = {
  thread_id: INTEGER,
  item_type: { type: 'string', enum: ['email', 'call', 'text_message', 'note'] },
  item_id: INTEGER,
  added_by_id: INTEGER,
  added_at: DATE_TIME,
};

export const THREAD_SCHEMA: SchemaObject = { type: 'object', properties: thread };
export const THREAD_ITEM_SCHEMA: SchemaObject = { type: 'object', properties: item };
