/**
 * The baseline end to end, with real files on disk: record, edit the documents (move paragraphs,
 * insert text above, duplicate a claim, fix a claim), and check which findings stay suppressed,
 * appear or are reported stale, in every output format, in-process and through the built binary.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBaseline, type BaselineEntry, type Finding } from '../../src/core/index.js';
import { gitlabValidator, sarifValidator } from '../helpers/schema.js';
import { buildCli, makeTree, removeTree, runInProcess, runSpawned, type Outcome, type Tree } from './harness.js';

const ZERO_RISK = 'Lanternfish offers a zero risk transition from your current tools.';
const EFFORT = 'Our analysts will make every effort to contain threats before they spread.';
const NEVER = "Lanternfish's platform is always available and never fails.";
const FIXED = 'Lanternfish will migrate your current tools within 30 days, with no more than 2 hours of monitoring downtime.';

const doc = (...paragraphs: string[]): string => `# Proposal\n\n${paragraphs.join('\n\n')}\n`;

/** Every finding an error, so the exit code shows whether anything new was found. */
const CONFIG = JSON.stringify({
  rules: { 'unverifiable-absolute': 'error', 'weak-obligation': 'error' },
  baseline: '.povlint-baseline.json',
});

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeTree));
});

async function repo(files: Tree): Promise<string> {
  const dir = await makeTree(files);
  dirs.push(dir);
  return dir;
}

const readBaseline = async (dir: string, file = '.povlint-baseline.json'): Promise<BaselineEntry[]> => {
  const { baseline, errors } = parseBaseline(await readFile(join(dir, file), 'utf8'));
  expect(errors).toEqual([]);
  return baseline!.entries;
};

const terms = (entries: BaselineEntry[]): string[] => entries.map((e) => `${e.path}:${e.term}×${e.count}`);

interface JsonLog {
  files: { path: string; findings: Finding[]; suppressed?: Finding[] }[];
  baseline?: { file: string; dir: string; suppressed: number; stale: BaselineEntry[] };
}

const json = (o: Outcome): JsonLog => JSON.parse(o.stdout) as JsonLog;

