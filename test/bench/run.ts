/**
 * `npm run bench`: records/s for each pipeline stage on the sample mailbox, then the whole embedded
 * pipeline (queue → worker → PGlite catalog + index, filesystem blobs). Numbers are from one run on
 * this machine; compare stages by their ratio, not across machines.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitMbox } from '@custodian/connector-email';
import {
  classify,
  dataKeyContext,
  detectInRecord,
  type EmailItem,
  newDataKey,
  normalizeEmail,
  type ParsedEmail,
  projectRecord,
  sealRecord,
  sha256Hex,
  wrapKey,
} from '@custodian/core';
import { compose, createMailparserEmailParser, parseConfig } from '@custodian/platform';
import { Policy } from '@custodian/schemas';
import { startWorker } from '@custodian/worker';

const FIXTURES = new URL('../fixtures/mail/', import.meta.url);
const COPIES = Number(process.env.BENCH_COPIES ?? 100);
const PIPELINE_COPIES = Number(process.env.BENCH_PIPELINE_COPIES ?? 20);

async function sampleMessages(): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const f of await readdir(FIXTURES)) {
    const bytes = await readFile(new URL(f, FIXTURES)).catch(() => undefined);
    if (!bytes) continue;
    if (f.endsWith('.eml')) out.push(bytes);
    if (f.endsWith('.mbox')) {
      for await (const m of splitMbox(
        (async function* () {
          yield bytes;
        })(),
      ))
        out.push(m.raw);
    }
  }
  return out;
}

/** The same messages made distinct (a new Message-ID each), so every copy is a new record. */
function copies(messages: Buffer[], n: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    for (const m of messages)
      out.push(Buffer.from(m.toString('latin1').replace(/^Message-ID: </im, `Message-ID: <b${i}.`), 'latin1'));
  }
  return out;
}

const item = (raw: Buffer, i: number): EmailItem => ({
  tenant: 'bench',
  channel: 'email',
  source: { connector: 'bench', sourceId: 'bench', externalId: String(i) },
  version: 1,
  receivedAt: '2026-01-01T00:00:00.000Z',
  payload: { kind: 'email', raw: raw.toString('base64') },
});

async function time<T>(
  label: string,
  n: number,
  fn: () => Promise<T> | T,
): Promise<{ label: string; perSec: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { label, perSec: (n / ms) * 1000, value };
}

async function main() {
  const base = await sampleMessages();
  const raws = copies(base, COPIES);
  const n = raws.length;
  const policy = Policy.parse({ agentDomains: ['support.example.com'] });
  const parser = createMailparserEmailParser();
  const tokenKey = newDataKey();
  const subjectKey = newDataKey();
  const bytes = raws.reduce((s, r) => s + r.length, 0);
  process.stdout.write(
    `sample mailbox: ${base.length} messages × ${COPIES} = ${n} records, ${(bytes / n / 1024).toFixed(1)} KB average\n\n`,
  );

  const rows = [];
  const parse = await time('parse (mailparser)', n, async () => {
    const out: ParsedEmail[] = [];
    for (const r of raws) out.push(await parser.parse(r));
    return out;
  });
  rows.push(parse);
  const normalized = await time('normalize', n, () =>
    parse.value.map((p, i) => normalizeEmail(item(raws[i]!, i), p, sha256Hex(raws[i]!), policy)),
  );
  rows.push(normalized);
  const classified = await time('detect + classify', n, () =>
    normalized.value.map(({ record }) => {
      const findings = detectInRecord(record);
      return { record: { ...record, ...classify(record, findings, policy) }, findings };
    }),
  );
  rows.push(classified);
  rows.push(
    await time('redact (index projection)', n, () =>
      classified.value.map((c) => projectRecord(c.record, c.findings, policy, tokenKey)),
    ),
  );
  rows.push(
    await time('seal (AES-256-GCM)', n, () =>
      classified.value.map((c, i) => {
        const dataKey = newDataKey();
        return sealRecord({
          record: c.record,
          dedupeKey: normalized.value[i]!.dedupeKey,
          raw: raws[i]!,
          attachments: parse.value[i]!.attachments,
          subjectId: 's',
          dataKey,
          wrappedDataKey: wrapKey(subjectKey, dataKey, dataKeyContext('bench', c.record.id, 1)),
        });
      }),
    ),
  );

  const dir = await mkdtemp(join(tmpdir(), 'custodian-bench-'));
  try {
    const platform = await compose(
      parseConfig({ dataDir: dir, log: { level: 'warn' }, policy: { agentDomains: ['support.example.com'] } }),
    );
    const pipelineRaws = copies(base, PIPELINE_COPIES);
    const pipeline = await time(
      `whole pipeline, embedded (${pipelineRaws.length} records)`,
      pipelineRaws.length,
      async () => {
        for (let i = 0; i < pipelineRaws.length; i++) await platform.queue.enqueue(item(pipelineRaws[i]!, i));
        startWorker(platform);
        await platform.queue.drained();
      },
    );
    rows.push(pipeline);
    await platform.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const slowest = Math.min(...rows.slice(0, 5).map((r) => r.perSec));
  process.stdout.write(`${'stage'.padEnd(44)}${'records/s'.padStart(12)}${'× slowest stage'.padStart(18)}\n`);
  for (const r of rows) {
    process.stdout.write(
      `${r.label.padEnd(44)}${r.perSec.toFixed(0).padStart(12)}${(r.perSec / slowest).toFixed(1).padStart(18)}\n`,
    );
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
