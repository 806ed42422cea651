/** One item a connector could not hand to the queue, and why (never the item's content). */
export interface ItemFailure {
  sourceId: string;
  /** The item's id inside the source, or the file path for an import. */
  externalId: string;
  code: string;
  reason: string;
}

/** What one connector run did; `seen = enqueued + duplicates + failed` once the run settled. */
export interface ConnectorStats {
  /** Items read from the source. */
  seen: number;
  /** Items the queue accepted as new jobs. */
  enqueued: number;
  /** Items the queue already had (a re-run, or the same item read twice). */
  duplicates: number;
  /** Items that could not be read or queued; the first `MAX_LISTED_FAILURES` are listed in `failures`. */
  failed: number;
  failures: ItemFailure[];
  /** Things a person should know that are not item failures (a UIDVALIDITY reset, a missing folder). */
  warnings: string[];
}

/** A snapshot after every change, for progress bars; `total` is set when the source knows it. */
export interface ProgressEvent {
  stats: Readonly<ConnectorStats>;
  /** What `done` and `total` count. */
  unit: 'items' | 'bytes';
  done?: number;
  total?: number;
}

export type ProgressListener = (event: ProgressEvent) => void;

/** Failures past this many are counted but not listed, so a run over a broken archive stays small. */
export const MAX_LISTED_FAILURES = 1000;

export const emptyStats = (): ConnectorStats => ({
  seen: 0,
  enqueued: 0,
  duplicates: 0,
  failed: 0,
  failures: [],
  warnings: [],
});
