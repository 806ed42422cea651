/**
 * Where connectors keep how far they got, per source. The catalog port has the same two methods,
 * so a `Catalog` is a `CheckpointStore` as it is. Values must survive a JSON round trip.
 */
export interface CheckpointStore {
  getCheckpoint(sourceId: string, key: string): Promise<unknown | undefined>;
  setCheckpoint(sourceId: string, key: string, value: unknown): Promise<void>;
}
