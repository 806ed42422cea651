import { createRecordService, type RecordService } from '@custodian/api';
import { compose, loadConfig, type Platform } from '@custodian/platform';
import { type Config, CustodianError } from '@custodian/schemas';

export interface Context {
  platform: Platform;
  service: RecordService;
}

export async function openContext(configPath: string | undefined, override?: (c: Config) => Config): Promise<Context> {
  const loaded = await loadConfig(configPath);
  const platform = await compose(override ? override(loaded) : loaded);
  return { platform, service: createRecordService({ ...platform, policy: platform.config.policy }) };
}

/** Runs `fn` with the platform open and always closes it. */
export async function withContext<T>(configPath: string | undefined, fn: (ctx: Context) => Promise<T>): Promise<T> {
  const ctx = await openContext(configPath);
  try {
    return await fn(ctx);
  } finally {
    await ctx.platform.close();
  }
}

/** The embedded database belongs to one process: separate processes need the server profile. */
export function requireServerProfile(config: Config, command: string): void {
  if (config.profile === 'embedded') {
    throw new CustodianError(
      'E_PROFILE',
      `\`custodian ${command}\` runs as its own process in the server profile; in the embedded profile run \`custodian up\`, which runs everything in one process.`,
      { retryable: false },
    );
  }
}
