import { randomBytes } from 'node:crypto';
import { openPostgres } from '../src/sql/postgres-client';

export interface TestDatabase {
  /** Connection URL of the new database. */
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database on the test server (CUSTODIAN_TEST_PG_URL) for one test file, so files never
 * share state; `drop()` removes it even while connections are still open.
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const baseUrl = process.env.CUSTODIAN_TEST_PG_URL;
  if (!baseUrl) throw new Error('CUSTODIAN_TEST_PG_URL is not set: run through infra/local/with-servers.sh');
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres(baseUrl, { poolSize: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
