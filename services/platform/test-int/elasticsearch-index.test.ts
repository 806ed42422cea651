import { randomUUID } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { createElasticsearchIndex } from '../src/index/elasticsearch-index';
import { indexDoc, indexQuery, searchIndexContract, uniqueTenant } from '../test-support/search-index-contract';

const url = process.env.CUSTODIAN_TEST_ES_URL;
if (!url)
  throw new Error('CUSTODIAN_TEST_ES_URL is not set: run the integration tests through infra/local/with-servers.sh');
const esUrl: string = url;

async function openIndex(prefix: string) {
  const index = await createElasticsearchIndex({ url: esUrl, indexPrefix: prefix });
  return {
    index,
    async cleanup() {
      await index.close();
      const admin = new Client({ node: esUrl });
      await admin.indices.delete({ index: `${prefix}-records` }, { ignore: [404] });
      await admin.close();
    },
  };
}

const newPrefix = () => `ct-${randomUUID().slice(0, 8)}`;

searchIndexContract('Elasticsearch', () => openIndex(newPrefix()));

describe('Elasticsearch index', () => {
  it('creates the records index with the mappings and the cjk analyzer from infra/elasticsearch', async () => {
    const prefix = newPrefix();
    const { index, cleanup } = await openIndex(prefix);
    try {
      await index.init();
      const admin = new Client({ node: esUrl });
      const mapping = await admin.indices.getMapping({ index: `${prefix}-records` });
      const analyzed = await admin.indices.analyze({
        index: `${prefix}-records`,
        field: 'body',
        text: '申请退款 Refund',
      });
      await admin.close();
      expect(analyzed.tokens?.map((t) => t.token)).toEqual(['申请', '请退', '退款', 'refund']);
      const props = mapping[`${prefix}-records`]?.mappings.properties ?? {};
      expect(props.tokens?.type).toBe('keyword');
      expect(props.occurredAt?.type).toBe('date');
      expect(props.body?.type).toBe('text');
    } finally {
      await cleanup();
    }
  });

  it('tolerates two processes creating the index at once', async () => {
    const prefix = newPrefix();
    const a = await openIndex(prefix);
    const b = await createElasticsearchIndex({ url: esUrl, indexPrefix: prefix });
    try {
      await Promise.all([a.index.init(), b.init()]);
      const tenant = uniqueTenant();
      await b.upsert([indexDoc({ tenant, body: 'refund' })]);
      await a.index.refresh();
      expect((await a.index.search(indexQuery({ text: 'refund' }), { tenant })).total).toBe(1);
    } finally {
      await b.close();
      await a.cleanup();
    }
  });

  it('refuses an index prefix Elasticsearch cannot name', async () => {
    await expect(createElasticsearchIndex({ url: esUrl, indexPrefix: 'Bad Prefix' })).rejects.toMatchObject({
      code: 'E_CONFIG_INVALID',
    });
  });

  it('reports an unreachable server as a retryable error', async () => {
    const index = await createElasticsearchIndex({ url: 'http://127.0.0.1:1', indexPrefix: newPrefix() });
    try {
      await expect(index.init()).rejects.toMatchObject({ code: 'E_INDEX_INIT_FAILED', retryable: true });
    } finally {
      await index.close();
    }
  });
});
