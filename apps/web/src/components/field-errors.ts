import { ApiError } from '../api/client';

/**
 * The API's message for one attribute (Sell names it `/name`, `/members/0/user_id`…), to show
 * under that input; undefined when the error is about something else.
 */
export function fieldErrorOf(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields[`/${field}`] ?? error.fields[field];
}
