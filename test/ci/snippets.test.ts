/**
 * The CI integration users copy, tried: the README's "Use in CI" snippets and the files they rely on
 * (action.yml, .pre-commit-hooks.yaml) are parsed, and the shell commands they contain are run
 * against a fixture repository on disk with the built binary (bin/povlint.js) standing in for the
 * install step, checking exit codes and that the reports exist and validate.
 *
 * The composite action is run step by step as the runner would: `${{ }}` expressions of the
 * kinds the action uses are evaluated, each `run:` script goes to `bash -eo pipefail` with its
 * `env:` and a `$GITHUB_OUTPUT` file, and `uses:` steps are checked, not run (setup-node: Node is
 * here; upload-sarif: the file it would upload must exist and validate).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { parseBaseline } from '../../src/core/index.js';
import { buildCli, binPath, makeTree, removeTree, repoRoot, type Tree } from '../cli/harness.js';
import { gitlabValidator, sarifValidator } from '../helpers/schema.js';

const README = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const ACTION = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as Action;
const HOOKS = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const PACKAGE = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; bin: Record<string, string> };

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}
interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files?: string;
  types?: string[];
  description?: string;
  minimum_pre_commit_version?: string;
}

/** The YAML block of the README's "Use in CI" section whose first line is `# <file>`. */
function snippet(file: string): string {
  const section = README.slice(README.indexOf('## Use in CI'), README.indexOf('\n## ', README.indexOf('## Use in CI') + 1));
  const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const block = blocks.find((b) => b.startsWith(`# ${file}\n`));
  if (!block) throw new Error(`README "Use in CI" has no yaml block for ${file}`);
  return block;
}

/** The shell commands of the README's baseline section (`povlint ...` lines of its sh block). */
function baselineCommands(): string[] {
  const section = README.slice(README.indexOf('## Baseline'), README.indexOf('\n## ', README.indexOf('## Baseline') + 1));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Fixture repository and the `povlint` command on PATH (the built binary)

const ZERO_RISK = 'Lanternfish offers a zero risk transition from your current tools.';
const EFFORT = 'Our analysts will make every effort to contain threats before they spread.';
const NEVER = "Lanternfish's platform is always available and never fails.";
const COMPLETE =
  'Lanternfish will resolve severity 1 incidents within 4 hours in each calendar month, measured from the alert timestamp to the resolution timestamp in the case system, against the 2025 average of 9 hours, with a 5% service credit for each month it is missed.';

const FIXTURE: Tree = {
  'docs/proposal.md': `# Proposal\n\n${ZERO_RISK}\n\n${EFFORT}\n`,
  'docs/schedule.md': `# Service levels\n\n${COMPLETE}\n`,
  'notes.txt': 'not linted',
};

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeTree));
});

async function fixture(extra: Tree = {}): Promise<string> {
  const dir = await makeTree({ ...FIXTURE, ...extra });
  dirs.push(dir);
  return dir;
}

/** A folder with a `povlint` command that runs the built binary, as an install would provide. */
function shimDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'povlint-shim-'));
  dirs.push(dir);
  const shim = join(dir, 'povlint');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${binPath}" "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

interface ShellResult {
  code: number;
  stdout: string;
  stderr: string;
}

function bash(script: string, cwd: string, env: Record<string, string> = {}): ShellResult {
  const res = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd,
    env: { ...process.env, PATH: `${shimDir()}${delimiter}${process.env.PATH}`, NO_COLOR: '1', ...env },
    encoding: 'utf8',
  });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}

// ---------------------------------------------------------------------------------------------
// The composite action, run as the runner would

/** Every `${{ ... }}` expression in a value. */
const expressions = (value: string): string[] => [...value.matchAll(/\$\{\{\s*(.*?)\s*\}\}/g)].map((m) => m[1]!);

interface Context {
  inputs: Record<string, string>;
  outputs: Map<string, Record<string, string>>;
  actionPath: string;
  temp: string;
}

