import type { StageTotalDto } from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';
import { pagedOnly } from '../../http/list-query';

type Properties<T> = { [K in keyof Required<T>]: SchemaObject };

export const STAGE_TOTAL_LIST = pagedOnly('stage_total');

export const STAGE_TOTAL_SCHEMA: SchemaObject = {
  type: 'object',
  description: "a stage's deals that the reader may see: how many, and their value per currency",
  properties: {
    stage_id: { type: 'integer' },
    count: { type: 'integer', description: 'deals in the stage' },
    values: {
      type: 'array',
      description: 'one entry per currency of those deals (empty when the stage has none)',
      items: {
        type: 'object',
        properties: {
          currency: { type: 'string', example: 'USD' },
          count: { type: 'integer' },
          value: { type: 'string', description: 'decimal number as a string', example: '12500.00' },
        },
      },
    },
  } satisfies Properties<StageTotalDto>,
};
