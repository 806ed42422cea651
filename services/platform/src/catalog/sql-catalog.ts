import { randomUUID } from 'node:crypto';
import {
  type AuditQuery,
  auditHash,
  type Catalog,
  type CatalogRecord,
  type CatalogUser,
  type CommitOutcome,
  GENESIS_HASH,
  type NewUser,
} from '@custodian/core';
import {
  type AuditEvent,
  AuditEventInput,
  type Channel,
  CustodianError,
  type Role,
  type SourceRef,
} from '@custodian/schemas';
import type { SqlClient } from '../sql/sql-client';
import { isUniqueViolation } from '../sql/sql-error';
import { toIso } from '../sql/to-iso';
import { migrate } from './migrations';

const RECORD_COLUMNS = `tenant, id, version, channel, occurred_at, received_at, conversation_key, dedupe_key,
  subject_id, owner_agent, owner_team, sensitivity, retention_class, retain_until, worm, object_key, blob_keys,
  wrapped_data_key, raw_sha256, sealed_sha256`;

interface RecordRow {
  tenant: string;
  id: string;
  version: number;
  channel: string;
  occurred_at: unknown;
  received_at: unknown;
  conversation_key: string;
  dedupe_key: string;
  subject_id: string;
  owner_agent: string | null;
  owner_team: string | null;
  sensitivity: string;
  retention_class: string;
  retain_until: unknown;
  worm: boolean;
  object_key: string;
  blob_keys: string[];
  wrapped_data_key: string;
  raw_sha256: string;
  sealed_sha256: string;
}

const toRecord = (r: RecordRow): CatalogRecord => ({
  tenant: r.tenant,
  id: r.id,
  version: Number(r.version),
  channel: r.channel as Channel,
  occurredAt: toIso(r.occurred_at),
  receivedAt: toIso(r.received_at),
  conversationKey: r.conversation_key,
  dedupeKey: r.dedupe_key,
  subjectId: r.subject_id,
  ownerAgent: r.owner_agent,
  ownerTeam: r.owner_team,
  sensitivity: r.sensitivity,
  retentionClass: r.retention_class,
  retainUntil: toIso(r.retain_until),
  worm: r.worm,
  objectKey: r.object_key,
  blobKeys: r.blob_keys,
  wrappedDataKey: r.wrapped_data_key,
  rawSha256: r.raw_sha256,
  sealedSha256: r.sealed_sha256,
});

const recordParams = (r: CatalogRecord): unknown[] => [
  r.tenant,
  r.id,
  r.version,
  r.channel,
  r.occurredAt,
  r.receivedAt,
  r.conversationKey,
  r.dedupeKey,
  r.subjectId,
  r.ownerAgent,
  r.ownerTeam,
  r.sensitivity,
  r.retentionClass,
  r.retainUntil,
  r.worm,
  r.objectKey,
  r.blobKeys,
  r.wrappedDataKey,
  r.rawSha256,
  r.sealedSha256,
];

interface UserRow {
  id: string;
  tenant: string;
  email: string;
  name: string;
  role: string;
  team: string | null;
  active: boolean;
}

const USER_COLUMNS = 'id, tenant, email, name, role, team, active';

const toUser = (r: UserRow): CatalogUser => ({
  id: r.id,
  tenant: r.tenant,
  email: r.email,
  name: r.name,
  role: r.role as Role,
  team: r.team,
  active: r.active,
});

interface AuditRow {
  tenant: string;
  seq: number | string;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

const toAudit = (r: AuditRow): AuditEvent => ({
  tenant: r.tenant,
  seq: Number(r.seq),
  at: r.at,
  actor: r.actor,
  action: r.action as AuditEvent['action'],
  target: r.target,
  details: r.details,
  prevHash: r.prev_hash,
  hash: r.hash,
});

const notFound = (tenant: string, id: string) =>
  new CustodianError('E_RECORD_NOT_FOUND', `No record ${id} in tenant ${tenant}.`, {
    retryable: false,
    details: { tenant, id },
  });

/** Reads back exactly what jsonb will hand back later, so the hash computed now verifies then. */
function jsonRoundTrip(what: string, value: unknown): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (cause) {
    throw new CustodianError('E_JSON_INVALID', `${what} cannot be stored as JSON: ${(cause as Error).message}`, {
      retryable: false,
      cause,
    });
  }
  if (text === undefined) {
    throw new CustodianError('E_JSON_INVALID', `${what} must be a JSON value, not ${typeof value}.`, {
      retryable: false,
    });
  }
  return JSON.parse(text);
}

const MAX_AUDIT_PAGE = 10_000;

/**
 * The catalog on PostgreSQL or PGlite (same SQL). It does not own `sql`: `close()` leaves the client
 * open for the queue and index that share it; whoever opened the client closes it.
 */