/** One operand of an expression: a context value or a string literal. Anything else is an error. */
function operand(text: string, ctx: Context): string {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^'(.*)'$/.exec(t))) return m[1]!;
  if ((m = /^inputs\.([\w-]+)$/.exec(t))) {
    if (!(m[1]! in ACTION.inputs)) throw new Error(`undeclared input ${m[1]}`);
    return ctx.inputs[m[1]!] ?? '';
  }
  if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(t))) return ctx.outputs.get(m[1]!)?.[m[2]!] ?? '';
  if (t === 'github.action_path') return ctx.actionPath;
  if (t === 'runner.temp') return ctx.temp;
  throw new Error(`expression not understood by the test runner: ${t}`);
}

function evaluate(expression: string, ctx: Context): string | boolean {
  const m = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(expression);
  if (!m) return operand(expression, ctx);
  const equal = operand(m[1]!, ctx) === operand(m[3]!, ctx);
  return m[2] === '==' ? equal : !equal;
}

const substitute = (value: string, ctx: Context): string => value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, e: string) => String(evaluate(e, ctx)));

interface ActionRun {
  /** Steps in order with how each ended (`skipped` when its `if:` was false or an earlier step failed). */
  steps: { name: string; status: 'success' | 'failure' | 'skipped' | 'checked'; stdout: string; stderr: string }[];
  failed: boolean;
  outputs: Record<string, string>;
  /** What upload-sarif was given. */
  uploaded?: string;
}

function runAction(workspace: string, withInputs: Record<string, string | number>): ActionRun {
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(ACTION.inputs)) inputs[name] = spec.default ?? '';
  for (const [name, value] of Object.entries(withInputs)) {
    if (!(name in ACTION.inputs)) throw new Error(`the workflow passes an input the action does not declare: ${name}`);
    inputs[name] = String(value);
  }
  const ctx: Context = { inputs, outputs: new Map(), actionPath: repoRoot, temp: mkdtempSync(join(tmpdir(), 'povlint-runner-')) };
  dirs.push(ctx.temp);
  const out: ActionRun = { steps: [], failed: false, outputs: {} };
  for (const step of ACTION.runs.steps) {
    const name = step.name ?? step.id ?? step.uses ?? 'step';
    const condition = step.if === undefined ? true : evaluate(expressions(step.if)[0] ?? step.if, ctx);
    if (out.failed || condition === false) {
      out.steps.push({ name, status: 'skipped', stdout: '', stderr: '' });
      continue;
    }
    if (step.uses) {
      const given = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), ctx)]));
      if (step.uses.startsWith('github/codeql-action/upload-sarif@')) out.uploaded = join(workspace, given.sarif_file!);
      else expect(step.uses).toMatch(/^actions\/setup-node@v\d+$/);
      out.steps.push({ name, status: 'checked', stdout: '', stderr: '' });
      continue;
    }
    const outputFile = join(ctx.temp, `${step.id ?? 'step'}.out`);
    writeFileSync(outputFile, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v), ctx)]));
    expect(step.shell).toBe('bash');
    const res = bash(step.run!, workspace, { ...env, GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: ctx.temp });
    const outputs = Object.fromEntries(
      readFileSync(outputFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    if (step.id) ctx.outputs.set(step.id, outputs);
    out.steps.push({ name, status: res.code === 0 ? 'success' : 'failure', stdout: res.stdout, stderr: res.stderr });
    if (res.code !== 0) out.failed = true;
  }
  for (const [name, o] of Object.entries(ACTION.outputs)) out.outputs[name] = substitute(o.value, ctx);
  return out;
}

const status = (r: ActionRun): string => r.steps.map((s) => `${s.name}: ${s.status}`).join('\n');

// ---------------------------------------------------------------------------------------------

// Each case spawns bash and node several times on a shared machine.
vi.setConfig({ testTimeout: 120_000 });

beforeAll(buildCli, 60_000);

