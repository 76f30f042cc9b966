import { PipeTransform } from '@nestjs/common';
import { DomainError } from '@crm/contracts';

/** Record ids are Postgres integers: anything larger cannot name a record. */
export const MAX_RECORD_ID = 2_147_483_647;

/** The record id in a path, or null when the segment cannot be one. */
export function parseRecordId(raw: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= MAX_RECORD_ID ? id : null;
}

/**
 * A path id that is not a positive integer names no record: 404, as for a missing one, so the
 * answer is the same whatever the client guessed.
 */
export class RecordIdPipe implements PipeTransform<string, number> {
  constructor(private readonly resource: string) {}

  transform(raw: string): number {
    const id = parseRecordId(raw);
    if (id === null) throw DomainError.notFound(this.resource, raw);
    return id;
  }
}
