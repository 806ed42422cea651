import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueUser } from '@custodian/api';
import { importMailFiles } from '@custodian/connector-email';
import { parseConfig } from '@custodian/platform';
import type { Principal } from '@custodian/schemas';
import { startWorker } from '@custodian/worker';
import { openContext } from '../context';
import { printHits } from '../print';
import { progressBars } from '../progress';

/** The bundled sample support mailbox (Chinese and English, with phone numbers, ID numbers and emails). */
export const SAMPLE_MAILBOX = fileURLToPath(new URL('../../../../test/fixtures/mail/', import.meta.url));

/** Searches the demo runs: words in Chinese and English, and identifiers matched only through keyed tokens. */
export const DEMO_SEARCHES: Array<{ as: 'agent' | 'compliance'; q: string; why: string }> = [
  { as: 'agent', q: '退款', why: 'a 2-character Chinese word, as the agent li.wei (own customers only)' },
  { as: 'compliance', q: '退款', why: 'the same words as the compliance officer (whole tenant)' },
  { as: 'compliance', q: 'refund', why: 'an English word' },
  { as: 'compliance', q: '13812345678', why: 'a mobile number: found by its keyed token, the index never held it' },
  { as: 'compliance', q: '110101199003071233', why: 'a resident ID number, the same way' },
  { as: 'compliance', q: '王芳', why: "a customer's name: the index holds names only masked and as keyed tokens" },
];

export interface DemoOptions {
  dataDir?: string;
  out?: NodeJS.WritableStream;
}

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n++;
  return n;
}

/** Archives the sample mailbox in the embedded profile, then searches it as two users and shows where everything went. */
export async function runDemo(o: DemoOptions = {}): Promise<void> {
  const out = o.out ?? process.stdout;
  const dataDir = resolve(o.dataDir ?? (await mkdtemp(join(tmpdir(), 'custodian-demo-'))));
  const say = (s = '') => out.write(`${s}\n`);
  say('Custodian demo — embedded profile: no servers, everything in one directory');
  say(`  data directory: ${dataDir}`);
  say();

  const ctx = await openContext(undefined, () =>
    parseConfig({
      profile: 'embedded',
      dataDir,
      log: { level: 'warn' },
      policy: { agentDomains: ['support.example.com'] },
    }),
  );
  const { platform, service } = ctx;
  const { catalog, queue, config } = platform;
  try {
    const bars = progressBars();
    const files = (await readdir(SAMPLE_MAILBOX))
      .filter((f) => /\.(eml|mbox)$/.test(f))
      .map((f) => join(SAMPLE_MAILBOX, f));
    const read = await importMailFiles(files, {
      tenant: config.tenant,
      queue,
      onProgress: bars.connector('read'),
    });
    const total = read.enqueued + read.duplicates;
    startWorker(platform);
    const poll = setInterval(() => {
      void queue.counts().then((c) => bars.update('archive', c.completed + c.dead, total));
    }, 100);
    await queue.drained();
    clearInterval(poll);
    const counts = await queue.counts();
    bars.update('archive', counts.completed + counts.dead, total);
    bars.stop();
    say();
    say(
      `  read ${read.seen} message(s) from ${files.length} file(s): ${read.enqueued} queued, ${read.failed} unreadable`,
    );
    say(`  archived ${await catalog.countRecords(config.tenant)} record(s); dead-letter queue: ${counts.dead}`);

    const agent = await issueUser(catalog, {
      tenant: config.tenant,
      email: 'li.wei@support.example.com',
      name: '李伟',
      role: 'agent',
    });
    const officer = await issueUser(catalog, {
      tenant: config.tenant,
      email: 'zhou.min@example.com',
      name: '周敏',
      role: 'compliance',
    });
    const as: Record<'agent' | 'compliance', Principal> = {
      agent: await service.authenticate(agent.token),
      compliance: await service.authenticate(officer.token),
    };
    say();
    say('Searches (every one goes through the authorization gate and into the audit log):');
    let firstHit: string | undefined;
    for (const s of DEMO_SEARCHES) {
      say(`\n  — ${s.why}`);
      const res = await service.search(as[s.as], { q: s.q, limit: 3 });
      printHits(s.q, res, out);
      firstHit ??= res.hits[0]?.id;
    }

    if (firstHit) {
      say('\nOne record opened by the compliance officer (decrypted, PII masked; unmasking needs a stated purpose):');
      const { record } = await service.view(as.compliance, firstHit);
      say(`  subject: ${record.subject}`);
      for (const p of record.participants) say(`  ${p.role.padEnd(8)} ${p.name ?? ''} ${p.address ?? ''}`);
      say(`  ${record.turns[0]?.text.replace(/\s+/g, ' ').slice(0, 160) ?? ''}…`);
    }

    const blobs = join(dataDir, 'blobs');
    const verify = await service.verifyAudit(as.compliance);
    say('\nWhere everything is:');
    const keyringMode = ((await stat(join(dataDir, 'keyring.json'))).mode & 0o777).toString(8);
    const where: Array<[string, string]> = [
      ['encrypted objects (AES-256-GCM, a data key per record)', `${blobs}  (${await countFiles(blobs)} files)`],
      ['catalog, search index, queue, audit log (PGlite)', join(dataDir, 'db')],
      [`key-encryption keys (file mode ${keyringMode})`, join(dataDir, 'keyring.json')],
    ];
    for (const [what, path] of where) say(`  ${what.padEnd(56)} ${path}`);
    const chain = verify.break ? `BROKEN at entry ${verify.break.seq}` : 'verified intact';
    say(`  audit log: ${verify.entries} entries, hash chain ${chain}`);

    const configPath = join(dataDir, 'custodian.json');
    await writeFile(
      configPath,
      `${JSON.stringify({ dataDir, policy: { agentDomains: ['support.example.com'] } }, null, 2)}\n`,
    );
    say(`\nTo serve this archive over HTTP: npm run custodian -- up -c ${configPath}`);
    say('API tokens (shown once):');
    say(`  agent li.wei:        ${agent.token}`);
    say(`  compliance officer:  ${officer.token}`);
  } finally {
    await platform.close();
  }
}