describe('action.yml', () => {
  it('is a composite action whose steps reference only inputs it declares, and uses every input', () => {
    expect(ACTION.name).toBe('povlint');
    expect(ACTION.description.length).toBeGreaterThan(20);
    expect(ACTION.runs.using).toBe('composite');
    const declared = new Set(Object.keys(ACTION.inputs));
    const referenced = new Set<string>();
    const ids = new Set<string>();
    for (const step of ACTION.runs.steps) {
      // Inputs reach scripts only through env: an expression inside a script would be code injection.
      if (step.run) expect(expressions(step.run), step.name).toEqual([]);
      const values = [step.if ?? '', ...Object.values(step.env ?? {}), ...Object.values(step.with ?? {})].map(String);
      for (const e of values.flatMap(expressions).concat(step.if && !step.if.includes('${{') ? [step.if] : [])) {
        for (const m of e.matchAll(/inputs\.([\w-]+)/g)) referenced.add(m[1]!);
        for (const m of e.matchAll(/steps\.([\w-]+)\.outputs/g)) expect(ids.has(m[1]!), `${step.name} reads step ${m[1]} before it ran`).toBe(true);
      }
      if (step.id) ids.add(step.id);
    }
    for (const o of Object.values(ACTION.outputs)) for (const m of o.value.matchAll(/steps\.([\w-]+)\.outputs/g)) expect(ids.has(m[1]!)).toBe(true);
    expect([...referenced].filter((i) => !declared.has(i))).toEqual([]);
    expect([...declared].filter((i) => !referenced.has(i))).toEqual([]);
    for (const [name, spec] of Object.entries(ACTION.inputs)) expect(spec.description, name).toBeTruthy();
    // The inputs the issue asks for, and the upload to code scanning.
    for (const name of ['paths', 'config', 'baseline', 'min-readiness', 'version', 'fail-on']) expect(declared.has(name)).toBe(true);
    expect(ACTION.runs.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
  });

  it('the README workflow passes only inputs the action declares, and runs green on a repository with a baseline', async () => {
    const workflow = parse(snippet('.github/workflows/povlint.yml')) as { permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
    expect(workflow.permissions['security-events']).toBe('write');
    const steps = Object.values(workflow.jobs)[0]!.steps;
    const uses = steps.find((s) => s.uses?.startsWith('povlint/povlint@'))!;
    expect(uses.uses).toMatch(/^povlint\/povlint@v\d+\.\d+\.\d+$/);
    const dir = await fixture();

    // Adoption, as the README says: record the baseline with the commands it shows.
    const [write] = baselineCommands();
    expect(write).toBe('povlint --write-baseline docs');
    const recorded = bash(write!, dir);
    expect(recorded).toMatchObject({ code: 0, stderr: 'povlint: wrote .povlint-baseline.json: 2 findings recorded\n' });
    expect(parseBaseline(readFileSync(join(dir, '.povlint-baseline.json'), 'utf8')).baseline!.entries).toHaveLength(2);

    const green = runAction(dir, uses.with ?? {});
    expect(green.failed, status(green)).toBe(false);
    expect(green.steps.map((s) => s.status)).toEqual(['checked', 'success', 'success', 'skipped', 'checked', 'success']);
    expect(green.outputs).toMatchObject({ 'exit-code': '0', 'sarif-file': 'povlint.sarif' });
    const validate = await sarifValidator();
    const log = JSON.parse(readFileSync(green.uploaded!, 'utf8')) as { runs: { results: unknown[] }[] };
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]!.results).toEqual([]);

    // A new claim: its warning fails the job (fail-on: warning), after the SARIF was uploaded.
    writeFileSync(join(dir, 'docs/proposal.md'), `# Proposal\n\n${ZERO_RISK}\n\n${EFFORT}\n\n${NEVER}\n`);
    const red = runAction(dir, uses.with ?? {});
    expect(red.steps.map((s) => s.status), status(red)).toEqual(['checked', 'success', 'success', 'skipped', 'checked', 'failure']);
    expect(red.outputs['exit-code']).toBe('1');
    const newLog = JSON.parse(readFileSync(red.uploaded!, 'utf8')) as { runs: { results: { ruleId: string; baselineState: string }[] }[] };
    expect(validate(newLog)).toBe(true);
    expect(newLog.runs[0]!.results.map((r) => [r.ruleId, r.baselineState])).toEqual([
      ['unverifiable-absolute', 'new'],
      ['unverifiable-absolute', 'new'],
    ]);
    expect(red.steps.at(-1)!.stdout).toMatch(/::error::povlint found problems to fix \(exit 1\)/);
  });

  it('fail-on, min-readiness, config, upload-sarif and a broken config behave as documented', async () => {
    const dir = await fixture({ 'strict.jsonc': JSON.stringify({ rules: { 'weak-obligation': 'error' } }) });
    // Defaults: warnings do not fail (fail-on: error); the SARIF holds them.
    const warnings = runAction(dir, {});
    expect(warnings.failed, `${status(warnings)}\n${warnings.steps.map((s) => s.stdout + s.stderr).join('\n')}`).toBe(false);
    expect((JSON.parse(readFileSync(warnings.uploaded!, 'utf8')) as { runs: { results: unknown[] }[] }).runs[0]!.results).toHaveLength(2);
    // A config that makes a finding an error fails it; fail-on: never does not.
    expect(runAction(dir, { config: 'strict.jsonc' }).failed).toBe(true);
    const never = runAction(dir, { config: 'strict.jsonc', 'fail-on': 'never' });
    expect(never.failed, `${status(never)}\n${never.steps.map((s) => s.stdout + s.stderr).join('\n')}`).toBe(false);
    // min-readiness: the proposal's unmeasured claims put it at 0%.
    const readiness = runAction(dir, { 'min-readiness': 50, 'upload-sarif': 'false', paths: 'docs/proposal.md docs/schedule.md' });
    expect(readiness.steps.map((s) => s.status), status(readiness)).toEqual(['checked', 'success', 'success', 'success', 'skipped', 'failure']);
    expect(readiness.outputs['readiness-exit-code']).toBe('1');
    expect(readiness.steps[3]!.stderr).toMatch(/docs\/proposal\.md: POV readiness 0% is below 50%/);
    expect(runAction(dir, { 'min-readiness': 50, paths: 'docs/schedule.md' }).failed).toBe(false);
    // Globs reach povlint unexpanded.
    const glob = runAction(dir, { paths: 'docs/*.md' });
    expect(glob.failed, status(glob)).toBe(false);
    // A broken config: the lint step fails with povlint's message; nothing is uploaded.
    writeFileSync(join(dir, '.povlint.jsonc'), '{ "rules": { "pufery": "off" } }');
    const broken = runAction(dir, {});
    expect(broken.steps.map((s) => s.status)).toEqual(['checked', 'success', 'failure', 'skipped', 'skipped', 'skipped']);
    expect(broken.steps[2]!.stderr).toMatch(/rules\.pufery: unknown rule id/);
    expect(broken.uploaded).toBeUndefined();
    // An unknown fail-on value is refused.
    const bad = runAction(await fixture(), { 'fail-on': 'sometimes' });
    expect(bad.steps[2]!.stdout).toMatch(/::error::fail-on must be error, warning or never/);
  });
});

