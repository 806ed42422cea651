import { randomUUID } from 'node:crypto';
import type { IndexDoc, IndexQuery, IndexScope, SearchIndex } from '@custodian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

export interface OpenedSearchIndex {
  index: SearchIndex;
  cleanup(): Promise<void>;
}

let serial = 0;

/** A tenant no other test uses, so every test can share one index and still see only its own documents. */
export function uniqueTenant(): string {
  serial += 1;
  return `t${serial}-${randomUUID().slice(0, 8)}`;
}

/** A complete IndexDoc with dull defaults; override what the test is about. */
export function indexDoc(overrides: Partial<IndexDoc> & Pick<IndexDoc, 'tenant'>): IndexDoc {
  return {
    id: randomUUID(),
    version: 1,
    channel: 'email',
    occurredAt: '2024-03-01T08:00:00.000Z',
    subject: 'Order question',
    body: 'Hello, I have a question about my order.',
    participants: 'Customer <c***@example.com>; Agent One <agent1@shop.example>',
    ownerAgent: 'agent-1',
    ownerTeam: 'team-a',
    tokens: [],
    piiTypes: [],
    topics: ['order'],
    sensitivity: 'L2',
    retentionClass: 'standard',
    ...overrides,
  };
}

/** An IndexQuery with no filters: empty text, no tokens, first page of 20. */
export function indexQuery(overrides: Partial<IndexQuery> = {}): IndexQuery {
  return { text: '', tokens: [], limit: 20, offset: 0, ...overrides };
}

/** A stand-in for a keyed token (core `keyedToken` yields 32 hex characters). */
export function fakeToken(): string {
  return randomUUID().replaceAll('-', '');
}

/**
 * Behaviours every SearchIndex adapter must show (Elasticsearch, PostgreSQL full-text).
 * `open` is called once per suite; each test isolates itself with its own tenant.
 */
