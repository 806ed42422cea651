import { type CatalogRecord, verifyChain } from '@custodian/core';
import { CustodianError, type SourceRef } from '@custodian/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../src/catalog/migrations';
import { createSqlCatalog } from '../src/catalog/sql-catalog';
import { openPglite } from '../src/sql/pglite-client';
import type { SqlClient } from '../src/sql/sql-client';

let sql: SqlClient;
let catalog: ReturnType<typeof createSqlCatalog>;

beforeAll(async () => {
  sql = await openPglite(undefined);
  catalog = createSqlCatalog(sql);
  await catalog.migrate();
});
afterAll(async () => {
  await catalog?.close();
  await sql?.close();
});

const record = (over: Partial<CatalogRecord> = {}): CatalogRecord => ({
  tenant: 'acme',
  id: '6b0f7a4e-1d2c-5e3f-8a9b-0c1d2e3f4a5b',
  version: 1,
  channel: 'email',
  occurredAt: '2024-03-01T02:03:04.005Z',
  receivedAt: '2024-03-01T02:05:00.000Z',
  conversationKey: 'thread-1@example.com',
  dedupeKey: 'email:m1@example.com:abc',
  subjectId: 'subj-token-1',
  ownerAgent: 'agent@corp.example',
  ownerTeam: null,
  sensitivity: 'L3',
  retentionClass: 'regulated',
  retainUntil: '2029-03-01T02:03:04.005Z',
  worm: true,
  objectKey: 'records/regulated/2024/03/r1',
  blobKeys: ['raw/r1', 'att/r1/0'],
  wrappedDataKey: 'wrapped-data-key-1',
  rawSha256: 'a'.repeat(64),
  sealedSha256: 'b'.repeat(64),
  ...over,
});

const mailbox = (n: number): SourceRef => ({ connector: 'imap', sourceId: `imap:box${n}/INBOX`, externalId: `7:${n}` });