describe('GitLab CI snippet', () => {
  it('installs povlint and writes a Code Quality report that validates; new errors fail the job', async () => {
    const job = Object.values(parse(snippet('.gitlab-ci.yml')) as Record<string, { image: string; script: string[]; artifacts: { when: string; reports: { codequality: string } } }>)[0]!;
    expect(job.image).toMatch(/^node:(2\d|[3-9]\d)/);
    expect(job.artifacts.when).toBe('always');
    const [install, ...commands] = job.script;
    // The install line cannot reach GitHub here: the built binary stands in for it on PATH. It is
    // the npm install of a git dependency, which builds the CLI through scripts/postinstall.mjs.
    expect(install).toMatch(/^mkdir -p (\S+) && \(cd \1 && npm install --no-save .*"git\+https:\/\/github\.com\/povlint\/povlint\.git#v\d+\.\d+\.\d+"\)$/);
    expect(commands[0]).toMatch(/^export PATH="\/opt\/povlint\/node_modules\/\.bin:\$PATH"$/);
    const report = job.artifacts.reports.codequality;
    const dir = await fixture({ '.povlint.jsonc': JSON.stringify({ rules: { 'unverifiable-absolute': 'error' } }) });
    expect(bash('povlint --write-baseline docs', dir).code).toBe(0);

    const run = () => bash(commands.join('\n'), dir);
    const green = run();
    expect(green, green.stderr).toMatchObject({ code: 0, stderr: '' });
    const validate = await gitlabValidator();
    expect(JSON.parse(readFileSync(join(dir, report), 'utf8'))).toEqual([]);

    writeFileSync(join(dir, 'docs/schedule.md'), `# Service levels\n\n${COMPLETE}\n\n${NEVER}\n`);
    const red = run();
    expect(red.code).toBe(1);
    expect(existsSync(join(dir, report))).toBe(true);
    const issues = JSON.parse(readFileSync(join(dir, report), 'utf8')) as { check_name: string; severity: string; location: { path: string } }[];
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path])).toEqual([
      ['unverifiable-absolute', 'major', 'docs/schedule.md'],
      ['unverifiable-absolute', 'major', 'docs/schedule.md'],
    ]);
  });
});