export function searchIndexContract(name: string, open: () => Promise<OpenedSearchIndex>): void {
  describe(`SearchIndex contract: ${name}`, () => {
    let opened: OpenedSearchIndex | undefined;

    const index = (): SearchIndex => {
      if (!opened) throw new Error('the search index under test did not open');
      return opened.index;
    };
    const load = async (...docs: IndexDoc[]): Promise<void> => {
      await index().upsert(docs);
      await index().refresh();
    };
    const find = (tenant: string, q: Partial<IndexQuery>, scope: Partial<IndexScope> = {}) =>
      index().search(indexQuery(q), { tenant, ...scope });
    const ids = async (tenant: string, q: Partial<IndexQuery>, scope: Partial<IndexScope> = {}) =>
      (await find(tenant, q, scope)).hits.map((h) => h.doc.id).sort();

    beforeAll(async () => {
      opened = await open();
      await opened.index.init();
      // init() is idempotent: a second call (another process starting) must not fail.
      await opened.index.init();
    });

    afterAll(async () => {
      await opened?.cleanup();
    });

    it('finds a two-character Chinese word inside longer Chinese text', async () => {
      const tenant = uniqueTenant();
      const apply = indexDoc({ tenant, body: '您好，我想申请退款，订单还没有到。' });
      const want = indexDoc({ tenant, subject: '我要退款', body: '商品有破损。' });
      const apart = indexDoc({ tenant, body: '款项已经退回到您的账户。' });
      await load(apply, want, apart);

      expect(await ids(tenant, { text: '退款' })).toEqual([apply.id, want.id].sort());
    });

    it('requires every part of a longer Chinese query', async () => {
      const tenant = uniqueTenant();
      const apply = indexDoc({ tenant, body: '我想申请退款。' });
      const want = indexDoc({ tenant, body: '我要退款。' });
      await load(apply, want);

      expect(await ids(tenant, { text: '申请退款' })).toEqual([apply.id]);
    });

    it('matches English words regardless of case', async () => {
      const tenant = uniqueTenant();
      const doc = indexDoc({ tenant, body: 'The Refund was approved yesterday.' });
      await load(doc);

      expect(await ids(tenant, { text: 'refund' })).toEqual([doc.id]);
      expect(await ids(tenant, { text: 'REFUND' })).toEqual([doc.id]);
    });

    it('requires every word of the query', async () => {
      const tenant = uniqueTenant();
      const delayed = indexDoc({ tenant, body: 'Your refund is delayed, sorry.' });
      const approved = indexDoc({ tenant, body: 'Your refund is approved.' });
      const mixed = indexDoc({ tenant, body: '退款 delayed by the bank' });
      await load(delayed, approved, mixed);

      expect(await ids(tenant, { text: 'refund delayed' })).toEqual([delayed.id]);
      expect(await ids(tenant, { text: 'refund' })).toEqual([delayed.id, approved.id].sort());
      expect(await ids(tenant, { text: '退款 delayed' })).toEqual([mixed.id]);
      expect(await ids(tenant, { text: 'refund nonexistentword' })).toEqual([]);
    });

    it('finds words spread over subject, body and participants', async () => {
      const tenant = uniqueTenant();
      const doc = indexDoc({
        tenant,
        subject: 'Invoice copy',
        body: 'Please resend it.',
        participants: 'Wang Fang <w***@example.com>',
      });
      await load(doc);

      expect(await ids(tenant, { text: 'invoice resend' })).toEqual([doc.id]);
      expect(await ids(tenant, { text: 'wang invoice' })).toEqual([doc.id]);
    });

    it('finds records by keyed token and never by the token as plain text', async () => {
      const tenant = uniqueTenant();
      const [t1, t2, t3] = [fakeToken(), fakeToken(), fakeToken()];
      const one = indexDoc({ tenant, tokens: [t1], body: 'Please call me back.' });
      const both = indexDoc({ tenant, tokens: [t1, t3], body: 'Please call me back.' });
      // The same string in the text is not a token: only the tokens field answers a token search.
      const textual = indexDoc({ tenant, tokens: [], body: `Reference ${t2} in text.` });
      await load(one, both, textual);

      expect(await ids(tenant, { tokens: [t1] })).toEqual([one.id, both.id].sort());
      expect(await ids(tenant, { tokens: [t1, t3] })).toEqual([both.id]);
      expect(await ids(tenant, { tokens: [t2] })).toEqual([]);
      expect(await ids(tenant, { text: t1 })).toEqual([]);
      expect(await ids(tenant, { text: 'call', tokens: [t3] })).toEqual([both.id]);
    });

    it('matches an either-token-or-text term by the token in one record and by the text in another', async () => {
      const tenant = uniqueTenant();
      const token = fakeToken();
      const asToken = indexDoc({ tenant, tokens: [token], body: '通行证号码 ****5678 已登记。' });
      const asText = indexDoc({ tenant, tokens: [], body: '订单 12345678 已发货。' });
      const neither = indexDoc({ tenant, tokens: [fakeToken()], body: '订单 87654321 已发货。' });
      await load(asToken, asText, neither);

      const eitherOf = [{ token, text: '12345678' }];
      expect(await ids(tenant, { eitherOf })).toEqual([asToken.id, asText.id].sort());
      expect(await ids(tenant, { text: '发货', eitherOf })).toEqual([asText.id]);
    });

    it('with empty text and a token returns every record carrying it, newest first', async () => {
      const tenant = uniqueTenant();
      const token = fakeToken();
      const older = indexDoc({ tenant, tokens: [token], occurredAt: '2024-01-01T00:00:00.000Z' });
      const newer = indexDoc({ tenant, tokens: [token, fakeToken()], occurredAt: '2024-06-01T00:00:00.000Z' });
      const other = indexDoc({ tenant, tokens: [fakeToken()] });
      await load(older, newer, other);

      const res = await find(tenant, { text: '', tokens: [token] });
      expect(res.total).toBe(2);
      expect(res.hits.map((h) => h.doc.id)).toEqual([newer.id, older.id]);
    });

    it('returns the document as it was upserted', async () => {
      const tenant = uniqueTenant();
      const doc = indexDoc({
        tenant,
        channel: 'chat',
        ownerAgent: null,
        ownerTeam: null,
        tokens: [fakeToken(), fakeToken()],
        piiTypes: ['CN_MOBILE', 'EMAIL'],
        topics: ['refund', 'delivery'],
        sensitivity: 'L3',
        retentionClass: 'complaint',
        body: '客户 138****5678 要求退款。',
      });
      await load(doc);

      const res = await find(tenant, { text: '退款' });
      expect(res.hits).toHaveLength(1);
      const hit = res.hits[0]!;
      expect(hit.doc).toEqual(doc);
      expect(Number.isFinite(hit.score)).toBe(true);
    });

    it('never returns another tenant’s records, even with the same id', async () => {
      const mine = uniqueTenant();
      const theirs = uniqueTenant();
      const id = randomUUID();
      const a = indexDoc({ tenant: mine, id, body: 'shared words refund' });
      const b = indexDoc({ tenant: theirs, id, body: 'shared words refund, other tenant' });
      await load(a, b);

      const res = await find(mine, { text: 'refund' });
      expect(res.total).toBe(1);
      expect(res.hits.map((h) => h.doc.tenant)).toEqual([mine]);
      expect(res.hits[0]!.doc.body).toBe(a.body);
      expect((await find(mine, {})).total).toBe(1);
      expect((await find(theirs, { text: 'tenant' })).hits.map((h) => h.doc.tenant)).toEqual([theirs]);
    });

    it('restricts hits to the scope’s owner agent and owner team', async () => {
      const tenant = uniqueTenant();
      const a1 = indexDoc({ tenant, ownerAgent: 'agent-1', ownerTeam: 'team-a', body: 'refund please' });
      const a2 = indexDoc({ tenant, ownerAgent: 'agent-2', ownerTeam: 'team-a', body: 'refund please' });
      const b3 = indexDoc({ tenant, ownerAgent: 'agent-3', ownerTeam: 'team-b', body: 'refund please' });
      const none = indexDoc({ tenant, ownerAgent: null, ownerTeam: null, body: 'refund please' });
      await load(a1, a2, b3, none);

      expect(await ids(tenant, { text: 'refund' }, { ownerAgent: 'agent-1' })).toEqual([a1.id]);
      expect(await ids(tenant, { text: 'refund' }, { ownerTeam: 'team-a' })).toEqual([a1.id, a2.id].sort());
      expect(await ids(tenant, {}, { ownerTeam: 'team-a', ownerAgent: 'agent-3' })).toEqual([]);
      expect(await ids(tenant, {}, { ownerAgent: 'agent-9' })).toEqual([]);
      expect(await ids(tenant, { text: 'refund' })).toEqual([a1.id, a2.id, b3.id, none.id].sort());
    });

    it('filters by channel', async () => {
      const tenant = uniqueTenant();
      const mail = indexDoc({ tenant, channel: 'email', body: 'refund' });
      const chat = indexDoc({ tenant, channel: 'chat', body: 'refund' });
      await load(mail, chat);

      expect(await ids(tenant, { text: 'refund', channel: 'chat' })).toEqual([chat.id]);
      expect(await ids(tenant, { channel: 'email' })).toEqual([mail.id]);
      expect(await ids(tenant, { channel: 'call' })).toEqual([]);
    });

    it('filters by a date range on occurredAt', async () => {
      const tenant = uniqueTenant();
      const jan = indexDoc({ tenant, occurredAt: '2024-01-10T12:00:00.000Z' });
      const feb = indexDoc({ tenant, occurredAt: '2024-02-10T12:00:00.000Z' });
      const mar = indexDoc({ tenant, occurredAt: '2024-03-10T12:00:00.000Z' });
      await load(jan, feb, mar);

      const range = { from: '2024-02-01T00:00:00.000Z', to: '2024-02-29T00:00:00.000Z' };
      expect(await ids(tenant, range)).toEqual([feb.id]);
      expect(await ids(tenant, { from: range.from })).toEqual([feb.id, mar.id].sort());
      expect(await ids(tenant, { to: range.to })).toEqual([jan.id, feb.id].sort());
      expect(await ids(tenant, { text: 'question', ...range })).toEqual([feb.id]);
    });

    it('replaces an older version with a newer one', async () => {
      const tenant = uniqueTenant();
      const v1 = indexDoc({ tenant, version: 1, body: 'first draft alpha' });
      const v2 = { ...v1, version: 2, body: 'second draft beta' };
      await load(v1);
      await load(v2);

      expect(await ids(tenant, { text: 'alpha' })).toEqual([]);
      const res = await find(tenant, { text: 'beta' });
      expect(res.hits.map((h) => [h.doc.id, h.doc.version])).toEqual([[v1.id, 2]]);
      expect((await find(tenant, {})).total).toBe(1);
    });

    it('never replaces a newer version with an older one', async () => {
      const tenant = uniqueTenant();
      const v3 = indexDoc({ tenant, version: 3, body: 'latest gamma' });
      const v2 = { ...v3, version: 2, body: 'stale delta' };
      await load(v3);
      await expect(index().upsert([v2])).resolves.toBeUndefined();
      await index().refresh();

      expect(await ids(tenant, { text: 'delta' })).toEqual([]);
      const res = await find(tenant, {});
      expect(res.hits.map((h) => [h.doc.version, h.doc.body])).toEqual([[3, 'latest gamma']]);
    });

    it('keeps the newest version when one batch carries several versions of a record', async () => {
      const tenant = uniqueTenant();
      const v1 = indexDoc({ tenant, version: 1, body: 'one' });
      const v2 = { ...v1, version: 2, body: 'two' };
      const w1 = indexDoc({ tenant, version: 1, body: 'uno' });
      const w2 = { ...w1, version: 2, body: 'dos' };
      await load(v1, v2, w2, w1);

      const res = await find(tenant, {});
      expect(res.total).toBe(2);
      expect(res.hits.map((h) => h.doc.body).sort()).toEqual(['dos', 'two']);
    });

    it('treats upserting the same version again as a no-op', async () => {
      const tenant = uniqueTenant();
      const doc = indexDoc({ tenant, body: 'refund again' });
      await load(doc);
      await load(doc);

      const res = await find(tenant, { text: 'refund' });
      expect(res.total).toBe(1);
      expect(res.hits[0]!.doc).toEqual(doc);
    });

    it('pages with limit and offset and reports the total of all matches', async () => {
      const tenant = uniqueTenant();
      const docs = [1, 2, 3, 4, 5].map((d) =>
        indexDoc({ tenant, body: 'refund request', occurredAt: `2024-05-0${d}T10:00:00.000Z` }),
      );
      await load(...docs, indexDoc({ tenant, body: 'unrelated' }));

      const pages: Awaited<ReturnType<SearchIndex['search']>>[] = [];
      for (const offset of [0, 2, 4]) pages.push(await find(tenant, { text: 'refund', limit: 2, offset }));
      expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
      expect(pages.map((p) => p.hits.length)).toEqual([2, 2, 1]);
      const seen = pages.flatMap((p) => p.hits.map((h) => h.doc.id));
      expect(new Set(seen).size).toBe(5);
      expect([...seen].sort()).toEqual(docs.map((d) => d.id).sort());

      const past = await find(tenant, { text: 'refund', limit: 2, offset: 10 });
      expect(past.total).toBe(5);
      expect(past.hits).toEqual([]);
    });

    it('returns equally relevant hits newest first', async () => {
      const tenant = uniqueTenant();
      const days = ['2024-04-03', '2024-04-01', '2024-04-02'];
      const docs = days.map((d) => indexDoc({ tenant, body: 'refund request', occurredAt: `${d}T10:00:00.000Z` }));
      await load(...docs);

      const res = await find(tenant, { text: 'refund' });
      expect(res.hits.map((h) => h.doc.occurredAt.slice(0, 10))).toEqual(['2024-04-03', '2024-04-02', '2024-04-01']);
      const all = await find(tenant, {});
      expect(all.hits.map((h) => h.doc.occurredAt.slice(0, 10))).toEqual(['2024-04-03', '2024-04-02', '2024-04-01']);
    });

    it('gives a short snippet taken only from the redacted body', async () => {
      const tenant = uniqueTenant();
      const filler = '这是一段很长的客服对话内容，用来确认摘要只截取匹配附近的一小段文字。'.repeat(12);
      const doc = indexDoc({
        tenant,
        subject: 'Zebraword subject',
        participants: 'Quokkaname <q***@example.com>',
        body: `${filler}客户 138****5678 要求退款，因为商品破损。${filler}`,
      });
      await load(doc);

      const [hit] = (await find(tenant, { text: '退款' })).hits;
      expect(hit).toBeDefined();
      const snippet = hit!.snippet;
      expect(snippet.trim().length).toBeGreaterThan(0);
      expect(snippet.length).toBeLessThan(400);
      expect(snippet).toContain('退款');
      expect(snippet).not.toMatch(/<\/?em>|Zebraword|Quokkaname/);

      // A match outside the body still gets a snippet, and it still comes from the body.
      const [bySubject] = (await find(tenant, { text: 'zebraword' })).hits;
      expect(bySubject?.snippet.trim().length).toBeGreaterThan(0);
      expect(bySubject?.snippet).not.toMatch(/Zebraword|Quokkaname/);
      expect(doc.body).toContain(bySubject!.snippet.trim().slice(0, 20));
    });

    it('gives a snippet for a search with empty text', async () => {
      const tenant = uniqueTenant();
      const token = fakeToken();
      const doc = indexDoc({ tenant, tokens: [token], body: '客户 138****5678 来电询问物流。' });
      await load(doc);

      const [hit] = (await find(tenant, { tokens: [token] })).hits;
      expect(hit?.snippet.trim().length).toBeGreaterThan(0);
      expect(doc.body).toContain(hit!.snippet.trim().slice(0, 10));
    });

    it('accepts an empty upsert', async () => {
      await expect(index().upsert([])).resolves.toBeUndefined();
    });
  });
}
