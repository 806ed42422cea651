import { isCustodianError } from '@custodian/schemas';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMemoryCheckpointStore, readCheckpoint, writeCheckpoint } from '../src';

const Cursor = z.object({ uidValidity: z.string().regex(/^\d+$/), lastUid: z.number().int().nonnegative() });

describe('readCheckpoint', () => {
  it('returns undefined for a source that never wrote a checkpoint', async () => {
    const store = createMemoryCheckpointStore();
    expect(await readCheckpoint(store, 'imap:a/INBOX', 'uid', Cursor)).toBeUndefined();
  });

  it('returns the parsed checkpoint that was written', async () => {
    const store = createMemoryCheckpointStore();
    await writeCheckpoint(store, 'imap:a/INBOX', 'uid', Cursor, { uidValidity: '1712', lastUid: 42 });
    expect(await readCheckpoint(store, 'imap:a/INBOX', 'uid', Cursor)).toEqual({ uidValidity: '1712', lastUid: 42 });
  });

  it('fails with the source, key and path of an unreadable checkpoint instead of starting over', async () => {
    const store = createMemoryCheckpointStore();
    await store.setCheckpoint('imap:a/INBOX', 'uid', { uidValidity: '1712', lastUid: 'forty-two' });
    const error = await readCheckpoint(store, 'imap:a/INBOX', 'uid', Cursor).catch((e: unknown) => e);
    expect(isCustodianError(error)).toBe(true);
    if (!isCustodianError(error)) return;
    expect(error.code).toBe('E_CHECKPOINT_INVALID');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('imap:a/INBOX');
    expect(error.message).toContain('lastUid');
    expect(error.details).toMatchObject({ sourceId: 'imap:a/INBOX', key: 'uid', issues: [{ path: 'lastUid' }] });
  });

  it('refuses to write a checkpoint it could not read back', async () => {
    const store = createMemoryCheckpointStore();
    const bad = { uidValidity: 1712n, lastUid: 1 } as unknown as z.input<typeof Cursor>;
    await expect(writeCheckpoint(store, 's', 'k', Cursor, bad)).rejects.toMatchObject({ code: 'E_CHECKPOINT_INVALID' });
    expect(await store.getCheckpoint('s', 'k')).toBeUndefined();
  });

  it('keeps checkpoints per source and key, as JSON', async () => {
    const store = createMemoryCheckpointStore();
    await store.setCheckpoint('s1', 'k', { n: 1 });
    await store.setCheckpoint('s2', 'k', { n: 2 });
    expect(await store.getCheckpoint('s1', 'k')).toEqual({ n: 1 });
    expect(await store.getCheckpoint('s2', 'k')).toEqual({ n: 2 });
    await expect(store.setCheckpoint('s3', 'k', { big: 1n })).rejects.toThrow(TypeError);
  });
});
