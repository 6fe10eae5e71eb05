/**
 * `povlint scorecard` scenarios, run in-process through `run(argv, io)` and through the built
 * binary, with real files on disk. Each asserts exit code, stdout and stderr together.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assertOutcome, buildCli, runInProcess, runSpawned, scenarioTrees, type Scenario } from './harness.js';

/** One complete criterion, one missing its method and remedy, one puffery claim: readiness 1/3. */
const SLA = [
  '# Service levels',
  '',
  'The portal shall be available 99.9% of each calendar month, measured by synthetic probes; misses earn the service credits in Schedule 7.',
  '',
  '| Metric | Target | Window | Method | Remedy |',
  '|---|---|---|---|---|',
  '| API response time, "p95" | under 300 ms | Calendar month | | |',
  '',
  'Our industry-leading platform is world-class.',
  '',
].join('\n');
const COMPLETE = 'The portal shall be available 99.9% per calendar month, measured by synthetic probes; misses earn service credits.\n';
const NOTHING = '# Notes\n\nPlain words only.\n';


const scenarios: Scenario[] = [
  {
    name: 'markdown by default: a table of criteria, the claims and the summary line',
    files: { 'sla.md': SLA },
    argv: ['scorecard', 'sla.md'],
    code: 0,
    stdout: (out) => {
      expect(out.startsWith('## sla.md\n\n| Line | Criterion | Metric | Target | Baseline | Window | Method | Remedy | Missing |\n')).toBe(true);
      expect(out).toContain('| 7 | API response time, "p95" \\| under 300 ms \\| Calendar month | API response time, "p95" | under 300 ms | — | Calendar month | — | — | method, remedy |');
      expect(out).toContain('| 9 | Our industry-leading platform is world-class. | puffery |');
      expect(out.endsWith('2 criteria, 1 fully specified; missing: metric 0, target 0, baseline 0, window 0, method 1, remedy 1; 1 unmeasured claims; POV readiness 33%\n')).toBe(true);
    },
    stderr: '',
  },
  {
    name: 'json has exactly the documented shape',
    files: { 'sla.md': SLA },
    argv: ['scorecard', '--format', 'json', 'sla.md'],
    code: 0,
    stdout: (out) => {
      const parsed = JSON.parse(out) as { files: Array<Record<string, unknown> & { criteria: Array<Record<string, unknown>>; claims: Array<Record<string, unknown>> }> };
      expect(Object.keys(parsed)).toEqual(['files']);
      const f = parsed.files[0]!;
      expect(Object.keys(f)).toEqual(['path', 'criteria', 'claims', 'summary']);
      expect(Object.keys(f.criteria[0]!)).toEqual(['line', 'text', 'metric', 'target', 'baseline', 'window', 'method', 'remedy', 'missing']);
      expect(f.criteria.map((c) => c.line)).toEqual([3, 7]);
      expect(f.criteria[1]).toMatchObject({ metric: 'API response time, "p95"', method: null, missing: ['method', 'remedy'] });
      expect(f.claims).toEqual([{ line: 9, text: 'Our industry-leading platform is world-class.', ruleId: 'puffery' }]);
      expect(f.summary).toEqual({ criteria: 2, complete: 1, missing: { metric: 0, target: 0, baseline: 0, window: 0, method: 1, remedy: 1 }, claims: 1, statements: 3, readiness: 1 / 3 });
    },
    stderr: '',
  },
  {
    name: 'csv quotes commas and quotes, one row per criterion and claim',
    files: { 'sla.md': SLA },
    argv: ['scorecard', '-f', 'csv', 'sla.md'],
    code: 0,
    stdout: (out) => {
      const lines = out.split('\r\n');
      expect(lines[0]).toBe('path,kind,line,text,metric,target,baseline,window,method,remedy,missing,rule');
      expect(lines[2]).toBe('sla.md,criterion,7,"API response time, ""p95"" | under 300 ms | Calendar month","API response time, ""p95""",under 300 ms,,Calendar month,,,method remedy,');
      expect(lines[3]).toBe('sla.md,claim,9,Our industry-leading platform is world-class.,,,,,,,,puffery');
      expect(lines.at(-1)).toBe('');
    },
    stderr: '',
  },
  {
    name: '--min-readiness fails a document below it (exit 1) and says which',
    files: { 'sla.md': SLA, 'ok.md': COMPLETE },
    argv: ['scorecard', '--min-readiness', '50', 'ok.md', 'sla.md'],
    code: 1,
    stdout: /\*\*Total\*\* \(2 documents\): 3 criteria, 2 fully specified; .* POV readiness 50%\n$/,
    stderr: 'povlint: sla.md: POV readiness 33% is below 50% (--min-readiness)\n',
  },
  {
    name: '--min-readiness passes documents at or above it, and documents with no outcome statements',
    files: { 'ok.md': COMPLETE, 'notes.md': NOTHING },
    argv: ['scorecard', '--format', 'json', '--min-readiness', '100%', 'ok.md', 'notes.md'],
    code: 0,
    stdout: (out) => expect((JSON.parse(out) as { files: Array<{ summary: { readiness: number | null } }> }).files.map((f) => f.summary.readiness)).toEqual([1, null]),
    stderr: '',
  },
  { name: 'a bad --min-readiness is a usage error', files: { 'ok.md': COMPLETE }, argv: ['scorecard', '--min-readiness', '150', 'ok.md'], code: 2, stdout: '', stderr: /--min-readiness must be a percentage from 0 to 100/ },
  { name: 'an unknown format is a usage error', files: { 'ok.md': COMPLETE }, argv: ['scorecard', '--format', 'xml', 'ok.md'], code: 2, stdout: '', stderr: /--format must be one of md, csv, json/ },
  { name: 'no files is a usage error', argv: ['scorecard'], code: 2, stdout: '', stderr: /no files given/ },
  { name: 'a missing file is an error (exit 2)', files: { 'ok.md': COMPLETE }, argv: ['scorecard', '-f', 'json', 'nope.md', 'ok.md'], code: 2, stdout: /"path": "ok.md"/, stderr: 'povlint: error: nope.md: no such file or folder\n' },
  {
    name: 'files ignored by the config are skipped; a folder is searched',
    files: { '.povlint.jsonc': '{ "ignore": ["docs/drafts/"] }', 'docs/a.md': COMPLETE, 'docs/drafts/b.md': SLA },
    argv: ['scorecard', '-f', 'json', 'docs'],
    code: 0,
    stdout: (out) => expect((JSON.parse(out) as { files: Array<{ path: string }> }).files.map((f) => f.path)).toEqual(['docs/a.md']),
    stderr: '',
  },
  { name: 'a broken config stops everything', files: { '.povlint.jsonc': '{ "rules": 3 }', 'a.md': COMPLETE }, argv: ['scorecard', 'a.md'], code: 2, stdout: '', stderr: /povlint: invalid configuration; nothing was linted\n$/ },
  {
    name: 'the config decides the claims: a rule switched off lists none',
    files: { '.povlint.jsonc': '{ "rules": { "puffery": "off" } }', 'sla.md': SLA },
    argv: ['scorecard', '-f', 'json', 'sla.md'],
    code: 0,
    stdout: (out) => expect((JSON.parse(out) as { files: Array<{ claims: unknown[] }> }).files[0]!.claims).toEqual([]),
    stderr: '',
  },
  {
    name: 'Chinese documents and standard input',
    argv: ['scorecard', '-f', 'json', '-'],
    stdin: '供应商承诺系统可用性不低于百分之九十九点九，按自然月统计，以甲方监控平台数据为准。\n',
    code: 0,
    stdout: (out) => expect((JSON.parse(out) as { files: Array<{ path: string; criteria: Array<{ window: string; missing: string[] }> }> }).files[0]).toMatchObject({ path: '<stdin>', criteria: [{ window: '按自然月统计', missing: ['remedy'] }] }),
    stderr: '',
  },
  { name: '--help prints usage', argv: ['scorecard', '--help'], code: 0, stdout: /^Usage: povlint scorecard/, stderr: '' },
];

const setup = scenarioTrees();

describe('povlint scorecard, in-process', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    assertOutcome(await runInProcess(s.argv, await setup(s), s.stdin !== undefined ? { stdin: s.stdin } : {}), s);
  }, 15_000);
});

describe('povlint scorecard, spawned binary', () => {
  beforeAll(async () => {
    await buildCli();
  }, 60_000);

  it.concurrent.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    assertOutcome(await runSpawned(s.argv, await setup(s), s.stdin !== undefined ? { stdin: s.stdin } : {}), s);
  }, 30_000);
});
