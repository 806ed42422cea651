import { isCustodianError } from '@custodian/schemas';
import { ZodError } from 'zod';

const STATUS: Record<string, number> = {
  E_UNAUTHENTICATED: 401,
  E_FORBIDDEN: 403,
  E_SCOPE_DENIED: 403,
  E_NOT_FOUND: 404,
  E_SHREDDED: 410,
  E_PURPOSE_REQUIRED: 400,
  E_BAD_REQUEST: 400,
};

export interface ErrorBody {
  code: string;
  message: string;
  issues?: Array<{ path: string; message: string }>;
}

/** Maps an error to a status and a body a client can act on; unexpected errors never leak their text. */
export function toHttpError(e: unknown): { status: number; body: ErrorBody } {
  if (e instanceof ZodError) {
    return {
      status: 400,
      body: {
        code: 'E_BAD_REQUEST',
        message: 'The request is invalid.',
        issues: e.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      },
    };
  }
  if (isCustodianError(e) && STATUS[e.code])
    return { status: STATUS[e.code]!, body: { code: e.code, message: e.message } };
  return { status: 500, body: { code: 'E_INTERNAL', message: 'Internal error; see the server log.' } };
}
