import type { IndexDoc, IndexQuery, SearchIndex } from '@custodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresIndex } from '../src/index/postgres-index';
import { openPglite } from '../src/sql/pglite-client';
import type { SqlClient } from '../src/sql/sql-client';

let sql: SqlClient;
let index: SearchIndex;

const doc = (over: Partial<IndexDoc> = {}): IndexDoc => ({
  tenant: 'acme',
  id: 'd1',
  version: 1,
  channel: 'email',
  occurredAt: '2024-03-01T10:00:00Z',
  subject: 'Refund request',
  body: 'Hello, I would like a refund for order 12345.',
  participants: 'z***@example.com',
  ownerAgent: 'agent-1@corp.example',
  ownerTeam: 'team-a',
  tokens: [],
  piiTypes: [],
  topics: ['refund'],
  sensitivity: 'L2',
  retentionClass: 'standard',
  ...over,
});

const q = (over: Partial<IndexQuery> = {}): IndexQuery => ({ text: '', tokens: [], limit: 20, offset: 0, ...over });
const ids = (r: { hits: Array<{ doc: IndexDoc }> }) => r.hits.map((h) => h.doc.id);

const longChinese =
  '尊敬的客服您好，我在上个月购买的商品至今没有收到，物流信息一直没有更新，我已经等了很久了。' +
  '现在我想申请退款，请尽快处理，谢谢。我的联系电话是 138****5678，麻烦回电。';

beforeAll(async () => {
  sql = await openPglite(undefined);
  index = createPostgresIndex(sql);
  await index.init();
  await index.init();
  await index.upsert([
    doc(),
    doc({
      id: 'd2',
      occurredAt: '2024-03-02T10:00:00.000Z',
      subject: '咨询退款进度',
      body: longChinese,
      tokens: ['tok-phone-1'],
      piiTypes: ['CN_MOBILE'],
      ownerAgent: 'agent-2@corp.example',
    }),
    doc({
      id: 'd3',
      channel: 'chat',
      occurredAt: '2024-03-03T10:00:00.000Z',
      subject: '发货时间',
      body: '请问什么时候发货？',
      tokens: ['tok-phone-1', 'tok-id-9'],
      ownerTeam: 'team-b',
      ownerAgent: 'agent-3@corp.example',
    }),
    doc({ tenant: 'other', id: 'd1', body: 'refund for another tenant' }),
  ]);
  await index.refresh();
});
afterAll(async () => {
  await index?.close();
  await sql?.close();
});

