import { ApiError } from '../../../api/client';
import { formKeyOfErrorField } from './field-specs';

/** An API refusal as the form shows it: one line on top, and each field's message under its input. */
export interface FormErrors {
  message: string | null;
  fields: Record<string, string>;
}

export const NO_ERRORS: FormErrors = { message: null, fields: {} };

export function formErrorsOf(error: unknown): FormErrors {
  if (!error) return NO_ERRORS;
  if (!(error instanceof ApiError)) return { message: error instanceof Error ? error.message : String(error), fields: {} };
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fields)) fields[formKeyOfErrorField(field)] = message;
  return { message: error.message, fields };
}
