import { BULK_ACTIONS, JobDto, SmartListDto, SmartListFilters } from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';
import type { ListSpec } from '../../http/list-query';
import { attributeSchema } from '../../openapi/attribute-schema';

/** Response `data` of smart lists and jobs, typed by their contract DTOs so the two cannot drift apart. */
type Properties<T> = { [K in keyof Required<T>]: SchemaObject };

const INTEGER: SchemaObject = { type: 'integer' };
const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time' };
const RESOURCE_TYPE: SchemaObject = { type: 'string', enum: ['lead', 'contact', 'deal'] };

export const SMART_LIST_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: INTEGER,
    name: { type: 'string' },
    resource_type: RESOURCE_TYPE,
    filters: { ...attributeSchema(SmartListFilters), description: 'every key narrows the list; values within a key match any' },
    creator_id: INTEGER,
    created_at: DATE_TIME,
    updated_at: DATE_TIME,
  } satisfies Properties<SmartListDto>,
};

export const JOB_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: INTEGER,
    type: { type: 'string', enum: [...BULK_ACTIONS] },
    status: { type: 'string', enum: ['allocating', 'queued', 'running', 'completed', 'failed'] },
    smart_list_id: INTEGER,
    resource_type: RESOURCE_TYPE,
    owner_id: { ...INTEGER, nullable: true },
    owner_pool_id: { ...INTEGER, nullable: true, description: 'reassignment round robin through this distribution pool' },
    tag: { type: 'string', nullable: true },
    total: { type: 'integer', description: 'records the list matched when the job was created: the job acts on those only' },
    processed: INTEGER,
    progress: { type: 'number', minimum: 0, maximum: 1, description: 'processed / total (1 when there was nothing to do)' },
    error: { type: 'string', nullable: true },
    creator_id: INTEGER,
    created_at: DATE_TIME,
    started_at: { ...DATE_TIME, nullable: true },
    finished_at: { ...DATE_TIME, nullable: true },
  } satisfies Properties<JobDto>,
};

export const COUNT_SCHEMA: SchemaObject = { type: 'object', properties: { count: INTEGER } };

export const SMART_LIST_LIST: ListSpec = {
  resource: 'smart_list',
  selectable: true,
  customFieldFilters: false,
  filters: { name: 'text', resource_type: 'text', creator_id: 'integer' },
};

/** A smart list's records: paged, sorted and selected (`ids`) as the resource's own list, its filters being the list's. */
export const smartListItems = (resource: 'lead' | 'contact' | 'deal'): ListSpec => ({
  resource,
  selectable: true,
  customFieldFilters: false,
  filters: {},
});