export function createSqlCatalog(sql: SqlClient): Catalog {
  const latestOf = async (tenant: string, id: string) => {
    const { rows } = await sql.query<RecordRow>(
      `SELECT ${RECORD_COLUMNS} FROM records WHERE tenant = $1 AND id = $2 ORDER BY version DESC LIMIT 1`,
      [tenant, id],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  };

  const insertSource = async (tx: SqlClient, tenant: string, id: string, s: SourceRef) => {
    const r = await tx.query(
      `INSERT INTO record_sources (tenant, id, connector, source_id, external_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING 1 AS added`,
      [tenant, id, s.connector, s.sourceId, s.externalId],
    );
    return r.rows.length > 0;
  };

  return {
    async migrate() {
      await migrate(sql);
    },

    commit(record, source) {
      return sql.transaction(async (tx): Promise<CommitOutcome> => {
        const inserted = await tx.query<{ sealed_sha256: string }>(
          `INSERT INTO records (${RECORD_COLUMNS})
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
           ON CONFLICT (tenant, id, version) DO NOTHING RETURNING sealed_sha256`,
          recordParams(record),
        );
        const created = inserted.rows.length > 0;
        if (!created) {
          const existing = await tx.query<{ sealed_sha256: string; wrapped_data_key: string; object_key: string }>(
            'SELECT sealed_sha256, wrapped_data_key, object_key FROM records WHERE tenant = $1 AND id = $2 AND version = $3',
            [record.tenant, record.id, record.version],
          );
          const e = existing.rows[0];
          // A different sealing of a committed version means its blob may now hold bytes the catalog's key cannot open.
          if (
            e &&
            (e.sealed_sha256 !== record.sealedSha256 ||
              e.wrapped_data_key !== record.wrappedDataKey ||
              e.object_key !== record.objectKey)
          ) {
            throw new CustodianError(
              'E_RECORD_VERSION_CONFLICT',
              `Record ${record.id} version ${record.version} is already committed with a different sealing; look up the catalog before sealing again.`,
              { retryable: false, details: { tenant: record.tenant, id: record.id, version: record.version } },
            );
          }
        }
        const added = await insertSource(tx, record.tenant, record.id, source);
        return created ? 'created' : added ? 'source-added' : 'unchanged';
      });
    },

    addSource(tenant, id, source) {
      return sql.transaction(async (tx) => {
        const exists = await tx.query('SELECT 1 AS one FROM records WHERE tenant = $1 AND id = $2 LIMIT 1', [
          tenant,
          id,
        ]);
        if (exists.rows.length === 0) throw notFound(tenant, id);
        return insertSource(tx, tenant, id, source);
      });
    },

    async getVersion(tenant, id, version) {
      const { rows } = await sql.query<RecordRow>(
        `SELECT ${RECORD_COLUMNS} FROM records WHERE tenant = $1 AND id = $2 AND version = $3`,
        [tenant, id, version],
      );
      return rows[0] ? toRecord(rows[0]) : undefined;
    },

    getLatest: latestOf,

    async findByDedupeKey(tenant, dedupeKey) {
      const { rows } = await sql.query<RecordRow>(
        `SELECT ${RECORD_COLUMNS} FROM records WHERE tenant = $1 AND dedupe_key = $2
         ORDER BY created_at, id, version DESC LIMIT 1`,
        [tenant, dedupeKey],
      );
      return rows[0] ? latestOf(tenant, rows[0].id) : undefined;
    },

    async sources(tenant, id) {
      const { rows } = await sql.query<{ connector: string; source_id: string; external_id: string }>(
        `SELECT connector, source_id, external_id FROM record_sources WHERE tenant = $1 AND id = $2
         ORDER BY added_at, connector, source_id, external_id`,
        [tenant, id],
      );
      return rows.map((r) => ({ connector: r.connector, sourceId: r.source_id, externalId: r.external_id }));
    },

    async countRecords(tenant) {
      const { rows } = await sql.query<{ n: number }>(
        'SELECT count(DISTINCT id)::int AS n FROM records WHERE tenant = $1',
        [tenant],
      );
      return Number(rows[0]?.n ?? 0);
    },

    async subjectKey(tenant, subjectId, create) {
      const read = async () => {
        const { rows } = await sql.query<{ wrapped_key: string | null }>(
          'SELECT wrapped_key FROM subject_keys WHERE tenant = $1 AND subject_id = $2',
          [tenant, subjectId],
        );
        const row = rows[0];
        if (row && row.wrapped_key === null) {
          throw new CustodianError(
            'E_SUBJECT_ERASED',
            'The data subject of this item was erased (key crypto-shredded); the item is not archived.',
            { retryable: false, details: { tenant } },
          );
        }
        return row?.wrapped_key ?? undefined;
      };
      const existing = await read();
      if (existing !== undefined) return existing;
      const wrapped = await create();
      // Two workers may race for a new subject: the first insert wins and both use the stored key.
      await sql.query(
        `INSERT INTO subject_keys (tenant, subject_id, wrapped_key) VALUES ($1, $2, $3)
         ON CONFLICT (tenant, subject_id) DO NOTHING`,
        [tenant, subjectId, wrapped],
      );
      const stored = await read();
      if (stored === undefined) {
        throw new CustodianError('E_SUBJECT_KEY_MISSING', 'A subject key vanished right after it was stored.', {
          retryable: true,
          details: { tenant },
        });
      }
      return stored;
    },

    async getSubjectKey(tenant, subjectId) {
      const { rows } = await sql.query<{ wrapped_key: string | null }>(
        'SELECT wrapped_key FROM subject_keys WHERE tenant = $1 AND subject_id = $2',
        [tenant, subjectId],
      );
      return rows[0]?.wrapped_key ?? null;
    },

    async createUser(user: NewUser) {
      try {
        const { rows } = await sql.query<UserRow>(
          `INSERT INTO users (id, tenant, email, name, role, team, token_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)
           RETURNING ${USER_COLUMNS}`,
          [randomUUID(), user.tenant, user.email, user.name, user.role, user.team ?? null, user.tokenHash],
        );
        return toUser(rows[0]!);
      } catch (e) {
        if (isUniqueViolation(e, 'users_tenant_email_key')) {
          throw new CustodianError('E_USER_EXISTS', `A user with this email already exists in tenant ${user.tenant}.`, {
            retryable: false,
            cause: e,
          });
        }
        if (isUniqueViolation(e, 'users_token_hash_key')) {
          throw new CustodianError('E_USER_TOKEN_TAKEN', 'This API token is already assigned; issue a new token.', {
            retryable: false,
            cause: e,
          });
        }
        throw e;
      }
    },

    async findUserByTokenHash(tokenHash) {
      const { rows } = await sql.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE token_hash = $1`, [tokenHash]);
      return rows[0] ? toUser(rows[0]) : undefined;
    },

    async setUserActive(tenant, email, active) {
      const r = await sql.query('UPDATE users SET active = $3 WHERE tenant = $1 AND lower(email) = lower($2)', [
        tenant,
        email,
        active,
      ]);
      return r.rowCount > 0;
    },

    async appendAudit(input) {
      const parsed = AuditEventInput.safeParse(input);
      if (!parsed.success) {
        throw new CustodianError(
          'E_AUDIT_INVALID',
          `Invalid audit entry: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
          { retryable: false },
        );
      }
      const { tenant, actor, action, target } = parsed.data;
      const details = jsonRoundTrip('audit details', parsed.data.details) as Record<string, unknown>;
      return sql.transaction(async (tx) => {
        // One writer per tenant chain at a time, across every process on this database.
        await tx.query("SELECT pg_advisory_xact_lock(hashtext('audit:' || $1::text))", [tenant]);
        const head = await tx.query<{ seq: number | string; at: string; hash: string }>(
          'SELECT seq, at, hash FROM audit WHERE tenant = $1 ORDER BY seq DESC LIMIT 1',
          [tenant],
        );
        const prev = head.rows[0];
        const now = new Date().toISOString();
        // Entries never go back in time, even when this host's clock is behind the last writer's.
        const at = prev && prev.at > now ? prev.at : now;
        const unsealed = {
          seq: prev ? Number(prev.seq) + 1 : 1,
          tenant,
          at,
          actor,
          action,
          target,
          details,
          prevHash: prev?.hash ?? GENESIS_HASH,
        };
        const event: AuditEvent = { ...unsealed, hash: auditHash(unsealed) };
        await tx.query(
          `INSERT INTO audit (tenant, seq, at, actor, action, target, details, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8, $9)`,
          [
            event.tenant,
            event.seq,
            event.at,
            event.actor,
            event.action,
            event.target,
            JSON.stringify(details),
            event.prevHash,
            event.hash,
          ],
        );
        return event;
      });
    },

    async listAudit(q: AuditQuery) {
      const limit = Math.min(Math.max(1, q.limit ?? 1000), MAX_AUDIT_PAGE);
      const { rows } = await sql.query<AuditRow>(
        `SELECT tenant, seq, at, actor, action, target, details, prev_hash, hash FROM audit
         WHERE tenant = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [q.tenant, q.afterSeq ?? 0, limit],
      );
      return rows.map(toAudit);
    },

    async getCheckpoint(sourceId, key) {
      const { rows } = await sql.query<{ value: unknown }>(
        'SELECT value FROM checkpoints WHERE source_id = $1 AND key = $2',
        [sourceId, key],
      );
      return rows.length > 0 ? rows[0]!.value : undefined;
    },

    async setCheckpoint(sourceId, key, value) {
      const json = JSON.stringify(jsonRoundTrip('a checkpoint', value));
      await sql.query(
        `INSERT INTO checkpoints (source_id, key, value, updated_at) VALUES ($1, $2, $3::text::jsonb, now())
         ON CONFLICT (source_id, key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
        [sourceId, key, json],
      );
    },

    async close() {},
  };
}
