/**
 * The one generator of committed artefacts (JSON Schema, snippets, clause catalogue, rule table,
 * bundled clause data). Each module in scripts/gen exports `generate(): Promise<Artefact[]>`.
 *
 *   node --import tsx scripts/generate.ts          write the artefacts
 *   node --import tsx scripts/generate.ts --check  exit 1 and list the stale ones
 */
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Artefact {
  /** Path relative to the repository root. */
  path: string;
  content: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function collectArtefacts(): Promise<Artefact[]> {
  const dir = join(root, 'scripts', 'gen');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  const out: Artefact[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { generate: () => Promise<Artefact[]> };
    out.push(...(await mod.generate()));
  }
  return out;
}

export async function staleArtefacts(): Promise<string[]> {
  const stale: string[] = [];
  for (const a of await collectArtefacts()) {
    const current = await readFile(join(root, a.path), 'utf8').catch(() => null);
    if (current !== a.content) stale.push(a.path);
  }
  return stale;
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const stale = await staleArtefacts();
    if (stale.length) {
      process.stderr.write(`stale generated files (run \`npm run generate\`):\n${stale.map((s) => `  ${s}`).join('\n')}\n`);
      process.exitCode = 1;
    }
    return;
  }
  for (const a of await collectArtefacts()) {
    const target = join(root, a.path);
    await mkdir(dirname(target), { recursive: true });
    const current = await readFile(target, 'utf8').catch(() => null);
    if (current !== a.content) {
      await writeFile(target, a.content);
      process.stdout.write(`wrote ${a.path}\n`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
