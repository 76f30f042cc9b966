/**
 * Errors in Sell's format. Services raise a DomainError; it crosses request/reply as a plain
 * object and the gateway renders it as Sell's error envelope with the given HTTP status.
 */
export type SellErrorCode =
  | 'unknown'
  | 'blank'
  | 'invalid'
  | 'taken'
  | 'not_found'
  | 'invalid_param'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'too_large'
  | 'rate_limited'
  | 'internal';

export interface SellErrorItem {
  resource?: string;
  field?: string;
  code: SellErrorCode;
  message: string;
  details?: string;
}

export interface DomainErrorBody {
  kind: 'domain_error';
  status: number;
  errors: SellErrorItem[];
}

export class DomainError extends Error {
  readonly kind = 'domain_error' as const;

  constructor(
    readonly status: number,
    readonly errors: SellErrorItem[],
  ) {
    super(errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '));
  }

  toJSON(): DomainErrorBody {
    return { kind: this.kind, status: this.status, errors: this.errors };
  }

  static isBody(value: unknown): value is DomainErrorBody {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as DomainErrorBody).kind === 'domain_error' &&
      Array.isArray((value as DomainErrorBody).errors)
    );
  }

  static notFound(resource: string, id?: number | string): DomainError {
    return new DomainError(404, [
      { resource, code: 'not_found', message: id === undefined ? `${resource} not found` : `${resource} ${id} not found` },
    ]);
  }

  static invalid(resource: string, field: string, message: string, code: SellErrorCode = 'invalid'): DomainError {
    return new DomainError(422, [{ resource, field: `/${field}`, code, message }]);
  }

  static conflict(resource: string, message: string): DomainError {
    return new DomainError(409, [{ resource, code: 'conflict', message }]);
  }

  static forbidden(resource: string, message: string): DomainError {
    return new DomainError(403, [{ resource, code: 'forbidden', message }]);
  }
}
