import { CustodianError } from '@custodian/schemas';

/** SQLSTATE classes where trying again can succeed: connection loss, serialization, deadlock, shutdown, resources. */
const TRANSIENT = /^(08|40|53|57)/;

interface DbErrorFields {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

/**
 * One error shape for both drivers: `E_SQL` with the SQLSTATE and constraint in `details`, so adapters
 * can tell a unique violation (`23505`) from a lost connection without knowing which driver ran.
 * The statement and its parameters are left out: they can carry personal data.
 */
export function sqlError(where: string, cause: unknown): CustodianError {
  if (cause instanceof CustodianError) return cause;
  const f = (cause ?? {}) as DbErrorFields;
  const sqlstate = typeof f.code === 'string' ? f.code : undefined;
  const message = typeof f.message === 'string' ? f.message : String(cause);
  return new CustodianError('E_SQL', `${where}: ${message}`, {
    retryable: sqlstate === undefined || TRANSIENT.test(sqlstate),
    details: {
      ...(sqlstate ? { sqlstate } : {}),
      ...(typeof f.constraint === 'string' ? { constraint: f.constraint } : {}),
    },
    cause,
  });
}

/** True for a unique violation, optionally of one named constraint. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  if (!(e instanceof CustodianError) || e.details.sqlstate !== '23505') return false;
  return constraint === undefined || e.details.constraint === constraint;
}
