import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDir } from '../src/sql/dir-lock';

describe('embedded database lock', () => {
  const dirs: string[] = [];
  const newDir = async () => {
    const d = await mkdtemp(join(tmpdir(), 'custodian-lock-'));
    dirs.push(d);
    return d;
  };
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it('refuses a second holder while the first is alive, naming its pid', async () => {
    const dir = await newDir();
    const child = spawn('sleep', ['30']);
    try {
      await writeFile(join(dir, 'custodian.lock'), String(child.pid));
      await expect(lockDir(dir)).rejects.toMatchObject({
        code: 'E_EMBEDDED_LOCKED',
        message: expect.stringContaining(String(child.pid)),
      });
    } finally {
      child.kill();
    }
  });

  it('refuses a second open in the same process', async () => {
    const dir = await newDir();
    const unlock = await lockDir(dir);
    await expect(lockDir(dir)).rejects.toMatchObject({ code: 'E_EMBEDDED_LOCKED' });
    await unlock();
    await (await lockDir(dir))();
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = await newDir();
    const child = spawn('true');
    await new Promise((r) => child.on('close', r));
    await writeFile(join(dir, 'custodian.lock'), String(child.pid));
    const unlock = await lockDir(dir);
    expect(await readFile(join(dir, 'custodian.lock'), 'utf8')).toBe(String(process.pid));
    await unlock();
  });
});
