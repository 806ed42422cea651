import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { Config, type ConfigInput, CustodianError } from '@custodian/schemas';

/** `"env:NAME"` anywhere in the file reads the secret from the environment, so config files hold no secrets. */
function resolveEnv(value: unknown, env: NodeJS.ProcessEnv, path: string[]): unknown {
  if (typeof value === 'string' && value.startsWith('env:')) {
    const name = value.slice(4);
    const v = env[name];
    if (v === undefined) {
      throw new CustodianError(
        'E_CONFIG_INVALID',
        `Invalid config at ${path.join('.') || '(root)'}: environment variable ${name} is not set.`,
        {
          retryable: false,
        },
      );
    }
    return v;
  }
  if (Array.isArray(value)) return value.map((v, i) => resolveEnv(v, env, [...path, String(i)]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveEnv(v, env, [...path, k])]));
  }
  return value;
}

/** Parses config once at start-up; any invalid value stops start-up with its path and the reason. */
export function parseConfig(
  input: ConfigInput | unknown,
  env: NodeJS.ProcessEnv = process.env,
  baseDir = process.cwd(),
): Config {
  const result = Config.safeParse(resolveEnv(input, env, []));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new CustodianError('E_CONFIG_INVALID', `Invalid config:\n${lines.join('\n')}`, { retryable: false });
  }
  const config = result.data;
  const dataDir = isAbsolute(config.dataDir) ? config.dataDir : resolve(baseDir, config.dataDir);
  return { ...config, dataDir };
}

/** Reads a JSON config file (or none: the embedded defaults). */
export async function loadConfig(path: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Config> {
  if (!path) return parseConfig({}, env);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new CustodianError('E_CONFIG_INVALID', `Cannot read config file ${path}: ${(cause as Error).message}`, {
      retryable: false,
      cause,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new CustodianError('E_CONFIG_INVALID', `Config file ${path} is not valid JSON: ${(cause as Error).message}`, {
      retryable: false,
      cause,
    });
  }
  return parseConfig(json, env, resolve(path, '..'));
}
