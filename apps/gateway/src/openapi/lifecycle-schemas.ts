import type { GroupDto, LeadConversionDto, NoteDto, RoleDto, TaskDto } from '@crm/contracts';
import type { SchemaObject } from '@nestjs/swagger';

/** Response `data` of the records-lifecycle resources (roles, groups, conversions, notes, tasks). */
const TIMESTAMPS = { created_at: { type: 'string', format: 'date-time' }, updated_at: { type: 'string', format: 'date-time' } } as const;
const int = { type: 'integer' } as const;
const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
const dateTime = { type: 'string', format: 'date-time' } as const;
const ids = { type: 'array', items: int } as const;

type Properties<T> = { [K in keyof Required<T>]: SchemaObject };
const schema = <T>(properties: Properties<T>): SchemaObject => ({ type: 'object', properties });

export const ROLE_SCHEMA = schema<RoleDto>({ id: int, name: str, permissions: { type: 'array', items: str }, system: bool, ...TIMESTAMPS });
export const GROUP_SCHEMA = schema<GroupDto>({ id: int, name: str, user_ids: ids, ...TIMESTAMPS });
export const LEAD_CONVERSION_SCHEMA = schema<LeadConversionDto>({
  id: int,
  lead_id: int,
  individual_id: int,
  organization_id: nullable(int),
  deal_id: nullable(int),
  creator_id: int,
  created_at: dateTime,
});
export const NOTE_SCHEMA = schema<NoteDto>({
  id: int,
  creator_id: int,
  content: str,
  resource_type: str,
  resource_id: int,
  is_important: bool,
  tags: { type: 'array', items: str },
  ...TIMESTAMPS,
});
export const TASK_SCHEMA = schema<TaskDto>({
  id: int,
  creator_id: int,
  owner_id: int,
  content: str,
  due_date: nullable(dateTime),
  remind_at: nullable(dateTime),
  completed: bool,
  completed_at: nullable(dateTime),
  overdue: bool,
  resource_type: nullable(str),
  resource_id: nullable(int),
  ...TIMESTAMPS,
});