describe('baseline through the CLI', () => {
  it('records, then suppresses across moved paragraphs and inserted text, reports a duplicate as new and a fix as stale, and prunes', async () => {
    const dir = await repo({ '.povlint.jsonc': CONFIG, 'docs/proposal.md': doc(ZERO_RISK, EFFORT, NEVER), 'docs/other.md': doc(EFFORT) });

    // Without a baseline file yet, the config's baseline cannot be matched: a clear error.
    const missing = await runInProcess(['docs'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'povlint: error: baseline .povlint-baseline.json: no such file (named by "baseline" in .povlint.jsonc); create it with `povlint --write-baseline <files>`\npovlint: invalid baseline; nothing was linted\n',
    );

    const write = await runInProcess(['--write-baseline', 'docs'], dir);
    expect(write).toEqual({ code: 0, stdout: '', stderr: 'povlint: wrote .povlint-baseline.json: 5 findings recorded\n' });
    expect(terms(await readBaseline(dir))).toEqual([
      'docs/other.md:make every effort×1',
      'docs/proposal.md:always available×1',
      'docs/proposal.md:never fails×1',
      'docs/proposal.md:zero risk×1',
      'docs/proposal.md:make every effort×1',
    ]);

    // The baseline named in the config applies without --baseline.
    const clean = await runInProcess(['docs'], dir);
    expect(clean).toEqual({ code: 0, stdout: '✔ no new problems (5 more problems recorded in .povlint-baseline.json not shown)\n', stderr: '' });
    // Without it, every finding fails the run.
    const all = await runInProcess(['--no-baseline', 'docs'], dir);
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(/✖ 5 problems \(5 errors, 0 warnings, 0 infos\)\n$/);

    // Move paragraphs and insert text above: still nothing new.
    await writeFile(join(dir, 'docs/proposal.md'), `# Cover letter\n\nThank you for the opportunity.\n\n- one\n- two\n\n${doc(NEVER, ZERO_RISK, EFFORT)}`);
    const moved = await runInProcess(['docs'], dir);
    expect(moved).toEqual({ code: 0, stdout: '✔ no new problems (5 more problems recorded in .povlint-baseline.json not shown)\n', stderr: '' });

    // Duplicate a claim: one new finding, exit 1.
    await writeFile(join(dir, 'docs/proposal.md'), doc(NEVER, ZERO_RISK, EFFORT, ZERO_RISK));
    const dup = json(await runInProcess(['-f', 'json', 'docs'], dir));
    const proposal = dup.files.find((f) => f.path === 'docs/proposal.md')!;
    expect(proposal.findings.map((f) => [f.term, f.start.line])).toEqual([['zero risk', 9]]);
    expect(proposal.suppressed!.map((f) => f.term)).toEqual(['always available', 'never fails', 'zero risk', 'make every effort']);
    expect(dup.baseline).toEqual({ file: '.povlint-baseline.json', dir: '.', suppressed: 5, stale: [] });
    expect((await runInProcess(['docs'], dir)).code).toBe(1);

    // Fix a claim (and drop the duplicate): nothing new, the fixed entry is stale.
    await writeFile(join(dir, 'docs/proposal.md'), doc(NEVER, FIXED, EFFORT));
    const fixed = await runInProcess(['docs'], dir);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toBe('✔ no new problems (4 more problems recorded in .povlint-baseline.json not shown)\n');
    expect(fixed.stderr).toBe(
      'povlint: 1 finding recorded in .povlint-baseline.json no longer occurs (fixed or reworded):\n' +
        '  docs/proposal.md: unverifiable-absolute `zero risk` in "lanternfish offers a zero risk transition from your current tools."\n' +
        'povlint: remove it from the baseline with `povlint --baseline --write-baseline ...`\n',
    );
    const staleJson = json(await runInProcess(['-f', 'json', 'docs'], dir));
    expect(terms(staleJson.baseline!.stale)).toEqual(['docs/proposal.md:zero risk×1']);

    // Prune: the file shrinks, new findings are not added and still fail the run.
    await writeFile(join(dir, 'docs/other.md'), doc(EFFORT, ZERO_RISK));
    const prune = await runInProcess(['--baseline', '--write-baseline', 'docs'], dir);
    expect(prune.code).toBe(1);
    expect(prune.stdout).toMatch(/docs\/other\.md\n.*zero risk/);
    expect(prune.stderr).toMatch(/povlint: wrote \.povlint-baseline\.json: 4 findings \(1 no longer occurring removed; new findings are not added\)\n$/);
    expect(terms(await readBaseline(dir))).toEqual([
      'docs/other.md:make every effort×1',
      'docs/proposal.md:always available×1',
      'docs/proposal.md:never fails×1',
      'docs/proposal.md:make every effort×1',
    ]);
    const after = await runInProcess(['docs'], dir);
    expect(after.stderr).toBe('');
    expect(after.code).toBe(1);
  });

  it('a deleted document makes its entries stale; documents not linted in this run keep theirs', async () => {
    const dir = await repo({ 'a.md': doc(ZERO_RISK), 'b.md': doc(EFFORT), 'c.md': doc(NEVER) });
    expect((await runInProcess(['--write-baseline', '.'], dir)).code).toBe(0);
    await removeTree(join(dir, 'c.md'));
    const only = await runInProcess(['--baseline', 'a.md'], dir);
    expect(only.stdout).toBe('✔ no new problems (1 more problem recorded in .povlint-baseline.json not shown)\n');
    expect(only.stderr).toMatch(/^povlint: 2 findings recorded in \.povlint-baseline\.json no longer occur \(fixed or reworded\):\n {2}c\.md: unverifiable-absolute `always available`.*\n {2}c\.md: unverifiable-absolute `never fails`/);
    expect(only.stderr).not.toMatch(/b\.md/);
    // Re-recording a.md alone keeps b.md's entry and forgets the deleted c.md.
    expect((await runInProcess(['--write-baseline', 'a.md'], dir)).code).toBe(0);
    expect(terms(await readBaseline(dir))).toEqual(['a.md:zero risk×1', 'b.md:make every effort×1']);
  });

  it('paths in the baseline are relative to the baseline file, with / separators', async () => {
    const dir = await repo({ 'docs/a.md': doc(ZERO_RISK) });
    const write = await runInProcess(['--write-baseline', 'ci/povlint-baseline.json', 'docs'], dir);
    expect(write.stderr).toBe('povlint: error: baseline ci/povlint-baseline.json: cannot write it (ENOENT)\n');
    expect(write.code).toBe(2);
    await writeFile(join(dir, 'docs', 'base.json'), '');
    expect((await runInProcess(['--write-baseline', 'docs/base.json', 'docs'], dir)).code).toBe(0);
    expect(terms(await readBaseline(dir, 'docs/base.json'))).toEqual(['a.md:zero risk×1']);
    const run = await runInProcess(['--baseline', 'docs/base.json', 'docs/a.md'], dir);
    expect(run.stdout).toBe('✔ no new problems (1 more problem recorded in docs/base.json not shown)\n');
  });

  it('a broken baseline stops the run before linting, naming file, line, column and key', async () => {
    const dir = await repo({
      'a.md': doc(ZERO_RISK),
      'bad.json': '{\n  "version": 1,\n  "findings": [\n    { "path": "a.md", "rule": "puffery", "term": "x", "text": "y", "count": -1 }\n  ]\n}\n',
      'old.json': '{ "version": 7, "findings": [] }',
    });
    const bad = await runInProcess(['--baseline', 'bad.json', 'a.md'], dir);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^bad\.json:4:\d+: findings\[0\]\.count: expected a whole number of findings \(1 or more\), got -1\npovlint: invalid baseline; nothing was linted\n$/) });
    const old = await runInProcess(['--baseline', 'old.json', 'a.md'], dir);
    expect(old.stderr).toMatch(/^old\.json:1:\d+: version: expected 1, got 7; write the baseline again/);
    const none = await runInProcess(['--baseline', 'a.md'], dir);
    expect(none.stderr).toMatch(/^povlint: error: baseline \.povlint-baseline\.json: no such file \(named by --baseline\)/);
    expect(none.code).toBe(2);
  });

  it('usage errors: conflicting files, --no-baseline with --baseline, a bad config value naming the key', async () => {
    const dir = await repo({ 'a.md': doc(ZERO_RISK), '.povlint.json': '{ "baseline": 3 }' });
    expect((await runInProcess(['--baseline', 'x.json', '--write-baseline', 'y.json', 'a.md'], dir)).stderr).toMatch(/--baseline and --write-baseline name different files/);
    expect((await runInProcess(['--no-baseline', '--baseline', 'a.md'], dir)).code).toBe(2);
    const config = await runInProcess(['a.md'], dir);
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/^\.povlint\.json:1:15: baseline: expected the path of a baseline file, relative to the config file, got the number 3\n/);
  });

  it('SARIF with a baseline: only new results, marked new; stale entries as notes; valid against the schema', async () => {
    const dir = await repo({ 'docs/p.md': doc(ZERO_RISK, EFFORT) });
    await runInProcess(['--write-baseline', 'docs'], dir);
    await writeFile(join(dir, 'docs/p.md'), doc(EFFORT, NEVER));
    const out = await runInProcess(['-f', 'sarif', '--baseline', 'docs'], dir);
    expect(out.code).toBe(0);
    const log = JSON.parse(out.stdout) as {
      runs: { results: { ruleId: string; baselineState?: string; message: { text: string } }[]; invocations?: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }[];
    };
    const validate = await sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0]!;
    expect(run.results.map((r) => [r.ruleId, r.baselineState])).toEqual([
      ['unverifiable-absolute', 'new'],
      ['unverifiable-absolute', 'new'],
    ]);
    const notes = run.invocations![0]!.toolExecutionNotifications;
    expect(notes).toHaveLength(1);
    expect(notes[0]!.level).toBe('note');
    expect(notes[0]!.message.text).toMatch(/^baseline entry no longer matches \(fixed or reworded\): docs\/p\.md: unverifiable-absolute `zero risk`/);
    expect(notes[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('docs/p.md');
    // Without a baseline the log has no invocation and no baseline states.
    const plain = JSON.parse((await runInProcess(['-f', 'sarif', 'docs'], dir)).stdout) as typeof log;
    expect(plain.runs[0]!.invocations).toBeUndefined();
    expect(plain.runs[0]!.results.every((r) => r.baselineState === undefined)).toBe(true);
  });
});

