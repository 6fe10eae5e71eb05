/**
 * Builds every distributable piece of povlint. Entries whose source does not exist are skipped,
 * so the script works while parts of the project are still being written.
 *
 *   node scripts/build.mjs                 all targets
 *   node scripts/build.mjs core cli        only the named targets (core | cli | extension | web)
 *   node scripts/build.mjs --dev           no minification, inline source maps
 *
 * Targets:
 *   core       ESM library with declarations in dist/core/ (tsc, tsconfig.build.json)
 *   cli        dist/cli.js, an ESM bundle for Node from src/cli/main.ts with its dependencies, except
 *              the Word converter's (imported only when a .docx is read)
 *   extension  dist/extension.cjs, the VS Code extension for the Node extension host (self-contained),
 *              dist/worker.cjs, its lint worker (a worker_threads Worker running the core), and
 *              dist/docx-worker.cjs, its Word converter (mammoth and turndown, desktop only)
 *   web        dist/web/extension.js, the same extension for the web worker host (vscode.dev), and
 *              dist/web/worker.js, its lint worker (a Web Worker; a classic script, as the web
 *              extension host loads nested workers with importScripts)
 *
 * The extension and its worker are always built together: one is useless without the other.
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { cliBundleOptions } from './cli-bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dev = args.includes('--dev');
const wanted = args.filter((a) => !a.startsWith('--'));
const want = (name) => wanted.length === 0 || wanted.includes(name);
const at = (p) => join(root, p);

/** @type {{ name: string, source: string, run: () => Promise<void> }[]} */
const targets = [
  {
    name: 'core',
    source: 'src/core/index.ts',
    async run() {
      await rm(at('dist/core'), { recursive: true, force: true });
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
      const res = spawnSync(process.execPath, [tsc, '-p', at('tsconfig.build.json')], { stdio: 'inherit' });
      if (res.status !== 0) throw new Error(`tsc exited with ${res.status}`);
    },
  },
  {
    name: 'cli',
    source: 'src/cli/main.ts',
    run: () => bundle(cliBundleOptions(root)),
  },
  {
    name: 'extension',
    source: 'src/vscode/extension.ts',
    run: () =>
      Promise.all(
        [
          { entry: 'src/vscode/extension.ts', outfile: 'dist/extension.cjs' },
          { entry: 'src/vscode/worker/node.ts', outfile: 'dist/worker.cjs' },
          { entry: 'src/vscode/docx/worker.ts', outfile: 'dist/docx-worker.cjs' },
        ].map(({ entry, outfile }) =>
          bundle({
            entryPoints: [at(entry)],
            outfile: at(outfile),
            platform: 'node',
            format: 'cjs',
            target: 'node20',
            external: ['vscode'],
            // ESM builds first: UMD builds (jsonc-parser) hide their requires from the bundler.
            mainFields: ['module', 'main'],
          }),
        ),
      ),
  },
  {
    name: 'web',
    source: 'src/vscode/extension.ts',
    run: () =>
      Promise.all(
        [
          { entry: 'src/vscode/extension.ts', outfile: 'dist/web/extension.js', format: 'cjs', plugins: [webWorkerSpawn, webWithoutWord] },
          { entry: 'src/vscode/worker/web.ts', outfile: 'dist/web/worker.js', format: 'iife', plugins: [] },
        ].map(({ entry, outfile, format, plugins }) =>
          bundle({
            entryPoints: [at(entry)],
            outfile: at(outfile),
            platform: 'browser',
            format,
            target: 'es2022',
            external: ['vscode'],
            mainFields: ['browser', 'module', 'main'],
            conditions: ['browser', 'worker'],
            define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
            plugins,
          }),
        ),
      ),
  },
];

/**
 * In the web bundle the lint worker is a Web Worker: src/vscode/worker/spawn.ts (worker_threads)
 * is replaced by spawn.web.ts, which has the same exports.
 * @type {import('esbuild').Plugin}
 */
const webWorkerSpawn = {
  name: 'web-worker-spawn',
  setup(b) {
    const nodeSpawn = at('src/vscode/worker/spawn.js');
    b.onResolve({ filter: /\/spawn\.js$/ }, (args) =>
      join(args.resolveDir, args.path) === nodeSpawn ? { path: at('src/vscode/worker/spawn.web.ts') } : undefined,
    );
  },
};

/**
 * The web bundle has no Word conversion (mammoth and turndown need Node): src/vscode/docx/register.ts
 * is replaced by register.web.ts, which registers nothing.
 * @type {import('esbuild').Plugin}
 */
const webWithoutWord = {
  name: 'web-without-word',
  setup(b) {
    const nodeRegister = at('src/vscode/docx/register.js');
    b.onResolve({ filter: /\/register\.js$/ }, (args) =>
      join(args.resolveDir, args.path) === nodeRegister ? { path: at('src/vscode/docx/register.web.ts') } : undefined,
    );
  },
};

/** @param {import('esbuild').BuildOptions} options */
async function bundle(options) {
  await build({
    bundle: true,
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    legalComments: 'none',
    logLevel: 'warning',
    // JSON vocabularies and clause data are inlined; Markdown clause files as text.
    loader: { '.md': 'text' },
    ...options,
  });
}

const unknown = wanted.filter((w) => !targets.some((t) => t.name === w));
if (unknown.length) {
  process.stderr.write(`unknown build target(s): ${unknown.join(', ')}\n`);
  process.exitCode = 2;
} else {
  for (const t of targets) {
    if (!want(t.name)) continue;
    if (!existsSync(at(t.source))) {
      process.stdout.write(`build: skipped ${t.name} (${t.source} does not exist yet)\n`);
      continue;
    }
    const started = performance.now();
    await t.run();
    process.stdout.write(`build: ${t.name} in ${Math.round(performance.now() - started)} ms\n`);
  }
}
