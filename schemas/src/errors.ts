export interface CustodianErrorOptions {
  details?: Record<string, unknown>;
  /** False when retrying cannot help (invalid input): the item goes straight to the dead-letter queue. */
  retryable?: boolean;
  cause?: unknown;
}

/** An error a user can act on: a stable code plus a message that says what to do. */
export class CustodianError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly retryable: boolean;

  constructor(code: string, message: string, options: CustodianErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CustodianError';
    this.code = code;
    this.details = options.details ?? {};
    this.retryable = options.retryable ?? true;
  }
}

export const isCustodianError = (e: unknown): e is CustodianError => e instanceof CustodianError;
