/**
 * src/core must run in Node, a web worker and tests alike: no `vscode`, no Node built-ins
 * (`node:fs`, `fs`, `path`, ...), whether imported, re-exported, imported dynamically or required.
 * Unit tests beside their module (*.test.ts) are not shipped and may use Node.
 */
import { builtinModules } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const core = join(root, 'src', 'core');
const builtins = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/** Module specifiers of every static import/export, dynamic import and require in a source text. */
export function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]!);
  return out;
}

export function forbidden(specifier: string): string | undefined {
  if (specifier === 'vscode') return 'the editor API';
  if (specifier.startsWith('node:')) return 'a Node built-in';
  const bare = specifier.split('/')[0]!;
  if (builtins.has(bare) || builtins.has(specifier)) return 'a Node built-in';
  return undefined;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sourceFiles(p)));
    else if (/\.(ts|mts|js|mjs)$/.test(e.name) && !/\.test\.[mc]?[tj]s$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('src/core purity', () => {
  it('recognises every import form', () => {
    const text = [
      "import a from 'node:fs';",
      "import { b } from 'path';",
      "export * from 'vscode';",
      "import 'os';",
      "const c = await import('node:url');",
      "const d = require('child_process');",
      "import type { E } from './types.js';",
    ].join('\n');
    expect(specifiers(text).map((s) => [s, forbidden(s) !== undefined])).toEqual([
      ['node:fs', true],
      ['path', true],
      ['vscode', true],
      ['./types.js', false],
      ['os', true],
      ['node:url', true],
      ['child_process', true],
    ]);
  });

  it('has no vscode or Node built-in imports', async () => {
    const files = await sourceFiles(core);
    expect(files.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const file of files) {
      for (const s of specifiers(await readFile(file, 'utf8'))) {
        const why = forbidden(s);
        if (why) problems.push(`${relative(root, file)} imports '${s}' (${why})`);
      }
    }
    expect(problems).toEqual([]);
  });
});
