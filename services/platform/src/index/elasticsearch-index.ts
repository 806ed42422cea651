import { readFile } from 'node:fs/promises';
import type { IndexDoc, IndexHit, IndexQuery, IndexScope, SearchIndex } from '@custodian/core';
import { CustodianError } from '@custodian/schemas';
import { Client, errors, type estypes } from '@elastic/elasticsearch';

export interface ElasticsearchIndexConfig {
  url: string;
  /** Lower-case ES index-name prefix; the records index is `<prefix>-records`. */
  indexPrefix: string;
}

/** Settings and mappings of the records index; read at init so operators can see and diff them. */
const RECORDS_INDEX_FILE = new URL('../../../../infra/elasticsearch/records-index.json', import.meta.url);
const TEXT_FIELDS = ['subject^2', 'body', 'participants'];
const SNIPPET_CHARS = 120;
/** Relevance first; among equals the newest; the id makes pages stable. */
const SORT: estypes.Sort = [{ _score: { order: 'desc' } }, { occurredAt: { order: 'desc' } }, { id: { order: 'asc' } }];
const INDEX_PREFIX = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * Query text becomes one phrase per word (split on spaces and punctuation), every word required, each
 * allowed in any text field. A phrase of CJK bigrams keeps 申请退款 contiguous; it works as well with the
 * standard analyzer (one token per Han character) should a cluster lack `cjk`.
 */
function queryWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((w) => w.length > 0);
}

export async function createElasticsearchIndex(cfg: ElasticsearchIndexConfig): Promise<SearchIndex> {
  if (!INDEX_PREFIX.test(cfg.indexPrefix)) {
    throw new CustodianError('E_CONFIG_INVALID', `index prefix "${cfg.indexPrefix}" must be lower-case [a-z0-9._-]`, {
      retryable: false,
    });
  }
  const index = `${cfg.indexPrefix}-records`;
  const client = new Client({ node: cfg.url, requestTimeout: 30_000, maxRetries: 2, pingTimeout: 3_000 });

  return {
    async init() {
      try {
        if (await client.indices.exists({ index })) return;
        const body = JSON.parse(await readFile(RECORDS_INDEX_FILE, 'utf8')) as {
          settings: estypes.IndicesIndexSettings;
          mappings: estypes.MappingTypeMapping;
        };
        await client.indices.create({ index, settings: body.settings, mappings: body.mappings });
      } catch (err) {
        // Two processes starting together both see "missing"; the loser's create is not a failure.
        if (errorType(err) === 'resource_already_exists_exception') return;
        // The reason names what the cluster lacks (e.g. "failed to find analyzer [cjk]"); it carries no record data.
        const reason = errorReason(err);
        throw indexError('E_INDEX_INIT_FAILED', `could not create index ${index}${reason ? ` (${reason})` : ''}`, err);
      }
    },

    async upsert(docs: IndexDoc[]) {
      if (docs.length === 0) return;
      const operations = docs.flatMap((doc) => [
        {
          index: { _index: index, _id: `${doc.tenant}:${doc.id}`, version: doc.version, version_type: 'external_gte' },
        },
        source(doc),
      ]);
      let res: estypes.BulkResponse;
      try {
        res = await client.bulk({ operations, refresh: false });
      } catch (err) {
        throw indexError('E_INDEX_WRITE_FAILED', `bulk write of ${docs.length} documents to ${index} failed`, err);
      }
      if (!res.errors) return;
      // A version conflict means a newer (or the same) version is already there: that is the point of external_gte.
      const failed = res.items
        .map((item) => item.index)
        .filter((op): op is estypes.BulkResponseItem => op?.error !== undefined && op.error !== null)
        .filter((op) => op.error?.type !== 'version_conflict_engine_exception');
      if (failed.length > 0) {
        const first = failed[0]?.error;
        throw new CustodianError(
          'E_INDEX_WRITE_FAILED',
          `${failed.length} of ${docs.length} documents were refused by ${index}: ${first?.type}: ${first?.reason}`,
          { retryable: failed.some((op) => op.status === 429 || op.status >= 500), details: { index } },
        );
      }
    },

    async search(q: IndexQuery, scope: IndexScope) {
      const filter: estypes.QueryDslQueryContainer[] = [{ term: { tenant: scope.tenant } }];
      if (scope.ownerAgent !== undefined) filter.push({ term: { ownerAgent: scope.ownerAgent } });
      if (scope.ownerTeam !== undefined) filter.push({ term: { ownerTeam: scope.ownerTeam } });
      if (q.channel !== undefined) filter.push({ term: { channel: q.channel } });
      if (q.from !== undefined || q.to !== undefined) {
        filter.push({ range: { occurredAt: { gte: q.from, lte: q.to } } });
      }
      for (const token of q.tokens) filter.push({ term: { tokens: token } });
      for (const alt of q.eitherOf ?? []) {
        filter.push({
          bool: {
            should: [
              { term: { tokens: alt.token } },
              { multi_match: { query: alt.text, type: 'phrase', fields: TEXT_FIELDS } },
            ],
            minimum_should_match: 1,
          },
        });
      }

      const words = queryWords(q.text);
      const must: estypes.QueryDslQueryContainer[] =
        words.length === 0
          ? [{ match_all: {} }]
          : words.map((w) => ({
              multi_match: { query: w, type: 'phrase', fields: TEXT_FIELDS, zero_terms_query: 'all' },
            }));

      let res: estypes.SearchResponse<IndexDoc>;
      try {
        res = await client.search<IndexDoc>({
          index,
          query: { bool: { filter, must } },
          sort: SORT,
          from: q.offset,
          size: q.limit,
          track_total_hits: true,
          highlight: {
            fields: {
              body: {
                type: 'unified',
                fragment_size: SNIPPET_CHARS,
                number_of_fragments: 1,
                no_match_size: SNIPPET_CHARS,
                pre_tags: [''],
                post_tags: [''],
              },
            },
          },
        });
      } catch (err) {
        throw indexError('E_INDEX_QUERY_FAILED', `search in ${index} failed`, err);
      }

      const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
      const hits: IndexHit[] = res.hits.hits.flatMap((h) => {
        if (!h._source) return [];
        const fragment = h.highlight?.body?.[0]?.trim();
        return [
          {
            doc: h._source,
            score: h._score ?? 0,
            snippet: fragment || h._source.body.slice(0, SNIPPET_CHARS),
          },
        ];
      });
      return { total, hits };
    },

    async refresh() {
      try {
        await client.indices.refresh({ index });
      } catch (err) {
        throw indexError('E_INDEX_UNAVAILABLE', `refresh of ${index} failed`, err);
      }
    },

    async close() {
      await client.close();
    },
  };
}

