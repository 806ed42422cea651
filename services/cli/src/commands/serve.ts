import { buildApi } from '@custodian/api';
import { createImapConnector } from '@custodian/connector-email';
import { loadConfig } from '@custodian/platform';
import { CustodianError } from '@custodian/schemas';
import { startWorker } from '@custodian/worker';
import { type Context, openContext, requireServerProfile } from '../context';

interface ConfigOpts {
  config?: string;
}

async function listen(ctx: Context) {
  const { host, port } = ctx.platform.config.api;
  const app = await buildApi(ctx.service, ctx.platform.log);
  await app.listen({ host, port });
  return app;
}

/** Starts the configured IMAP connectors; they stop when `signal` aborts. */
function startConnectors(ctx: Context, signal: AbortSignal, only?: string, once?: boolean): Promise<unknown>[] {
  const { config, queue, catalog, log } = ctx.platform;
  const sources = config.connectors.imap.filter((s) => !only || s.id === only);
  if (only && sources.length === 0) {
    throw new CustodianError('E_CONFIG_INVALID', `No IMAP source with id "${only}" in connectors.imap.`, {
      retryable: false,
    });
  }
  return sources.map((s) =>
    createImapConnector(once ? { ...s, mode: 'once' } : s, { tenant: config.tenant, queue, checkpoints: catalog, log })
      .run(signal)
      .catch((e: unknown) => log.error({ err: e, source: s.id }, 'connector stopped')),
  );
}

async function runUntilStopped(
  ctx: Context,
  work: Promise<unknown>[] = [],
  onStop: () => Promise<void> = async () => {},
) {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve(), { once: true }));
  ctx.platform.log.info('shutting down');
  await onStop();
  await Promise.allSettled(work);
  await ctx.platform.close();
}

export async function runApi(o: ConfigOpts): Promise<void> {
  requireServerProfile(await loadConfig(o.config), 'api');
  const ctx = await openContext(o.config);
  const app = await listen(ctx);
  await runUntilStopped(ctx, [], () => app.close());
}

export async function runWorker(o: ConfigOpts): Promise<void> {
  requireServerProfile(await loadConfig(o.config), 'worker');
  const ctx = await openContext(o.config);
  startWorker(ctx.platform);
  ctx.platform.log.info({ concurrency: ctx.platform.config.worker.concurrency }, 'worker started');
  await runUntilStopped(ctx);
}

export async function runConnector(o: ConfigOpts & { source?: string; once?: boolean }): Promise<void> {
  requireServerProfile(await loadConfig(o.config), 'connector email');
  const ctx = await openContext(o.config);
  const controller = new AbortController();
  const work = startConnectors(ctx, controller.signal, o.source, o.once);
  if (o.once) {
    await Promise.all(work);
    await ctx.platform.close();
    return;
  }
  await runUntilStopped(ctx, work, async () => controller.abort());
}

export async function runUp(o: ConfigOpts): Promise<void> {
  const ctx = await openContext(o.config);
  startWorker(ctx.platform);
  const app = await listen(ctx);
  const controller = new AbortController();
  const work = startConnectors(ctx, controller.signal);
  const { host, port } = ctx.platform.config.api;
  process.stderr.write(
    `custodian up: API on http://${host}:${port}, ${work.length} connector(s), data in ${ctx.platform.config.dataDir}\n`,
  );
  await runUntilStopped(ctx, work, async () => {
    controller.abort();
    await app.close();
  });
}
