import { CustodianError } from '@custodian/schemas';
import type { SqlClient } from '../sql/sql-client';

/** One forward-only schema step; each statement is sent alone (PGlite's extended protocol takes one at a time). */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

/**
 * The catalog database's schema, shared by PostgreSQL and PGlite (one dialect). Append only: a released
 * migration is never edited, a change is a new version. Times that feed a hash (`audit.at`) are text
 * so they read back byte for byte; other instants are timestamptz so SQL can compare them.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'catalog',
    statements: [
      `CREATE TABLE records (
        tenant text NOT NULL,
        id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        channel text NOT NULL,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        conversation_key text NOT NULL,
        dedupe_key text NOT NULL,
        subject_id text NOT NULL,
        owner_agent text,
        owner_team text,
        sensitivity text NOT NULL,
        retention_class text NOT NULL,
        retain_until timestamptz NOT NULL,
        worm boolean NOT NULL,
        object_key text NOT NULL,
        blob_keys text[] NOT NULL DEFAULT '{}',
        wrapped_data_key text NOT NULL,
        raw_sha256 text NOT NULL,
        sealed_sha256 text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant, id, version)
      )`,
      'CREATE INDEX records_dedupe ON records (tenant, dedupe_key)',
      'CREATE INDEX records_subject ON records (tenant, subject_id)',
      'CREATE INDEX records_retain_until ON records (tenant, retain_until)',
      `CREATE TABLE record_sources (
        tenant text NOT NULL,
        id text NOT NULL,
        connector text NOT NULL,
        source_id text NOT NULL,
        external_id text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant, id, connector, source_id, external_id)
      )`,
      'CREATE INDEX record_sources_item ON record_sources (tenant, source_id, external_id)',
      `CREATE TABLE subject_keys (
        tenant text NOT NULL,
        subject_id text NOT NULL,
        wrapped_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        shredded_at timestamptz,
        PRIMARY KEY (tenant, subject_id)
      )`,
      `CREATE TABLE users (
        id uuid PRIMARY KEY,
        tenant text NOT NULL,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL,
        team text,
        active boolean NOT NULL DEFAULT true,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_token_hash_key UNIQUE (token_hash)
      )`,
      'CREATE UNIQUE INDEX users_tenant_email_key ON users (tenant, lower(email))',
      `CREATE TABLE audit (
        tenant text NOT NULL,
        seq bigint NOT NULL CHECK (seq > 0),
        at text NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        target text NOT NULL,
        details jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (tenant, seq)
      )`,
      `CREATE TABLE checkpoints (
        source_id text NOT NULL,
        key text NOT NULL,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source_id, key)
      )`,
    ],
  },
  {
    version: 2,
    name: 'embedded-queue',
    statements: [
      `CREATE TABLE queue_jobs (
        queue text NOT NULL,
        job_id text NOT NULL,
        tenant text NOT NULL,
        state text NOT NULL CHECK (state IN ('waiting', 'active', 'done', 'dead')),
        payload jsonb,
        attempts integer NOT NULL DEFAULT 0,
        run_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_code text,
        last_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        PRIMARY KEY (queue, job_id)
      )`,
      'CREATE INDEX queue_jobs_ready ON queue_jobs (queue, state, run_at)',
    ],
  },
  {
    version: 3,
    name: 'search-docs',
    statements: [
      `CREATE TABLE search_docs (
        tenant text NOT NULL,
        id text NOT NULL,
        version integer NOT NULL,
        channel text NOT NULL,
        occurred_at timestamptz NOT NULL,
        occurred_at_text text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        participants text NOT NULL,
        owner_agent text,
        owner_team text,
        tokens text[] NOT NULL,
        pii_types text[] NOT NULL,
        topics text[] NOT NULL,
        sensitivity text NOT NULL,
        retention_class text NOT NULL,
        tsv tsvector NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant, id)
      )`,
      'CREATE INDEX search_docs_tsv ON search_docs USING gin (tsv)',
      'CREATE INDEX search_docs_tokens ON search_docs USING gin (tokens)',
      'CREATE INDEX search_docs_recent ON search_docs (tenant, occurred_at DESC)',
    ],
  },
];

/** Any constant works as long as every Custodian process uses the same one. */
const MIGRATION_LOCK = "hashtext('custodian:migrations')";

/**
 * Applies the migrations this database lacks, in order, in one transaction, under an advisory lock so two
 * processes starting at once (api + worker) never both migrate. Returns the versions it applied.
 */
export async function migrate(sql: SqlClient, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    const have = new Set(rows.map((r) => Number(r.version)));
    const known = Math.max(0, ...migrations.map((m) => m.version));
    const newest = Math.max(0, ...have);
    if (newest > known) {
      throw new CustodianError(
        'E_SCHEMA_TOO_NEW',
        `The database ${sql.describe()} is at schema version ${newest}, newer than this Custodian knows (${known}); upgrade Custodian.`,
        { retryable: false, details: { databaseVersion: newest, knownVersion: known } },
      );
    }
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (have.has(m.version)) continue;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
