/**
 * `npm run build`: the `custodian` command as one ES module, `dist/custodian.mjs`, for production (`node
 * dist/custodian.mjs worker -c custodian.json`). Custodian's own packages are bundled and compiled ahead of time;
 * third-party packages stay imports, resolved from this checkout's `node_modules`, so the bundle runs inside it.
 *
 * Why not run the TypeScript through `tsx`, as `npm run custodian` does: tsx compiles with esbuild's `keepNames`,
 * which gives every function a `name` property by a call at its creation. A closure made inside a hot function
 * then costs a property definition each time it is made, and redaction runs ≈ 20–30 % slower for it (`npm run
 * bench`). The bundle keeps no names and starts faster, as nothing is compiled at start-up.
 *
 *   tsx services/cli/build.ts [ENTRY OUTFILE]    default: services/cli/src/main.ts → dist/custodian.mjs
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const MAIN = resolve(REPO, 'services/cli/src/main.ts');
export const OUTFILE = resolve(REPO, 'dist/custodian.mjs');

/** Custodian's own packages, bundled; every other bare import (`bullmq`, `node:fs`) is left to Node at run time. */
const OWN = /^@custodian\//;

const thirdPartyExternal: Plugin = {
  name: 'third-party-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      OWN.test(args.path) ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * `import.meta.url` is where a module's own file is (`demo` finds the sample mailbox from there, the Elasticsearch
 * adapter its index template). In a bundle it would be the bundle's: each module's is rewritten to its source's
 * place, relative to the bundle, so the bundle finds those files while it stays in this checkout.
 */
function ownModuleUrl(outfile: string): Plugin {
  return {
    name: 'own-module-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes('node_modules')) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const fromBundle = relative(dirname(outfile), args.path).split('\\').join('/');
        const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
        return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

/** Bundles `entry` (TypeScript, ESM) into the single module `outfile`, with a source map beside it. */
export async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [thirdPartyExternal, ownModuleUrl(outfile)],
  });
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const [entry = MAIN, outfile = OUTFILE] = process.argv.slice(2);
  await bundle(resolve(entry), resolve(outfile));
  process.stdout.write(`built ${relative(process.cwd(), resolve(outfile))}\n`);
}