describe('migrations', () => {
  it('applies every migration once and nothing on a second run', async () => {
    expect(await migrate(sql)).toEqual([]);
    const { rows } = await sql.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('refuses a database migrated by a newer Custodian', async () => {
    await sql.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from-the-future')");
    try {
      await expect(migrate(sql)).rejects.toMatchObject({ code: 'E_SCHEMA_TOO_NEW', retryable: false });
    } finally {
      await sql.query('DELETE FROM schema_migrations WHERE version = 999');
    }
  });

  it('applies a new migration in a transaction: a failing statement leaves nothing behind', async () => {
    const broken = [
      ...MIGRATIONS,
      { version: 500, name: 'broken', statements: ['CREATE TABLE half_done (x int)', 'SELECT * FROM no_such_table'] },
    ];
    await expect(migrate(sql, broken)).rejects.toMatchObject({ code: 'E_SQL' });
    const { rows } = await sql.query("SELECT 1 FROM pg_tables WHERE tablename = 'half_done'");
    expect(rows).toEqual([]);
  });
});

describe('records', () => {
  it('creates a record, then reports the same commit as unchanged and a new mailbox as source-added', async () => {
    const r = record();
    expect(await catalog.commit(r, mailbox(1))).toBe('created');
    expect(await catalog.commit(r, mailbox(1))).toBe('unchanged');
    expect(await catalog.commit(r, mailbox(2))).toBe('source-added');
    expect(await catalog.sources('acme', r.id)).toEqual([mailbox(1), mailbox(2)]);
  });

  it('reads back exactly what was committed', async () => {
    const r = record({ id: 'rec-roundtrip', ownerTeam: 'team-a', blobKeys: [] });
    await catalog.commit(r, mailbox(1));
    expect(await catalog.getVersion('acme', r.id, 1)).toEqual(r);
    expect(await catalog.getVersion('acme', r.id, 2)).toBeUndefined();
    expect(await catalog.getVersion('other-tenant', r.id, 1)).toBeUndefined();
  });

  it('refuses a second, different sealing of a committed version', async () => {
    const r = record({ id: 'rec-conflict' });
    await catalog.commit(r, mailbox(1));
    const err = await catalog.commit({ ...r, sealedSha256: 'c'.repeat(64) }, mailbox(2)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CustodianError);
    expect(err).toMatchObject({ code: 'E_RECORD_VERSION_CONFLICT', retryable: false });
    expect(await catalog.sources('acme', r.id)).toEqual([mailbox(1)]);
  });

  it('returns the newest version as the latest, and finds it by dedupe key', async () => {
    const id = 'rec-versions';
    await catalog.commit(record({ id, dedupeKey: 'chat:c1' }), mailbox(1));
    await catalog.commit(record({ id, version: 3, dedupeKey: 'chat:c1', sealedSha256: 'd'.repeat(64) }), mailbox(1));
    await catalog.commit(record({ id, version: 2, dedupeKey: 'chat:c1' }), mailbox(1));
    expect((await catalog.getLatest('acme', id))?.version).toBe(3);
    expect(await catalog.findByDedupeKey('acme', 'chat:c1')).toMatchObject({ id, version: 3 });
    expect(await catalog.findByDedupeKey('acme', 'chat:none')).toBeUndefined();
    expect(await catalog.getLatest('acme', 'no-such-id')).toBeUndefined();
  });

  it('attaches a source to an existing record once and refuses one for an unknown record', async () => {
    const r = record({ id: 'rec-add-source' });
    await catalog.commit(r, mailbox(1));
    expect(await catalog.addSource('acme', r.id, mailbox(3))).toBe(true);
    expect(await catalog.addSource('acme', r.id, mailbox(3))).toBe(false);
    await expect(catalog.addSource('acme', 'rec-missing', mailbox(3))).rejects.toMatchObject({
      code: 'E_RECORD_NOT_FOUND',
    });
  });

  it('counts records, not versions, per tenant', async () => {
    const t = 'count-tenant';
    await catalog.commit(record({ tenant: t, id: 'c1' }), mailbox(1));
    await catalog.commit(record({ tenant: t, id: 'c1', version: 2 }), mailbox(1));
    await catalog.commit(record({ tenant: t, id: 'c2' }), mailbox(2));
    expect(await catalog.countRecords(t)).toBe(2);
    expect(await catalog.countRecords('empty-tenant')).toBe(0);
  });
});

describe('subject keys', () => {
  it('creates a subject key once, even when several callers race for a new subject', async () => {
    let created = 0;
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        catalog.subjectKey('acme', 'subject-race', async () => {
          created++;
          return `wrapped-${n}`;
        }),
      ),
    );
    expect(new Set(results).size).toBe(1);
    expect(await catalog.getSubjectKey('acme', 'subject-race')).toBe(results[0]);
    expect(await catalog.subjectKey('acme', 'subject-race', async () => 'never')).toBe(results[0]);
    expect(created).toBeGreaterThanOrEqual(1);
  });

  it('reports a shredded subject key as null and refuses to create a new one silently', async () => {
    await catalog.subjectKey('acme', 'subject-shred', async () => 'wrapped-s');
    await sql.query(
      "UPDATE subject_keys SET wrapped_key = NULL, shredded_at = now() WHERE tenant = 'acme' AND subject_id = $1",
      ['subject-shred'],
    );
    expect(await catalog.getSubjectKey('acme', 'subject-shred')).toBeNull();
    await expect(catalog.subjectKey('acme', 'subject-shred', async () => 'again')).rejects.toMatchObject({
      code: 'E_SUBJECT_ERASED',
      retryable: false,
    });
    expect(await catalog.getSubjectKey('acme', 'never-seen')).toBeNull();
  });
});

describe('users', () => {
  it('creates a user and finds them by token hash', async () => {
    const u = await catalog.createUser({
      tenant: 'acme',
      email: 'Li.Lei@corp.example',
      name: '李雷',
      role: 'agent',
      team: 'team-a',
      tokenHash: 'h'.repeat(64),
    });
    expect(u).toMatchObject({
      tenant: 'acme',
      email: 'Li.Lei@corp.example',
      name: '李雷',
      role: 'agent',
      team: 'team-a',
      active: true,
    });
    expect(u.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await catalog.findUserByTokenHash('h'.repeat(64))).toEqual(u);
    expect(await catalog.findUserByTokenHash('x'.repeat(64))).toBeUndefined();
  });

  it('deactivates a user by email, whatever its case, and reports unknown emails', async () => {
    await catalog.createUser({
      tenant: 'acme',
      email: 'han@corp.example',
      name: 'Han',
      role: 'auditor',
      tokenHash: 't2',
    });
    expect(await catalog.setUserActive('acme', 'HAN@corp.example', false)).toBe(true);
    expect((await catalog.findUserByTokenHash('t2'))?.active).toBe(false);
    expect(await catalog.setUserActive('acme', 'nobody@corp.example', false)).toBe(false);
  });

  it('refuses a second user with the same email in a tenant, or the same token', async () => {
    await catalog.createUser({ tenant: 'acme', email: 'dup@corp.example', name: 'A', role: 'agent', tokenHash: 't3' });
    await expect(
      catalog.createUser({ tenant: 'acme', email: 'DUP@corp.example', name: 'B', role: 'agent', tokenHash: 't4' }),
    ).rejects.toMatchObject({ code: 'E_USER_EXISTS' });
    await expect(
      catalog.createUser({ tenant: 'acme', email: 'other@corp.example', name: 'C', role: 'agent', tokenHash: 't3' }),
    ).rejects.toMatchObject({ code: 'E_USER_TOKEN_TAKEN' });
    const other = await catalog.createUser({
      tenant: 'beta',
      email: 'dup@corp.example',
      name: 'D',
      role: 'admin',
      tokenHash: 't5',
    });
    expect(other.team).toBeNull();
  });
});

