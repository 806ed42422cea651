import type { CheckpointStore } from './checkpoint-store';

/**
 * Checkpoints kept in memory for one process (a one-off file import, tests). Values are stored as JSON,
 * so what does not survive a real store (a BigInt, a Date) fails or changes here too.
 */
export function createMemoryCheckpointStore(): CheckpointStore & { delete(sourceId: string, key: string): void } {
  const values = new Map<string, string>();
  const slot = (sourceId: string, key: string) => `${sourceId}\n${key}`;
  return {
    async getCheckpoint(sourceId, key) {
      const json = values.get(slot(sourceId, key));
      return json === undefined ? undefined : JSON.parse(json);
    },
    async setCheckpoint(sourceId, key, value) {
      values.set(slot(sourceId, key), JSON.stringify(value));
    },
    delete(sourceId, key) {
      values.delete(slot(sourceId, key));
    },
  };
}