describe('createPostgresIndex', () => {
  it('finds Chinese text by a two-character word inside a longer run', async () => {
    const r = await index.search(q({ text: '退款' }), { tenant: 'acme' });
    expect(ids(r)).toEqual(['d2']);
    expect(r.total).toBe(1);
  });

  it('ANDs the query terms, in Chinese and in Latin script', async () => {
    expect(ids(await index.search(q({ text: '申请退款' }), { tenant: 'acme' }))).toEqual(['d2']);
    expect(ids(await index.search(q({ text: '退款 发货' }), { tenant: 'acme' }))).toEqual([]);
    expect(ids(await index.search(q({ text: 'REFUND order' }), { tenant: 'acme' }))).toEqual(['d1']);
    expect(ids(await index.search(q({ text: 'refund parcel' }), { tenant: 'acme' }))).toEqual([]);
  });

  it('matches words of the subject and the participants too', async () => {
    expect(ids(await index.search(q({ text: '发货时间' }), { tenant: 'acme' }))).toEqual(['d3']);
    expect(ids(await index.search(q({ text: 'example' }), { tenant: 'acme' })).sort()).toEqual(['d1', 'd2', 'd3']);
  });

  it('treats query syntax characters as plain text', async () => {
    const r = await index.search(q({ text: "refund & ! ( ) ' : * | <->" }), { tenant: 'acme' });
    expect(ids(r)).toEqual(['d1']);
  });

  it('requires every keyed token of the query', async () => {
    expect(ids(await index.search(q({ tokens: ['tok-phone-1'] }), { tenant: 'acme' }))).toEqual(['d3', 'd2']);
    expect(ids(await index.search(q({ tokens: ['tok-phone-1', 'tok-id-9'] }), { tenant: 'acme' }))).toEqual(['d3']);
    expect(ids(await index.search(q({ text: '退款', tokens: ['tok-id-9'] }), { tenant: 'acme' }))).toEqual([]);
  });

  it('applies the scope: tenant always, owner agent and team when given', async () => {
    expect(ids(await index.search(q({ text: 'refund' }), { tenant: 'other' }))).toEqual(['d1']);
    expect(ids(await index.search(q(), { tenant: 'acme', ownerTeam: 'team-b' }))).toEqual(['d3']);
    expect(ids(await index.search(q(), { tenant: 'acme', ownerAgent: 'agent-2@corp.example' }))).toEqual(['d2']);
    expect(
      ids(await index.search(q(), { tenant: 'acme', ownerAgent: 'agent-2@corp.example', ownerTeam: 'team-b' })),
    ).toEqual([]);
  });

  it('filters by channel and by an inclusive time range', async () => {
    expect(ids(await index.search(q({ channel: 'chat' }), { tenant: 'acme' }))).toEqual(['d3']);
    const r = await index.search(q({ from: '2024-03-01T10:00:00.000Z', to: '2024-03-02T10:00:00.000Z' }), {
      tenant: 'acme',
    });
    expect(ids(r)).toEqual(['d2', 'd1']);
  });

  it('returns everything in scope, newest first, when there is neither text nor tokens', async () => {
    const r = await index.search(q({ text: '  ' }), { tenant: 'acme' });
    expect(ids(r)).toEqual(['d3', 'd2', 'd1']);
    expect(r.total).toBe(3);
  });

  it('pages with limit and offset while reporting the total', async () => {
    const r = await index.search(q({ limit: 1, offset: 1 }), { tenant: 'acme' });
    expect(ids(r)).toEqual(['d2']);
    expect(r.total).toBe(3);
    const past = await index.search(q({ limit: 5, offset: 10 }), { tenant: 'acme' });
    expect(past).toEqual({ total: 3, hits: [] });
  });

  it('ranks the document that matches more often first', async () => {
    await index.upsert([
      doc({ tenant: 'rank', id: 'once', body: 'invoice attached', occurredAt: '2024-05-02T00:00:00Z' }),
      doc({
        tenant: 'rank',
        id: 'thrice',
        body: 'invoice, invoice and another invoice',
        occurredAt: '2024-05-01T00:00:00Z',
      }),
    ]);
    const r = await index.search(q({ text: 'invoice' }), { tenant: 'rank' });
    expect(ids(r)).toEqual(['thrice', 'once']);
    expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score);
  });

  it('returns the stored document as it was given', async () => {
    const r = await index.search(q({ text: '发货' }), { tenant: 'acme' });
    expect(r.hits[0]?.doc).toEqual(
      doc({
        id: 'd3',
        channel: 'chat',
        occurredAt: '2024-03-03T10:00:00.000Z',
        subject: '发货时间',
        body: '请问什么时候发货？',
        tokens: ['tok-phone-1', 'tok-id-9'],
        ownerTeam: 'team-b',
        ownerAgent: 'agent-3@corp.example',
      }),
    );
  });

  it('cuts a snippet of the body around the first matched term', async () => {
    const r = await index.search(q({ text: '回电' }), { tenant: 'acme' });
    const snippet = r.hits[0]!.snippet;
    expect(snippet).toContain('回电');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(122);
    const start = await index.search(q({ tokens: ['tok-id-9'] }), { tenant: 'acme' });
    expect(start.hits[0]!.snippet).toBe('请问什么时候发货？');
  });

  it('keeps the newest version: an older one never replaces it, a newer one does', async () => {
    await index.upsert([doc({ tenant: 'ver', id: 'v', version: 2, body: 'second version' })]);
    await index.upsert([doc({ tenant: 'ver', id: 'v', version: 1, body: 'first version' })]);
    expect((await index.search(q(), { tenant: 'ver' })).hits[0]?.doc.body).toBe('second version');
    await index.upsert([
      doc({ tenant: 'ver', id: 'v', version: 4, body: 'fourth version' }),
      doc({ tenant: 'ver', id: 'v', version: 3, body: 'third version' }),
    ]);
    const r = await index.search(q({ text: 'version' }), { tenant: 'ver' });
    expect(r.total).toBe(1);
    expect(r.hits[0]?.doc).toMatchObject({ version: 4, body: 'fourth version' });
    expect(ids(await index.search(q({ text: 'second' }), { tenant: 'ver' }))).toEqual([]);
  });

  it('indexes a very long body without exceeding the tsvector limit', async () => {
    const body = Array.from({ length: 40_000 }, (_, i) => `词${i % 500}语 word${i}`).join(' ');
    await index.upsert([doc({ tenant: 'big', id: 'big', body })]);
    expect(ids(await index.search(q({ text: 'word123' }), { tenant: 'big' }))).toEqual(['big']);
  });
});
