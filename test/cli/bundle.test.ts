import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cliBundleOptions, DOCX_PACKAGES } from '../../scripts/cli-bundle.mjs';
import { repoRoot } from './harness.js';

describe('the CLI bundle', () => {
  it('imports only Node built-ins at start, and the Word converter only when it is used', async () => {
    const result = await build({ ...cliBundleOptions(repoRoot), write: false, metafile: true, logLevel: 'error' });
    const output = Object.values(result.metafile.outputs)[0]!;
    const external = output.imports.filter((i) => i.external);
    const atStart = [...new Set(external.filter((i) => i.kind === 'import-statement').map((i) => i.path))];
    expect(atStart.length).toBeGreaterThan(0);
    expect(atStart.filter((p) => !p.startsWith('node:'))).toEqual([]);
    const onDemand = [...new Set(external.filter((i) => i.kind === 'dynamic-import' && !i.path.startsWith('node:')).map((i) => i.path))];
    expect(onDemand.sort()).toEqual([...DOCX_PACKAGES].sort());
    // CommonJS dependencies' `require` of Node built-ins goes through the banner's `require`.
    expect(external.filter((i) => i.kind === 'require-call' && !i.path.startsWith('node:') && !builtinModules.includes(i.path))).toEqual([]);
  }, 60_000);
});
