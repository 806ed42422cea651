import type { ArchiveQueue, Catalog, EmailItem } from '@custodian/core';
import type { ChannelItem } from '@custodian/schemas';
import { createSqlCatalog } from '../../../services/platform/src/catalog/sql-catalog';
import { createEmbeddedQueue } from '../../../services/platform/src/queue/embedded-queue';
import { openPglite } from '../../../services/platform/src/sql/pglite-client';
import type { SqlClient } from '../../../services/platform/src/sql/sql-client';

/** The embedded profile's real queue and catalog (PGlite in memory), as the connector tests use them. */
export interface EmbeddedArchive {
  sql: SqlClient;
  catalog: Catalog;
  /** A new queue (own name in the shared table) so each test counts only its own jobs. */
  newQueue(): Promise<ArchiveQueue>;
  /** Every item queued on `queue` so far, as its consumer received them (waits until the queue is drained). */
  queuedItems(queue: ArchiveQueue): Promise<EmailItem[]>;
  deleteCheckpoints(sourceIdPrefix: string): Promise<void>;
  close(): Promise<void>;
}

export async function openEmbeddedArchive(): Promise<EmbeddedArchive> {
  const sql = await openPglite(undefined);
  const catalog = createSqlCatalog(sql);
  await catalog.migrate();
  let n = 0;
  const received = new Map<ArchiveQueue, ChannelItem[]>();
  return {
    sql,
    catalog,
    async newQueue() {
      const queue = await createEmbeddedQueue(sql, { name: `test-${++n}`, pollMs: 20 });
      const items: ChannelItem[] = [];
      received.set(queue, items);
      queue.consume(async (item) => void items.push(item), { concurrency: 1, attempts: 1, backoffMs: 0 });
      return queue;
    },
    async queuedItems(queue) {
      await queue.drained();
      return (received.get(queue) ?? []).map((item) => {
        if (item.payload.kind !== 'email') throw new Error(`expected an email item, got ${item.payload.kind}`);
        return { ...item, payload: item.payload };
      });
    },
    async deleteCheckpoints(prefix) {
      await sql.query('DELETE FROM checkpoints WHERE source_id LIKE $1', [`${prefix}%`]);
    },
    async close() {
      for (const queue of received.keys()) await queue.close();
      await sql.close();
    },
  };
}