describe('audit', () => {
  it('chains entries per tenant so that the chain verifies, with details read back as written', async () => {
    const details = { query: 'fp:1234', hits: ['r1', 'r2'], nested: { 中文: '退款', n: 1.5, zero: 0, no: null } };
    const first = await catalog.appendAudit({ tenant: 'audit-a', actor: 'u1', action: 'auth.login' });
    const second = await catalog.appendAudit({
      tenant: 'audit-a',
      actor: 'u1',
      action: 'record.search',
      target: 'q',
      details,
    });
    await catalog.appendAudit({ tenant: 'audit-b', actor: 'u2', action: 'auth.login' });
    expect(first).toMatchObject({ seq: 1, target: '', details: {} });
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect(second.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const listed = await catalog.listAudit({ tenant: 'audit-a' });
    expect(listed).toEqual([first, second]);
    expect(listed[1]?.details).toEqual(details);
    expect(verifyChain(listed)).toBeUndefined();
    expect((await catalog.listAudit({ tenant: 'audit-b' }))[0]?.seq).toBe(1);
  });

  it('keeps one unbroken chain when many appends run at once', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        catalog.appendAudit({ tenant: 'audit-burst', actor: `u${i % 3}`, action: 'record.view', target: `r${i}` }),
      ),
    );
    const all = await catalog.listAudit({ tenant: 'audit-burst' });
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(verifyChain(all)).toBeUndefined();
  });

  it('pages through the chain after a sequence number, and the pages verify against their predecessor', async () => {
    const page1 = await catalog.listAudit({ tenant: 'audit-burst', limit: 10 });
    const page2 = await catalog.listAudit({ tenant: 'audit-burst', afterSeq: 10, limit: 10 });
    expect(page1.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(page2[0]?.seq).toBe(11);
    expect(verifyChain(page2, page1.at(-1))).toBeUndefined();
  });

  it('detects an entry altered in the database', async () => {
    await sql.query("UPDATE audit SET target = 'tampered' WHERE tenant = 'audit-burst' AND seq = 5");
    expect(verifyChain(await catalog.listAudit({ tenant: 'audit-burst' }))).toEqual({
      seq: 5,
      reason: 'hash-mismatch',
    });
  });

  it('refuses an entry with an unknown action', async () => {
    await expect(
      catalog.appendAudit({ tenant: 'audit-a', actor: 'u1', action: 'record.burn' as 'record.view' }),
    ).rejects.toMatchObject({ code: 'E_AUDIT_INVALID' });
  });
});

describe('checkpoints', () => {
  it('stores, replaces and reads back a checkpoint per source and key', async () => {
    expect(await catalog.getCheckpoint('imap:box1', 'INBOX')).toBeUndefined();
    await catalog.setCheckpoint('imap:box1', 'INBOX', { uidValidity: '17', lastUid: 40 });
    await catalog.setCheckpoint('imap:box1', 'INBOX', { uidValidity: '17', lastUid: 41 });
    await catalog.setCheckpoint('imap:box1', 'Sent', 3);
    expect(await catalog.getCheckpoint('imap:box1', 'INBOX')).toEqual({ uidValidity: '17', lastUid: 41 });
    expect(await catalog.getCheckpoint('imap:box1', 'Sent')).toBe(3);
  });

  it('refuses a value that is not JSON', async () => {
    await expect(catalog.setCheckpoint('s', 'k', undefined)).rejects.toMatchObject({ code: 'E_JSON_INVALID' });
    await expect(catalog.setCheckpoint('s', 'k', 10n)).rejects.toMatchObject({ code: 'E_JSON_INVALID' });
  });
});
