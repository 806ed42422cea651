import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, MAIN } from '../../services/cli/build';
import { REPO } from '../support/run-cli';

/** Runs `node file args…` and waits for it to exit. */
function runNode(file: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The bundle must sit inside the checkout: its third-party imports resolve from the checkout's node_modules.
describe('npm run build: the custodian command as one module', () => {
  let out: string;
  let data: string;

  beforeAll(async () => {
    await mkdir(join(REPO, 'dist'), { recursive: true });
    out = await mkdtemp(join(REPO, 'dist', 'test-build-'));
    data = await mkdtemp(join(tmpdir(), 'custodian-build-demo-'));
  });

  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
    await rm(data, { recursive: true, force: true });
  });

  it('runs the demo from the bundle alone: the sample mailbox is found, records archived and searched', async () => {
    const file = join(out, 'custodian.mjs');
    await bundle(MAIN, file);
    const help = await runNode(file, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/\bworker\b/);
    const demo = await runNode(file, ['demo', '--data-dir', data]);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stderr).not.toMatch(/error|warning/i); // progress bars only
    expect(demo.stdout).toMatch(/search "13812345678": [1-9]\d* hit/);
    expect(demo.stdout).toMatch(/hash chain verified intact/);
  }, 180_000);

  it("gives each bundled module its own source file's import.meta.url, not the bundle's", async () => {
    const source = join(out, 'nested', 'deeper', 'probe.ts');
    await mkdir(join(out, 'nested', 'deeper'), { recursive: true });
    await writeFile(
      source,
      "import { fileURLToPath } from 'node:url';\nprocess.stdout.write(fileURLToPath(new URL('./x.json', import.meta.url)));\n",
    );
    const file = join(out, 'elsewhere', 'probe.mjs');
    await bundle(source, file);
    const probe = await runNode(file, []);
    expect(probe.stderr).toBe('');
    expect(probe.stdout).toBe(join(out, 'nested', 'deeper', 'x.json'));
  }, 60_000);
});