describe('pre-commit', () => {
  it('.pre-commit-hooks.yaml declares a node hook whose entry is the package binary, for Markdown files', () => {
    expect(HOOKS).toHaveLength(1);
    const hook = HOOKS[0]!;
    expect(Object.keys(hook).sort()).toEqual(['description', 'entry', 'files', 'id', 'language', 'minimum_pre_commit_version', 'name', 'types']);
    expect(hook).toMatchObject({ id: 'povlint', language: 'node', types: ['text'] });
    expect(Object.keys(PACKAGE.bin)).toContain(hook.entry);
    const files = new RegExp(hook.files!);
    for (const f of ['README.md', 'docs/rfp.markdown', 'a/b/c.md']) expect(files.test(f), f).toBe(true);
    for (const f of ['notes.txt', 'proposal.docx', 'md', 'x.md.bak']) expect(files.test(f), f).toBe(false);
  });

  it('the README config names a hook of this repository, and the hook run as pre-commit runs it passes, then fails on a new error', async () => {
    const config = parse(snippet('.pre-commit-config.yaml')) as { repos: { repo: string; rev: string; hooks: { id: string; args?: string[] }[] }[] };
    const repo = config.repos[0]!;
    expect(repo.repo).toBe('https://github.com/povlint/povlint');
    expect(repo.rev).toMatch(/^v\d+\.\d+\.\d+$/);
    const hooks = new Map(HOOKS.map((h) => [h.id, h]));
    const dir = await fixture({ '.povlint.jsonc': JSON.stringify({ rules: { 'unverifiable-absolute': 'error' } }) });
    expect(bash('povlint --write-baseline docs', dir).code).toBe(0);
    for (const use of repo.hooks) {
      const hook = hooks.get(use.id)!;
      expect(hook, use.id).toBeDefined();
      // pre-commit runs `entry args... files...` with the staged files its `files` pattern matches.
      const staged = ['docs/proposal.md', 'docs/schedule.md', 'notes.txt'].filter((f) => new RegExp(hook.files!).test(f));
      const command = [hook.entry, ...(use.args ?? []), ...staged].map((a) => `'${a}'`).join(' ');
      expect(bash(command, dir)).toMatchObject({ code: 0 });
      writeFileSync(join(dir, 'docs/proposal.md'), `# Proposal\n\n${ZERO_RISK}\n\n${EFFORT}\n\n${NEVER}\n`);
      const red = bash(command, dir);
      expect(red.code).toBe(1);
      expect(red.stdout).toMatch(/docs\/proposal\.md\n.*error {2}`always available`/);
    }
  });

  it('the npm package pre-commit and git installs build holds the binary and the CLI bundle', () => {
    const res = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    const files = (JSON.parse(res.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toContain(PACKAGE.bin.povlint!.replace(/^\.\//, ''));
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('schemas/povlint.schema.json');
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('src/') || f.startsWith('dist/web/'))).toEqual([]);
    // The install script that builds the bundle after a Git install ships, the build tools do not.
    expect(files.filter((f) => f.startsWith('scripts/'))).toEqual(['scripts/postinstall.mjs']);
  });

  it('npm pack runs no script: pre-commit reads its standard output as the tarball name', () => {
    const scripts = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(Object.keys(scripts).filter((s) => ['prepare', 'prepack', 'postpack'].includes(s))).toEqual([]);
    expect(scripts.postinstall).toBe('node scripts/postinstall.mjs');
    // Where the bundle exists (an installed package), the install script does nothing.
    const res = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'postinstall.mjs')], { encoding: 'utf8' });
    expect(res).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });
});
