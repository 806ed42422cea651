import { cjkTerms, type IndexDoc, type IndexHit, type SearchIndex } from '@custodian/core';
import type { Channel } from '@custodian/schemas';
import { migrate } from '../catalog/migrations';
import type { SqlClient } from '../sql/sql-client';

const SNIPPET_CHARS = 120;
const SNIPPET_LEAD = 30;
/** Keeps a document's tsvector far below PostgreSQL's 1 MB limit, whatever the body's length. */
const MAX_TERMS = 50_000;

const DOC_COLUMNS = `tenant, id, version, channel, occurred_at_text, subject, body, participants, owner_agent,
  owner_team, tokens, pii_types, topics, sensitivity, retention_class`;

interface DocRow {
  tenant: string;
  id: string;
  version: number;
  channel: string;
  occurred_at_text: string;
  subject: string;
  body: string;
  participants: string;
  owner_agent: string | null;
  owner_team: string | null;
  tokens: string[];
  pii_types: string[];
  topics: string[];
  sensitivity: string;
  retention_class: string;
  score: number;
}

const toDoc = (r: DocRow): IndexDoc => ({
  tenant: r.tenant,
  id: r.id,
  version: Number(r.version),
  channel: r.channel as Channel,
  occurredAt: r.occurred_at_text,
  subject: r.subject,
  body: r.body,
  participants: r.participants,
  ownerAgent: r.owner_agent,
  ownerTeam: r.owner_team,
  tokens: r.tokens,
  piiTypes: r.pii_types,
  topics: r.topics,
  sensitivity: r.sensitivity,
  retentionClass: r.retention_class,
});

/** Terms as one string for `to_tsvector('simple', …)`: PostgreSQL does not segment Chinese, core's cjkTerms does. */
const termText = (text: string) => cjkTerms(text).slice(0, MAX_TERMS).join(' ');

/** ~120 characters of the (already redacted) body around the first query term found, else its start. */
function snippetOf(body: string, terms: string[]): string {
  const lower = body.toLowerCase();
  let at = -1;
  for (const t of terms) {
    const i = lower.indexOf(t);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  let start = Math.max(0, at - SNIPPET_LEAD);
  let end = Math.min(body.length, start + SNIPPET_CHARS);
  // Never cut a surrogate pair in half.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(body[start] ?? '')) start--;
  if (end < body.length && /[\uDC00-\uDFFF]/.test(body[end] ?? '')) end++;
  const piece = body.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${piece}${end < body.length ? '…' : ''}`;
}

/** Keeps one doc per (tenant, id), the highest version: one statement cannot touch a row twice. */
function newestPerId(docs: IndexDoc[]): IndexDoc[] {
  const best = new Map<string, IndexDoc>();
  for (const d of docs) {
    const k = `${d.tenant}\n${d.id}`;
    const seen = best.get(k);
    if (!seen || d.version >= seen.version) best.set(k, d);
  }
  return [...best.values()];
}

/**
 * Full-text search in the catalog database (PostgreSQL or PGlite): a `tsvector` of core's CJK-aware terms
 * under the `simple` configuration, keyed tokens in a GIN-indexed array, scope applied in SQL.
 * It does not own `sql`: `close()` leaves the client open.
 */
export function createPostgresIndex(sql: SqlClient): SearchIndex {
  return {
    async init() {
      await migrate(sql);
    },

    async upsert(docs) {
      const newest = newestPerId(docs);
      if (newest.length === 0) return;
      await sql.transaction(async (tx) => {
        for (const d of newest) {
          await tx.query(
            `INSERT INTO search_docs (tenant, id, version, channel, occurred_at, occurred_at_text, subject, body,
               participants, owner_agent, owner_team, tokens, pii_types, topics, sensitivity, retention_class, tsv)
             VALUES ($1, $2, $3, $4, $5::timestamptz, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
               to_tsvector('simple', $17))
             ON CONFLICT (tenant, id) DO UPDATE SET
               version = EXCLUDED.version, channel = EXCLUDED.channel, occurred_at = EXCLUDED.occurred_at,
               occurred_at_text = EXCLUDED.occurred_at_text, subject = EXCLUDED.subject, body = EXCLUDED.body,
               participants = EXCLUDED.participants, owner_agent = EXCLUDED.owner_agent,
               owner_team = EXCLUDED.owner_team, tokens = EXCLUDED.tokens, pii_types = EXCLUDED.pii_types,
               topics = EXCLUDED.topics, sensitivity = EXCLUDED.sensitivity,
               retention_class = EXCLUDED.retention_class, tsv = EXCLUDED.tsv, updated_at = now()
             WHERE search_docs.version <= EXCLUDED.version`,
            [
              d.tenant,
              d.id,
              d.version,
              d.channel,
              d.occurredAt,
              d.occurredAt,
              d.subject,
              d.body,
              d.participants,
              d.ownerAgent,
              d.ownerTeam,
              d.tokens,
              d.piiTypes,
              d.topics,
              d.sensitivity,
              d.retentionClass,
              termText(`${d.subject} ${d.participants} ${d.body}`),
            ],
          );
        }
      });
    },

    async search(query, scope) {
      const params: unknown[] = [];
      const p = (v: unknown) => {
        params.push(v);
        return `$${params.length}`;
      };
      const where = [`tenant = ${p(scope.tenant)}`];
      if (scope.ownerAgent !== undefined) where.push(`owner_agent = ${p(scope.ownerAgent)}`);
      if (scope.ownerTeam !== undefined) where.push(`owner_team = ${p(scope.ownerTeam)}`);
      if (query.channel !== undefined) where.push(`channel = ${p(query.channel)}`);
      if (query.from !== undefined) where.push(`occurred_at >= ${p(query.from)}::timestamptz`);
      if (query.to !== undefined) where.push(`occurred_at <= ${p(query.to)}::timestamptz`);
      if (query.tokens.length > 0) where.push(`tokens @> ${p(query.tokens)}::text[]`);
      for (const alt of query.eitherOf ?? []) {
        const altTerms = cjkTerms(alt.text);
        const byText = altTerms.length > 0 ? ` OR tsv @@ plainto_tsquery('simple', ${p(altTerms.join(' '))})` : '';
        where.push(`(tokens @> ARRAY[${p(alt.token)}]::text[]${byText})`);
      }
      const terms = cjkTerms(query.text);
      // plainto_tsquery runs the same parser as to_tsvector did on the documents and ANDs the terms; nothing to escape.
      const tsquery = terms.length > 0 ? `plainto_tsquery('simple', ${p(terms.join(' '))})` : undefined;
      if (tsquery) where.push(`tsv @@ ${tsquery}`);
      const filter = where.join(' AND ');

      const countParams = [...params];
      const score = tsquery ? `ts_rank(tsv, ${tsquery})` : '0';
      const limit = p(Math.max(0, query.limit));
      const offset = p(Math.max(0, query.offset));
      const count = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM search_docs WHERE ${filter}`,
        countParams,
      );
      const page = await sql.query<DocRow>(
        `SELECT ${DOC_COLUMNS}, ${score}::float8 AS score FROM search_docs WHERE ${filter}
         ORDER BY score DESC, occurred_at DESC, id ASC LIMIT ${limit} OFFSET ${offset}`,
        params,
      );
      const hits: IndexHit[] = page.rows.map((r) => ({
        doc: toDoc(r),
        score: Number(r.score),
        snippet: snippetOf(r.body, terms),
      }));
      return { total: Number(count.rows[0]?.n ?? 0), hits };
    },

    async refresh() {},

    async close() {},
  };
}
