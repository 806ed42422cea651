import { join } from 'node:path';
import type { ArchiveQueue, BlobStore, Catalog, EmailParser, KeyRing, SearchIndex } from '@custodian/core';
import { type Config, CustodianError } from '@custodian/schemas';
import { createFsBlobStore } from './blobs/fs-blob-store';
import { createS3BlobStore, ensureBucket } from './blobs/s3-blob-store';
import { createSqlCatalog } from './catalog/sql-catalog';
import { createMailparserEmailParser } from './email/mailparser-email-parser';
import { createElasticsearchIndex } from './index/elasticsearch-index';
import { createPostgresIndex } from './index/postgres-index';
import { openLocalKeyRing } from './keys/local-keyring';
import { createLogger, type Logger } from './log';
import { createBullmqQueue } from './queue/bullmq-queue';
import { createEmbeddedQueue } from './queue/embedded-queue';
import { sealedQueue } from './queue/sealed-queue';
import { openPglite } from './sql/pglite-client';
import { openPostgres } from './sql/postgres-client';
import type { SqlClient } from './sql/sql-client';

/** Every adapter a process needs, wired from config in this one place. */
export interface Platform {
  config: Config;
  log: Logger;
  sql: SqlClient;
  catalog: Catalog;
  blobs: BlobStore;
  index: SearchIndex;
  queue: ArchiveQueue;
  keys: KeyRing;
  emailParser: EmailParser;
  close(): Promise<void>;
}

const missing = (what: string) =>
  new CustodianError('E_CONFIG_INVALID', `Invalid config at ${what}: required in the server profile.`, {
    retryable: false,
  });

/** Swapping S3 for the filesystem, or Elasticsearch for PostgreSQL, is a config change, never a code change. */
export async function compose(config: Config, log: Logger = createLogger(config.log.level)): Promise<Platform> {
  const embedded = config.profile === 'embedded';
  const closers: Array<() => Promise<void>> = [];
  try {
    const catalogCfg =
      config.catalog ?? (embedded ? { kind: 'pglite' as const, dir: join(config.dataDir, 'db') } : undefined);
    if (!catalogCfg) throw missing('catalog');
    const sql =
      catalogCfg.kind === 'pglite'
        ? await openPglite(catalogCfg.dir)
        : await openPostgres(catalogCfg.url, { poolSize: catalogCfg.poolSize });
    closers.push(() => sql.close());
    const catalog = createSqlCatalog(sql);
    await catalog.migrate();

    const blobCfg =
      config.blobs ?? (embedded ? { kind: 'fs' as const, dir: join(config.dataDir, 'blobs') } : undefined);
    if (!blobCfg) throw missing('blobs');
    let blobs: BlobStore;
    if (blobCfg.kind === 'fs') {
      blobs = createFsBlobStore(blobCfg.dir);
    } else {
      const { kind: _kind, ...s3 } = blobCfg;
      const needsLock = Object.values(config.policy.retentionClasses).some((c) => c.worm);
      await ensureBucket(s3, { objectLock: needsLock });
      blobs = await createS3BlobStore(s3);
    }
    closers.push(() => blobs.close());

    const index =
      config.index.kind === 'elasticsearch'
        ? await createElasticsearchIndex({ url: config.index.url, indexPrefix: config.index.indexPrefix })
        : createPostgresIndex(sql);
    closers.push(() => index.close());
    await index.init();

    const keys = await openLocalKeyRing(config.keyring?.path ?? join(config.dataDir, 'keyring.json'));

    const queue = sealedQueue(
      config.queue.kind === 'bullmq'
        ? await createBullmqQueue({ redisUrl: config.queue.redisUrl, prefix: config.queue.prefix })
        : await createEmbeddedQueue(sql),
      keys,
    );
    closers.push(() => queue.close());

    return {
      config,
      log,
      sql,
      catalog,
      blobs,
      index,
      queue,
      keys,
      emailParser: createMailparserEmailParser(),
      close: () => closeAll(closers),
    };
  } catch (e) {
    await closeAll(closers);
    throw e;
  }
}

/** Closes in reverse order of opening; the first failure is reported after every closer ran. */
async function closeAll(closers: Array<() => Promise<void>>): Promise<void> {
  let first: unknown;
  for (const close of closers.reverse()) {
    try {
      await close();
    } catch (e) {
      first ??= e;
    }
  }
  closers.length = 0;
  if (first) throw first;
}
