import type { AssignmentDto, DistributionPoolDto } from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';
import type { ListSpec } from '../../http/list-query';

const int = { type: 'integer' } as const;
const str = { type: 'string' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
type Properties<T> = { [K in keyof Required<T>]: SchemaObject };

const MEMBER: SchemaObject = {
  type: 'object',
  properties: {
    user_id: int,
    position: int,
    weight: int,
    paused: { type: 'boolean' },
    daily_cap: { ...int, nullable: true },
    assigned_today: int,
    active: { type: 'boolean' },
  },
};

export const POOL_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: int,
    name: str,
    resource_type: { type: 'string', enum: ['lead', 'contact', 'deal'] },
    members: { type: 'array', items: MEMBER },
    creator_id: int,
    created_at: dateTime,
    updated_at: dateTime,
  } satisfies Properties<DistributionPoolDto>,
};

export const ASSIGNMENT_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: int,
    pool_id: int,
    user_id: int,
    resource_type: str,
    resource_id: { ...int, nullable: true },
    reason: str,
    source: str,
    created_at: dateTime,
  } satisfies Properties<AssignmentDto>,
};

export const NEXT_OWNER_SCHEMA: SchemaObject = {
  type: 'object',
  properties: { user_id: int, assignment_id: int, resource_type: str },
};

export const POOL_LIST: ListSpec = { resource: 'distribution_pool', selectable: true, customFieldFilters: false, filters: { resource_type: 'text' } };
export const ASSIGNMENT_LIST: ListSpec = {
  resource: 'distribution_assignment',
  selectable: false,
  customFieldFilters: false,
  filters: { pool_id: 'integer', user_id: 'integer', resource_type: 'text', resource_id: 'integer' },
};
