import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CustodianError } from '@custodian/schemas';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One process at a time per embedded database: a second PGlite on the same directory would corrupt it.
 * The lock file names the holder's pid; a lock left by a process that died is taken over.
 */
export async function lockDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, 'custodian.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(path, 'wx', 0o600);
      await fh.writeFile(String(process.pid));
      await fh.close();
      return () => rm(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (holder && alive(holder)) {
        throw new CustodianError(
          'E_EMBEDDED_LOCKED',
          `The embedded database ${dir} is in use by process ${holder} (a running \`custodian up\`?). Stop it first, or use the HTTP API.`,
          { retryable: false },
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new CustodianError('E_EMBEDDED_LOCKED', `Could not take the lock on ${dir}.`, { retryable: false });
}