/** Exactly the mapped fields: the mapping is strict, and nothing beyond the redacted projection may reach the index. */
function source(d: IndexDoc): IndexDoc {
  return {
    tenant: d.tenant,
    id: d.id,
    version: d.version,
    channel: d.channel,
    occurredAt: d.occurredAt,
    subject: d.subject,
    body: d.body,
    participants: d.participants,
    ownerAgent: d.ownerAgent,
    ownerTeam: d.ownerTeam,
    tokens: d.tokens,
    piiTypes: d.piiTypes,
    topics: d.topics,
    sensitivity: d.sensitivity,
    retentionClass: d.retentionClass,
  };
}

function errorBody(err: unknown): { type?: string; reason?: string } | undefined {
  if (!(err instanceof errors.ResponseError)) return undefined;
  return (err.meta.body as { error?: { type?: string; reason?: string } } | undefined)?.error;
}

const errorType = (err: unknown): string | undefined => errorBody(err)?.type;
const errorReason = (err: unknown): string | undefined => errorBody(err)?.reason;

/** Connection trouble, timeouts and 429/5xx are worth a retry; a 4xx (bad mapping, bad query) is not. */
function indexError(code: string, message: string, err: unknown): CustodianError {
  const status = err instanceof errors.ResponseError ? err.meta.statusCode : undefined;
  const retryable = status === undefined || status === 429 || status >= 500;
  const type = errorType(err);
  const name = err instanceof Error ? err.name : 'unknown error';
  return new CustodianError(code, `${message}: ${type ?? name}`, {
    retryable,
    cause: err,
    details: status === undefined ? {} : { status },
  });
}
