import { CustodianError } from '@custodian/schemas';
import type { z } from 'zod';
import type { CheckpointStore } from './checkpoint-store';

/** Validates before writing, so a checkpoint is never stored that `readCheckpoint` would refuse later. */
export async function writeCheckpoint<S extends z.ZodType>(
  store: CheckpointStore,
  sourceId: string,
  key: string,
  schema: S,
  value: z.input<S>,
): Promise<void> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CustodianError(
      'E_CHECKPOINT_INVALID',
      `refusing to write checkpoint "${key}" of source "${sourceId}": ${issue?.path.map(String).join('.') || '(root)'}: ${issue?.message}`,
      { retryable: false, details: { sourceId, key } },
    );
  }
  await store.setCheckpoint(sourceId, key, parsed.data);
}
