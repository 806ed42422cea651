import { describe, expect, it } from 'vitest';
import { ImapFolderCheckpoint, MAX_FETCH_ROUNDS, planBatches, settleFetchOutcomes } from '../src';

const at = new Date('2025-03-10T00:00:00.000Z');
const base = ImapFolderCheckpoint.parse({ uidValidity: '1741564800', lastUid: 10 });

describe('settleFetchOutcomes', () => {
  it('puts a message that failed to fetch on the retry list with the reason', () => {
    const { checkpoint, gaveUp } = settleFetchOutcomes(
      base,
      [{ uid: 7, kind: 'failed', reason: 'NO [SERVERBUG]' }],
      at,
    );
    expect(checkpoint.retry).toEqual([{ uid: 7, attempts: 1, reason: 'NO [SERVERBUG]' }]);
    expect(gaveUp).toEqual([]);
  });

  it(`gives up after ${MAX_FETCH_ROUNDS} failed rounds and lists the message as skipped, with the reason`, () => {
    let cp = base;
    for (let round = 1; round <= MAX_FETCH_ROUNDS; round++) {
      const r = settleFetchOutcomes(cp, [{ uid: 7, kind: 'failed', reason: 'NO [SERVERBUG]' }], at);
      cp = r.checkpoint;
      expect(r.gaveUp).toEqual(round === MAX_FETCH_ROUNDS ? [7] : []);
    }
    expect(cp.retry).toEqual([]);
    expect(cp.skipped).toEqual([{ uid: 7, reason: 'failed 3 rounds: NO [SERVERBUG]', at: at.toISOString() }]);
  });

  it('takes a message off the retry list once it was fetched, or vanished from the folder', () => {
    const cp = {
      ...base,
      retry: [
        { uid: 3, attempts: 2, reason: 'x' },
        { uid: 5, attempts: 1, reason: 'y' },
      ],
    };
    const { checkpoint } = settleFetchOutcomes(
      cp,
      [
        { uid: 3, kind: 'ok' },
        { uid: 5, kind: 'gone' },
      ],
      at,
    );
    expect(checkpoint.retry).toEqual([]);
    expect(checkpoint.skipped).toEqual([]);
  });

  it('reads an old checkpoint without retry and skipped lists', () => {
    expect(ImapFolderCheckpoint.parse({ uidValidity: '1', lastUid: 0 })).toEqual({
      uidValidity: '1',
      lastUid: 0,
      retry: [],
      skipped: [],
    });
  });
});

describe('planBatches', () => {
  it('cuts batches by count', () => {
    const list = [1, 2, 3, 4, 5].map((uid) => ({ uid, size: 10 }));
    expect(planBatches(list, 2, 1_000)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('cuts batches by bytes, and gives a message larger than the limit a batch of its own', () => {
    const list = [
      { uid: 1, size: 40 },
      { uid: 2, size: 40 },
      { uid: 3, size: 500 },
      { uid: 4, size: 10 },
    ];
    expect(planBatches(list, 50, 100)).toEqual([[1, 2], [3], [4]]);
  });
});
