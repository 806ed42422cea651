import { issueUser } from '@custodian/api';
import { importMailFiles } from '@custodian/connector-email';
import { startWorker } from '@custodian/worker';
import { withContext } from '../context';
import { printHits } from '../print';
import { progressBars } from '../progress';

interface ConfigOpts {
  config?: string;
}

export async function runImport(paths: string[], o: ConfigOpts & { wait?: boolean }): Promise<void> {
  await withContext(o.config, async ({ platform }) => {
    const bars = progressBars();
    const stats = await importMailFiles(paths, {
      tenant: platform.config.tenant,
      queue: platform.queue,
      checkpoints: platform.catalog,
      onProgress: bars.connector('read'),
    });
    bars.stop();
    process.stdout.write(`queued ${stats.enqueued}, already queued ${stats.duplicates}, unreadable ${stats.failed}\n`);
    if (o.wait || platform.config.profile === 'embedded') {
      startWorker(platform);
      await platform.queue.drained();
      const counts = await platform.queue.counts();
      process.stdout.write(`archived; ${counts.dead} item(s) in the dead-letter queue\n`);
    }
  });
}

export async function runSearch(q: string, o: ConfigOpts & { token: string; limit: string }): Promise<void> {
  await withContext(o.config, async ({ service }) => {
    const principal = await service.authenticate(o.token);
    const res = await service.search(principal, { q, limit: o.limit });
    printHits(q, res);
  });
}

export async function runUserAdd(
  o: ConfigOpts & { email: string; name: string; role: string; team?: string },
): Promise<void> {
  await withContext(o.config, async ({ platform }) => {
    const { user, token } = await issueUser(platform.catalog, {
      tenant: platform.config.tenant,
      email: o.email,
      name: o.name,
      role: o.role as never,
      team: o.team,
    });
    process.stderr.write(`created ${user.role} ${user.email}; the token is shown once:\n`);
    process.stdout.write(`${token}\n`);
  });
}

export async function runUserSetActive(o: ConfigOpts & { email: string }, active: boolean): Promise<void> {
  await withContext(o.config, async ({ platform }) => {
    const changed = await platform.catalog.setUserActive(platform.config.tenant, o.email.toLowerCase(), active);
    if (!changed) throw new Error(`No user ${o.email} in tenant ${platform.config.tenant}.`);
    process.stdout.write(`${o.email} ${active ? 'reactivated' : 'deactivated'}\n`);
  });
}

export async function runAuditVerify(o: ConfigOpts & { token: string }): Promise<void> {
  await withContext(o.config, async ({ service }) => {
    const principal = await service.authenticate(o.token);
    const v = await service.verifyAudit(principal);
    if (v.break) {
      process.stdout.write(
        `audit chain BROKEN at entry ${v.break.seq} (${v.break.reason}); ${v.entries} entries read\n`,
      );
      process.exitCode = 2;
      return;
    }
    process.stdout.write(`audit chain intact: ${v.entries} entries, head ${v.head ?? '(empty)'}\n`);
  });
}

export async function runDeadLetters(o: ConfigOpts & { limit: string }): Promise<void> {
  await withContext(o.config, async ({ platform }) => {
    const dead = await platform.queue.deadLetters(Number(o.limit));
    if (dead.length === 0) process.stdout.write('no dead letters\n');
    for (const d of dead)
      process.stdout.write(`${d.failedAt}  ${d.jobId}  ${d.code}  after ${d.attempts} attempt(s): ${d.reason}\n`);
  });
}
