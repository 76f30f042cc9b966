import { ATTACHABLE_TYPES, NoteDto, RecordChangedEvent } from '@crm/contracts';

/**
 * A note event is checked whole before the copy changes: a malformed one fails its handler, is
 * redelivered and finally dead-lettered, instead of being half applied.
 */
export function assertNoteEvent(event: RecordChangedEvent, subject: string, withNote: boolean): asserts event is RecordChangedEvent<NoteDto> {
  const check = (condition: boolean, message: string) => {
    if (!condition) throw new Error(`${subject}: ${message}`);
  };
  check(isId(event.accountId), 'accountId must be a positive integer');
  check(isId(event.id), 'id must be a positive integer');
  if (!withNote) return;
  const note = event.data as Partial<NoteDto> | null;
  check(typeof note === 'object' && note !== null, 'data must be the note');
  check(note!.id === event.id, 'data.id must be the event id');
  check(isId(note!.creator_id), 'data.creator_id must be a positive integer');
  check(typeof note!.content === 'string', 'data.content must be a string');
  check((ATTACHABLE_TYPES as readonly unknown[]).includes(note!.resource_type), 'data.resource_type must be lead, contact or deal');
  check(isId(note!.resource_id), 'data.resource_id must be a positive integer');
  check(typeof note!.is_important === 'boolean', 'data.is_important must be a boolean');
  check(isTimestamp(note!.created_at) && isTimestamp(note!.updated_at), 'data.created_at and data.updated_at must be timestamps');
}

function isId(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

function isTimestamp(value: unknown): boolean {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}
