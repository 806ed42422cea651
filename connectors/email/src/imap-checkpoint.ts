import { z } from 'zod';

/** Rounds a message may fail to fetch before it is given up on (and listed in `skipped`). */
export const MAX_FETCH_ROUNDS = 3;

const Uid = z.number().int().positive();

/**
 * How far one IMAP folder was read. `lastUid` only moves past a UID once that message was acknowledged by the
 * queue, vanished, or was put on `retry` — so a message that failed to fetch is never passed over silently:
 * it is fetched again at the start of each round, and after `MAX_FETCH_ROUNDS` failed rounds it moves to
 * `skipped` with the reason, for a person to look at. Good messages after it are not held back meanwhile.
 */
export const ImapFolderCheckpoint = z.object({
  /** UIDVALIDITY as a decimal string (imapflow gives a BigInt, which JSON cannot hold). */
  uidValidity: z.string().regex(/^\d+$/),
  lastUid: z.number().int().nonnegative(),
  retry: z.array(z.object({ uid: Uid, attempts: z.number().int().positive(), reason: z.string() })).default([]),
  skipped: z.array(z.object({ uid: Uid, reason: z.string(), at: z.iso.datetime() })).default([]),
});
export type ImapFolderCheckpoint = z.infer<typeof ImapFolderCheckpoint>;

/** What happened to one message this round. */
export type FetchOutcome =
  | { uid: number; kind: 'ok' }
  | { uid: number; kind: 'gone' }
  | { uid: number; kind: 'failed'; reason: string };

/**
 * Folds this round's outcomes into the retry and skipped lists: fetched or vanished messages leave `retry`,
 * failed ones count one more round and move to `skipped` on the last. Returns the UIDs given up on now.
 */
export function settleFetchOutcomes(
  cp: ImapFolderCheckpoint,
  outcomes: FetchOutcome[],
  at: Date,
): { checkpoint: ImapFolderCheckpoint; gaveUp: number[] } {
  const retry = new Map(cp.retry.map((r) => [r.uid, r]));
  const skipped = [...cp.skipped];
  const gaveUp: number[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind !== 'failed') {
      retry.delete(outcome.uid);
      continue;
    }
    const attempts = (retry.get(outcome.uid)?.attempts ?? 0) + 1;
    if (attempts >= MAX_FETCH_ROUNDS) {
      retry.delete(outcome.uid);
      skipped.push({ uid: outcome.uid, reason: `failed ${attempts} rounds: ${outcome.reason}`, at: at.toISOString() });
      gaveUp.push(outcome.uid);
    } else {
      retry.set(outcome.uid, { uid: outcome.uid, attempts, reason: outcome.reason });
    }
  }
  return {
    checkpoint: { ...cp, retry: [...retry.values()].sort((a, b) => a.uid - b.uid), skipped },
    gaveUp,
  };
}