describe('--format gitlab', () => {
  interface Issue {
    description: string;
    check_name: string;
    fingerprint: string;
    severity: string;
    location: { path: string; lines: { begin: number; end: number } };
  }

  it('validates against the Code Quality schema, maps severities, and the schema rejects what GitLab would', async () => {
    const dir = await repo({ 'docs/my rfp.md': doc(ZERO_RISK, EFFORT, 'Our industry-leading platform will significantly improve performance.'), 'clean.md': '# Fine\n' });
    const out = await runInProcess(['-f', 'gitlab', '--rule', 'weak-obligation=error', '--rule', 'puffery=info', '.'], dir);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(1);
    const issues = JSON.parse(out.stdout) as Issue[];
    const validate = await gitlabValidator();
    expect(validate(issues), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(issues.length).toBeGreaterThanOrEqual(3);
    const by = (rule: string): Issue => issues.find((i) => i.check_name === rule)!;
    expect(by('weak-obligation')).toMatchObject({ severity: 'major', location: { path: 'docs/my rfp.md', lines: { begin: 5 } } });
    expect(by('unverifiable-absolute').severity).toBe('minor');
    expect(by('puffery').severity).toBe('info');
    expect(by('weak-obligation').description).toMatch(/`make every effort`/);
    for (const i of issues) expect(i.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    // The schema is not a rubber stamp.
    expect(validate([{ ...issues[0], severity: 'warning' }])).toBe(false);
    expect(validate([{ ...issues[0], location: { path: './a.md', lines: { begin: 1 } } }])).toBe(false);
    expect(validate([{ ...issues[0], location: { path: 'a.md' } }])).toBe(false);
    const { fingerprint: _, ...noFingerprint } = issues[0]!;
    expect(validate([noFingerprint])).toBe(false);
    // No findings: an empty array.
    const empty = await runInProcess(['-f', 'gitlab', 'clean.md'], dir);
    expect(empty).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('fingerprints are unique for identical claims and survive moved paragraphs and inserted text', async () => {
    const dir = await repo({ 'p.md': doc(ZERO_RISK, EFFORT, ZERO_RISK) });
    const before = JSON.parse((await runInProcess(['-f', 'gitlab', 'p.md'], dir)).stdout) as Issue[];
    expect(before).toHaveLength(3);
    expect(new Set(before.map((i) => i.fingerprint)).size).toBe(3);
    await writeFile(join(dir, 'p.md'), `Intro text.\n\n${doc(EFFORT, ZERO_RISK, ZERO_RISK)}`);
    const after = JSON.parse((await runInProcess(['-f', 'gitlab', 'p.md'], dir)).stdout) as Issue[];
    expect(after.map((i) => i.location.lines.begin)).not.toEqual(before.map((i) => i.location.lines.begin));
    expect(new Set(after.map((i) => i.fingerprint))).toEqual(new Set(before.map((i) => i.fingerprint)));
  });

  it('with a baseline, only new findings are issues', async () => {
    const dir = await repo({ 'p.md': doc(ZERO_RISK) });
    await runInProcess(['--write-baseline', 'p.md'], dir);
    await writeFile(join(dir, 'p.md'), doc(ZERO_RISK, EFFORT));
    const issues = JSON.parse((await runInProcess(['-f', 'gitlab', '--baseline', 'p.md'], dir)).stdout) as Issue[];
    expect(issues.map((i) => i.check_name)).toEqual(['weak-obligation']);
  });
});

describe('baseline through the built binary', () => {
  beforeAll(buildCli, 60_000);

  it('writes, matches and reports stale entries the same way', async () => {
    const dir = await repo({ 'docs/p.md': doc(ZERO_RISK, EFFORT) });
    const write = await runSpawned(['--write-baseline', 'docs'], dir);
    expect(write).toEqual({ code: 0, stdout: '', stderr: 'povlint: wrote .povlint-baseline.json: 2 findings recorded\n' });
    await writeFile(join(dir, 'docs/p.md'), doc(EFFORT, NEVER));
    const spawned = await runSpawned(['--baseline', '--max-warnings', '0', 'docs'], dir);
    const inProcess = await runInProcess(['--baseline', '--max-warnings', '0', 'docs'], dir);
    expect(spawned).toEqual(inProcess);
    expect(spawned.code).toBe(1);
    expect(spawned.stdout).toMatch(/always available[\s\S]*never fails[\s\S]*✖ 2 problems \(0 errors, 2 warnings, 0 infos\); 1 more problem recorded in \.povlint-baseline\.json not shown\n$/);
    expect(spawned.stderr).toMatch(/^povlint: 1 finding recorded in \.povlint-baseline\.json no longer occurs/);
  });
});
