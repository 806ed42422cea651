import { randomBytes } from 'node:crypto';
import type { IndexDoc, IndexQuery, SearchIndex } from '@custodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresIndex } from '../src/index/postgres-index';
import { openPostgres } from '../src/sql/postgres-client';
import type { SqlClient } from '../src/sql/sql-client';
import { searchIndexContract } from '../test-support/search-index-contract';

const baseUrl = process.env.CUSTODIAN_TEST_PG_URL;
const dbName = `custodian_index_${randomBytes(4).toString('hex')}`;
let admin: SqlClient;
let sql: SqlClient;
let index: SearchIndex;

beforeAll(async () => {
  if (!baseUrl) throw new Error('CUSTODIAN_TEST_PG_URL is not set: run through infra/local/with-servers.sh');
  admin = await openPostgres(baseUrl, { poolSize: 1 });
  await admin.query(`CREATE DATABASE ${dbName}`);
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  sql = await openPostgres(u.toString(), { poolSize: 4 });
  index = createPostgresIndex(sql);
  await index.init();
});

afterAll(async () => {
  await index?.close();
  await sql?.close();
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.close();
  }
});

const doc = (over: Partial<IndexDoc> = {}): IndexDoc => ({
  tenant: 'acme',
  id: 'd1',
  version: 1,
  channel: 'email',
  occurredAt: '2024-03-01T10:00:00.000Z',
  subject: '退款申请',
  body: '您好，我想申请退款，订单号 12345。',
  participants: 'z***@example.com',
  ownerAgent: 'agent-1',
  ownerTeam: 'team-a',
  tokens: ['tok-a'],
  piiTypes: ['CN_MOBILE'],
  topics: ['refund'],
  sensitivity: 'L3',
  retentionClass: 'regulated',
  ...over,
});
const q = (over: Partial<IndexQuery> = {}): IndexQuery => ({ text: '', tokens: [], limit: 10, offset: 0, ...over });

describe('PostgreSQL index on PostgreSQL', () => {
  it('finds Chinese and Latin text, tokens and scope exactly as on the embedded database', async () => {
    await index.upsert([
      doc(),
      doc({
        id: 'd2',
        subject: 'Shipping',
        body: 'When will my parcel ship?',
        tokens: [],
        ownerTeam: 'team-b',
        occurredAt: '2024-03-02T00:00:00.000Z',
      }),
    ]);
    expect((await index.search(q({ text: '退款' }), { tenant: 'acme' })).hits.map((h) => h.doc)).toEqual([doc()]);
    expect((await index.search(q({ text: 'parcel SHIP' }), { tenant: 'acme' })).hits.map((h) => h.doc.id)).toEqual([
      'd2',
    ]);
    expect((await index.search(q({ tokens: ['tok-a'] }), { tenant: 'acme' })).total).toBe(1);
    expect((await index.search(q(), { tenant: 'acme', ownerTeam: 'team-b' })).hits.map((h) => h.doc.id)).toEqual([
      'd2',
    ]);
    expect((await index.search(q(), { tenant: 'acme' })).hits.map((h) => h.doc.id)).toEqual(['d2', 'd1']);
    expect((await index.search(q(), { tenant: 'nobody' })).total).toBe(0);
  });

  it('keeps the highest version when writers race with different versions', async () => {
    await Promise.all(
      [3, 1, 5, 2, 4].map((version) =>
        index.upsert([doc({ tenant: 'race', id: 'r', version, body: `version ${version}` })]),
      ),
    );
    const r = await index.search(q(), { tenant: 'race' });
    expect(r.hits.map((h) => [h.doc.version, h.doc.body])).toEqual([[5, 'version 5']]);
  });
});

searchIndexContract('PostgreSQL full-text on PostgreSQL', async () => {
  if (!baseUrl) throw new Error('CUSTODIAN_TEST_PG_URL is not set: run through infra/local/with-servers.sh');
  const name = `custodian_contract_${randomBytes(4).toString('hex')}`;
  const root = await openPostgres(baseUrl, { poolSize: 1 });
  await root.query(`CREATE DATABASE ${name}`);
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), { poolSize: 4 });
  return {
    index: createPostgresIndex(db),
    async cleanup() {
      await db.close();
      await root.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await root.close();
    },
  };
});
