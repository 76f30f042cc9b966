import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { DomainError, SellErrorItem } from './errors';

type Constructor<T> = new () => T;

/** Fields a client may send back unchanged after reading a record; they are ignored, not refused. */
const READ_ONLY = new Set(['id', 'creator_id', 'created_at', 'updated_at']);

/**
 * Validate a plain `data` object against an attribute class: unknown attributes, wrong types
 * and bad values all become one 422 in Sell's format, so nothing invalid reaches business code.
 */
export function parseAttributes<T extends object>(
  resource: string,
  cls: Constructor<T>,
  data: unknown,
  readOnly: Iterable<string> = [],
): T {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new DomainError(422, [{ resource, field: '/data', code: 'invalid', message: 'data must be an object' }]);
  }
  const ignored = new Set([...READ_ONLY, ...readOnly]);
  const plain = Object.fromEntries(Object.entries(data).filter(([key]) => !ignored.has(key)));
  const instance = plainToInstance(cls, plain, { exposeDefaultValues: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new DomainError(422, errors.flatMap((error) => toSellErrors(resource, error, '')));
  }
  // class-transformer leaves keys the client did not send undefined: keep only what was sent.
  for (const key of Object.keys(instance)) {
    if ((instance as Record<string, unknown>)[key] === undefined) delete (instance as Record<string, unknown>)[key];
  }
  return instance;
}

function toSellErrors(resource: string, error: ValidationError, prefix: string): SellErrorItem[] {
  const field = `${prefix}/${error.property}`;
  const own = Object.entries(error.constraints ?? {}).map(([constraint, message]): SellErrorItem => {
    if (constraint === 'whitelistValidation') return { resource, field, code: 'unknown', message: 'unknown attribute' };
    if (constraint === 'isDefined' || constraint === 'isNotEmpty') return { resource, field, code: 'blank', message };
    return { resource, field, code: 'invalid', message };
  });
  const nested = (error.children ?? []).flatMap((child) => toSellErrors(resource, child, field));
  return [...own, ...nested];
}
