import { createPostgresIndex } from '../src/index/postgres-index';
import { openPglite } from '../src/sql/pglite-client';
import { searchIndexContract } from '../test-support/search-index-contract';

// The embedded profile's index passes the same behaviours as Elasticsearch (test-int/elasticsearch-index.test.ts)
// and as PostgreSQL proper (test-int/postgres-index.test.ts).
searchIndexContract('PostgreSQL full-text on PGlite', async () => {
  const sql = await openPglite(undefined);
  return { index: createPostgresIndex(sql), cleanup: () => sql.close() };
});
