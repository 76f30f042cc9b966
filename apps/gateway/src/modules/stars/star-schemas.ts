import type { StarDto } from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';

type Properties<T> = { [K in keyof Required<T>]: SchemaObject };

const properties: Properties<StarDto> = {
  item_type: { type: 'string', enum: ['email', 'text_message', 'note'] },
  item_id: { type: 'integer' },
  starred_by_id: { type: 'integer', description: 'who starred it first; starring again changes nothing' },
  starred_at: { type: 'string', format: 'date-time' },
};

export const STAR_SCHEMA: SchemaObject = { type: 'object', properties };
