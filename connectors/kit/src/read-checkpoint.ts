import { CustodianError } from '@custodian/schemas';
import type { z } from 'zod';
import type { CheckpointStore } from './checkpoint-store';

/**
 * Loads a checkpoint and parses it with `schema`; `undefined` when none was ever written.
 * An unreadable checkpoint is an error naming the source, key and path: silently starting over could
 * re-read years of mail, and silently skipping could lose it, so a person decides.
 */
export async function readCheckpoint<S extends z.ZodType>(
  store: CheckpointStore,
  sourceId: string,
  key: string,
  schema: S,
): Promise<z.output<S> | undefined> {
  const value = await store.getCheckpoint(sourceId, key);
  if (value === undefined || value === null) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(root)',
    message: i.message,
  }));
  const first = issues[0];
  throw new CustodianError(
    'E_CHECKPOINT_INVALID',
    `checkpoint "${key}" of source "${sourceId}" is unreadable at ${first?.path}: ${first?.message}; fix or delete it to re-read the source from the start`,
    { retryable: false, details: { sourceId, key, issues } },
  );
}
