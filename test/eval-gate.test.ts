/**
 * The evaluation gate fails, saying why, when the corpus, a gold file or its units are missing or
 * changed, so accuracy cannot shrink silently.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { integrityProblems, type Floors } from '../scripts/eval.js';
import { corpusPresent } from './helpers/corpus.js';

const ROOT = join(import.meta.dirname, '..');
const floors = (): Floors => JSON.parse(readFileSync(join(ROOT, 'test', 'eval-floors.json'), 'utf8')) as Floors;

describe.runIf(corpusPresent())('eval gate', () => {
  it('accepts the gold files as recorded', () => {
    expect(integrityProblems(floors())).toEqual([]);
  });

  it('names a gold file whose unit count or content differs', () => {
    const f = floors();
    const [first, second] = Object.keys(f.gold);
    f.gold[first!]!.units += 1;
    f.gold[second!]!.sha256 = '0'.repeat(64);
    expect(integrityProblems(f)).toEqual([
      `gold file ${first} has ${f.gold[first!]!.units - 1} units, ${f.gold[first!]!.units} recorded`,
      `gold file ${second} changed (sha256 differs from the one recorded)`,
    ]);
  });

  it('names a missing gold file and an unrecorded one', () => {
    const f = floors();
    const [first] = Object.keys(f.gold);
    const entry = f.gold[first!]!;
    delete f.gold[first!];
    f.gold['test/corpus/gold/no-such-document.jsonl'] = entry;
    expect(integrityProblems(f)).toEqual([`gold file test/corpus/gold/no-such-document.jsonl is missing`, `gold file ${first} is not recorded in test/eval-floors.json`]);
  });

  it('fails with exit 1 when the corpus folder is missing and required, and skips when it is not required', () => {
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'eval.ts'), '--gate', '--quiet'], {
        cwd: ROOT,
        env: { ...process.env, POVLINT_CORPUS_DIR: join(ROOT, 'no-such-corpus'), POVLINT_REQUIRE_CORPUS: '', ...env },
        encoding: 'utf8',
      });
    const required = run({ POVLINT_REQUIRE_CORPUS: '1' });
    expect(required.status).toBe(1);
    expect(required.stdout).toMatch(/eval: FAILED: the corpus folder .*no-such-corpus is missing/);
    const optional = run({});
    expect(optional.status).toBe(0);
    expect(optional.stdout).toMatch(/eval: skipped/);
  }, 60_000);
});
