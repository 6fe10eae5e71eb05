/**
 * One table of CLI scenarios, run twice: in-process through `run(argv, io)` and through the
 * built binary. Each asserts exit code, stdout and stderr together.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assertOutcome, buildCli, runInProcess, runSpawned, scenarioTrees, type Scenario } from './harness.js';

const CLEAN = '# Scope\n\nThe supplier delivers the report within 10 business days of each quarter end.\n';
const PUFFERY = 'Our industry-leading platform.\n';
const PUFFERY_LINE = /^ {2}1:5 {2}warning {2}`industry-leading` .* {2}puffery$/m;


const configError = (where: string, key: string): RegExp =>
  new RegExp(`^${where.replace(/[.]/g, '\\.')}: ${key.replace(/[.[\]]/g, '\\$&')}: .+\\npovlint: invalid configuration; nothing was linted\\n$`);

const scenarios: Scenario[] = [
  { name: 'a clean file prints nothing and exits 0', files: { 'a.md': CLEAN }, argv: ['a.md'], code: 0, stdout: '', stderr: '' },
  {
    name: 'a warning is reported grouped by file with a summary, exit 0',
    files: { 'a.md': PUFFERY },
    argv: ['a.md'],
    code: 0,
    stdout: (out) => {
      expect(out.split('\n')[0]).toBe('a.md');
      expect(out).toMatch(PUFFERY_LINE);
      expect(out).toMatch(/\n\n✖ 1 problem \(0 errors, 1 warning, 0 infos\)\n$/);
    },
    stderr: '',
  },
  {
    name: '--rule ID=error turns the warning into an error, exit 1',
    files: { 'a.md': PUFFERY },
    argv: ['--rule', 'puffery=error', 'a.md'],
    code: 1,
    stdout: /error {2}`industry-leading`[\s\S]*✖ 1 problem \(1 error, 0 warnings, 0 infos\)/,
    stderr: '',
  },
  { name: '--rule ID=off silences the rule', files: { 'a.md': PUFFERY }, argv: ['--rule', 'puffery=off', 'a.md'], code: 0, stdout: '', stderr: '' },
  {
    name: '--max-warnings 0 with one warning exits 1',
    files: { 'a.md': PUFFERY },
    argv: ['--max-warnings', '0', 'a.md'],
    code: 1,
    stdout: PUFFERY_LINE,
    stderr: 'povlint: 1 warning exceeds the limit of 0 (--max-warnings)\n',
  },
  { name: '--max-warnings 1 with one warning exits 0', files: { 'a.md': PUFFERY }, argv: ['--max-warnings', '1', 'a.md'], code: 0, stdout: PUFFERY_LINE, stderr: '' },
  { name: '--quiet hides warnings', files: { 'a.md': PUFFERY }, argv: ['--quiet', 'a.md'], code: 0, stdout: '', stderr: '' },
  {
    name: '--quiet still counts warnings for --max-warnings',
    files: { 'a.md': PUFFERY },
    argv: ['--quiet', '--max-warnings', '0', 'a.md'],
    code: 1,
    stdout: '',
    stderr: /exceeds the limit of 0/,
  },
  { name: '--strict fails on a warning', files: { 'a.md': PUFFERY }, argv: ['--strict', 'a.md'], code: 1, stdout: PUFFERY_LINE, stderr: '' },
  {
    name: 'json output is exactly { files: [ { path, findings } ] }, every linted file listed',
    files: { 'a.md': PUFFERY, 'b.md': CLEAN },
    argv: ['--format', 'json', 'a.md', 'b.md'],
    code: 0,
    stdout: (out) => {
      const parsed = JSON.parse(out) as { files: { path: string; findings: { ruleId: string; start: { line: number; column: number; offset: number } }[] }[] };
      expect(Object.keys(parsed)).toEqual(['files']);
      expect(parsed.files.map((f) => Object.keys(f))).toEqual([['path', 'findings'], ['path', 'findings']]);
      expect(parsed.files.map((f) => f.path)).toEqual(['a.md', 'b.md']);
      expect(parsed.files[0]!.findings.map((f) => f.ruleId)).toEqual(['puffery']);
      expect(parsed.files[0]!.findings[0]!.start).toEqual({ line: 1, column: 5, offset: 4 });
      expect(parsed.files[1]!.findings).toEqual([]);
    },
    stderr: '',
  },
  { name: 'json output with no files is still valid', files: { 'a.md': CLEAN }, argv: ['--format', 'json', 'a.md'], code: 0, stdout: (out) => expect(JSON.parse(out)).toEqual({ files: [{ path: 'a.md', findings: [] }] }), stderr: '' },
  {
    name: '- reads standard input',
    argv: ['-'],
    stdin: PUFFERY,
    code: 0,
    stdout: (out) => {
      expect(out.split('\n')[0]).toBe('<stdin>');
      expect(out).toMatch(PUFFERY_LINE);
    },
    stderr: '',
  },
  {
    name: 'standard input that is not UTF-8 is skipped with a warning',
    argv: ['-'],
    stdin: new Uint8Array([0x4f, 0x75, 0x72, 0xff, 0xfe, 0x0a]),
    code: 0,
    stdout: '',
    stderr: 'povlint: warning: <stdin>: skipped: cannot read standard input (not valid UTF-8 text)\n',
  },
  {
    name: 'a folder is searched for *.md and *.markdown, skipping node_modules and .git',
    files: {
      'docs/a.md': PUFFERY,
      'docs/sub/b.markdown': PUFFERY,
      'docs/notes.txt': PUFFERY,
      'docs/node_modules/x.md': PUFFERY,
      'docs/.git/y.md': PUFFERY,
    },
    argv: ['--format', 'json', 'docs'],
    code: 0,
    stdout: (out) => expect((JSON.parse(out) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual(['docs/a.md', 'docs/sub/b.markdown']),
    stderr: '',
  },
  {
    name: 'a glob selects files',
    files: { 'docs/a.md': PUFFERY, 'docs/sub/b.md': PUFFERY, 'docs/c.markdown': PUFFERY },
    argv: ['--format', 'json', 'docs/**/*.md'],
    code: 0,
    stdout: (out) => expect((JSON.parse(out) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual(['docs/a.md', 'docs/sub/b.md']),
    stderr: '',
  },
  {
    name: 'a file named twice is linted once',
    files: { 'a.md': PUFFERY },
    argv: ['--format', 'json', 'a.md', '.', './a.md'],
    code: 0,
    stdout: (out) => expect((JSON.parse(out) as { files: unknown[] }).files).toHaveLength(1),
    stderr: '',
  },
  {
    name: 'a missing file is an error (exit 2) and the rest is still linted',
    files: { 'a.md': PUFFERY },
    argv: ['nope.md', 'a.md'],
    code: 2,
    stdout: PUFFERY_LINE,
    stderr: 'povlint: error: nope.md: no such file or folder\n',
  },
  { name: 'a glob matching nothing is an error', files: { 'a.md': CLEAN }, argv: ['docs/*.md'], code: 2, stdout: '', stderr: 'povlint: error: docs/*.md: no files match this pattern\n' },
  {
    name: 'a binary file is skipped with a warning, the rest still linted',
    files: { 'bin.md': new Uint8Array([0x23, 0x20, 0x00, 0x01, 0x02, 0x0a]), 'a.md': PUFFERY },
    argv: ['bin.md', 'a.md'],
    code: 0,
    stdout: PUFFERY_LINE,
    stderr: 'povlint: warning: bin.md: skipped: binary file (contains NUL bytes)\n',
  },
  {
    name: 'a non-UTF-8 file is skipped with a warning, the rest still linted',
    files: { 'latin1.md': new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6d, 0x65, 0x6e, 0x75, 0x0a]), 'a.md': PUFFERY },
    argv: ['latin1.md', 'a.md'],
    code: 0,
    stdout: PUFFERY_LINE,
    stderr: 'povlint: warning: latin1.md: skipped: not valid UTF-8 text\n',
  },
  {
    name: '--strict makes a skipped file an error (exit 2)',
    files: { 'bin.md': new Uint8Array([0, 1, 2]), 'a.md': CLEAN },
    argv: ['--strict', 'bin.md', 'a.md'],
    code: 2,
    stdout: '',
    stderr: /bin\.md: skipped: binary file/,
  },
  {
    name: 'a file over --max-file-size is skipped with how to raise the limit',
    files: { 'big.md': `${'Plain words here. '.repeat(200)}\n`, 'a.md': PUFFERY },
    argv: ['--max-file-size', '1', 'big.md', 'a.md'],
    code: 0,
    stdout: PUFFERY_LINE,
    stderr: 'povlint: warning: big.md: skipped: file is 4 KB, over the 1 KB limit; raise it with --max-file-size 4 or "maxFileSizeKB" in .povlint.jsonc\n',
  },
  {
    name: 'maxFileSizeKB in the config sets the limit',
    files: { '.povlint.jsonc': '{ "maxFileSizeKB": 2 }', 'big.md': `${'Plain words here. '.repeat(200)}\n` },
    argv: ['big.md'],
    code: 0,
    stdout: '',
    stderr: /big\.md: skipped: file is 4 KB, over the 2 KB limit; raise it with --max-file-size 4 or "maxFileSizeKB"/,
  },
  {
    name: 'a UTF-8 byte order mark is stripped: positions refer to the text after it',
    files: { 'bom.md': `\uFEFF${PUFFERY}` },
    argv: ['--format', 'json', 'bom.md'],
    code: 0,
    stdout: (out) => {
      const f = (JSON.parse(out) as { files: { findings: { start: unknown }[] }[] }).files[0]!.findings[0]!;
      expect(f.start).toEqual({ line: 1, column: 5, offset: 4 });
    },
    stderr: '',
  },
  {
    name: 'config rules apply to files below the config folder',
    files: { '.povlint.jsonc': '// team settings\n{ "rules": { "puffery": "error", }, }\n', 'docs/a.md': PUFFERY },
    argv: ['docs/a.md'],
    code: 1,
    stdout: /error {2}`industry-leading`/,
    stderr: '',
  },
  {
    name: '.povlint.jsonc wins over .povlint.json in the same folder; the nearest folder wins',
    files: {
      '.povlint.json': '{ "rules": { "puffery": "error" } }',
      'docs/.povlint.json': '{ "rules": { "puffery": "off" } }',
      'docs/a.md': PUFFERY,
      'other/.povlint.jsonc': '{ "rules": { "puffery": "info" } }',
      'other/.povlint.json': '{ "rules": { "puffery": "error" } }',
      'other/b.md': PUFFERY,
    },
    argv: ['docs/a.md', 'other/b.md'],
    code: 0,
    stdout: /other\/b\.md\n {2}1:5 {2}info /,
    stderr: '',
  },
  {
    name: 'the command line overrides the config',
    files: { '.povlint.jsonc': '{ "rules": { "puffery": "error" } }', 'a.md': PUFFERY },
    argv: ['--rule', 'puffery=warning', 'a.md'],
    code: 0,
    stdout: PUFFERY_LINE,
    stderr: '',
  },
  {
    name: '--config FILE is used instead of discovery',
    files: { '.povlint.jsonc': '{ "rules": { "puffery": "error" } }', 'ci/strict.jsonc': '{ "rules": { "puffery": "off" } }', 'a.md': PUFFERY },
    argv: ['--config', 'ci/strict.jsonc', 'a.md'],
    code: 0,
    stdout: '',
    stderr: '',
  },
  { name: '--config naming a missing file is exit 2', files: { 'a.md': PUFFERY }, argv: ['--config', 'nope.jsonc', 'a.md'], code: 2, stdout: '', stderr: 'nope.jsonc:1:1: config file not found\npovlint: invalid configuration; nothing was linted\n' },
  {
    name: 'ignore globs are relative to the config file',
    files: {
      'project/.povlint.jsonc': '{ "ignore": ["drafts/", "*.generated.md", "/top.md"] }',
      'project/drafts/a.md': PUFFERY,
      'project/docs/x.generated.md': PUFFERY,
      'project/top.md': PUFFERY,
      'project/docs/top.md': PUFFERY,
      'project/docs/kept.md': PUFFERY,
    },
    argv: ['--format', 'json', 'project'],
    code: 0,
    stdout: (out) => expect((JSON.parse(out) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual(['project/docs/kept.md', 'project/docs/top.md']),
    stderr: '',
  },
  {
    name: 'custom clauses load from clauses.paths',
    files: {
      '.povlint.jsonc': '{ "clauses": { "paths": ["legal/clauses"] } }',
      'legal/clauses/uptime-credit.md':
        '---\nid: uptime-credit\ntitle: Uptime credit\ncategory: service-levels\ntopics: [availability]\ndocTypes: [sla]\ndescription: Credits when uptime is missed.\nlocale: en\n---\nThe Supplier credits ${1:5}% of the monthly fee for each 0.1% below the target.\n',
      'a.md': CLEAN,
    },
    argv: ['clauses', '--show', 'uptime-credit'],
    code: 0,
    stdout: /The Supplier credits 5% of the monthly fee for each 0\.1% below the target\./,
    stderr: '',
  },
  {
    name: 'custom clauses load from .povlint/clauses/ without a config file',
    files: {
      '.povlint/clauses/exit-right.md':
        '---\nid: exit-right\ntitle: Exit right\ncategory: risk-allocation\ntopics: [availability]\ndocTypes: [sla]\ndescription: Termination after repeated misses.\nlocale: en\n---\nThe Customer may terminate after ${1:3} missed months.\n',
    },
    argv: ['clauses', '--show', 'exit-right'],
    code: 0,
    stdout: /The Customer may terminate after 3 missed months\./,
    stderr: '',
  },
  // Broken configuration: one precise error (file:line:column: key: message), exit 2, nothing linted.
  { name: 'malformed JSONC', files: { '.povlint.jsonc': '{\n  "locale": "en"\n  "rules": {}\n}\n', 'a.md': PUFFERY }, argv: ['a.md'], code: 2, stdout: '', stderr: /^\.povlint\.jsonc:3:3: invalid JSONC: expected `,`\npovlint: invalid configuration; nothing was linted\n$/ },
  { name: 'wrong type', files: { '.povlint.jsonc': '{\n  "ignore": "drafts"\n}\n', 'a.md': PUFFERY }, argv: ['a.md'], code: 2, stdout: '', stderr: configError('.povlint.jsonc:2:13', 'ignore') },
  { name: 'unknown rule id', files: { '.povlint.jsonc': '{\n  "rules": {\n    "puffry": "off"\n  }\n}\n', 'a.md': PUFFERY }, argv: ['a.md'], code: 2, stdout: '', stderr: configError('.povlint.jsonc:3:5', 'rules.puffry') },
  { name: 'unknown severity', files: { '.povlint.jsonc': '{ "rules": { "puffery": { "severity": "warn" } } }', 'a.md': PUFFERY }, argv: ['a.md'], code: 2, stdout: '', stderr: configError('.povlint.jsonc:1:39', 'rules.puffery.severity') },
  { name: 'unknown locale', files: { '.povlint.jsonc': '{\n  "locale": "fr"\n}\n', 'a.md': PUFFERY }, argv: ['a.md'], code: 2, stdout: '', stderr: configError('.povlint.jsonc:2:13', 'locale') },
  { name: 'unknown key', files: { '.povlint.jsonc': '{ "rulez": {} }', 'a.md': PUFFERY }, argv: ['a.md'], code: 2, stdout: '', stderr: configError('.povlint.jsonc:1:3', 'rulez') },
  {
    name: 'missing clauses path',
    files: { '.povlint.jsonc': '{\n  "clauses": { "paths": ["legal/clauses"] }\n}\n', 'a.md': PUFFERY },
    argv: ['a.md'],
    code: 2,
    stdout: '',
    stderr: configError('.povlint.jsonc:2:26', 'clauses.paths[0]'),
  },
  {
    name: 'unsafe regular expression',
    files: { '.povlint.jsonc': '{ "rules": { "puffery": { "terms": [ { "pattern": "(?:a+)+$" } ] } } }', 'a.md': PUFFERY },
    argv: ['a.md'],
    code: 2,
    stdout: '',
    stderr: configError('.povlint.jsonc:1:51', 'rules.puffery.terms[0].pattern'),
  },
  {
    name: 'a broken config in a subfolder stops everything before anything is linted',
    files: { 'a.md': PUFFERY, 'sub/.povlint.jsonc': '{ "locale": 1 }', 'sub/b.md': PUFFERY },
    argv: ['a.md', 'sub/b.md'],
    code: 2,
    stdout: '',
    stderr: configError('sub/.povlint.jsonc:1:13', 'locale'),
  },
  // Usage
  { name: '--version', argv: ['--version'], code: 0, stdout: /^\d+\.\d+\.\d+\n$/, stderr: '' },
  { name: '--help', argv: ['--help'], code: 0, stdout: /^Usage: povlint \[options\]/, stderr: '' },
  { name: 'no files', argv: [], code: 2, stdout: '', stderr: /^povlint: no files given/ },
  { name: 'unknown option', argv: ['--frmat', 'json', 'a.md'], code: 2, stdout: '', stderr: /^povlint: Unknown option '--frmat'.*\nRun `povlint --help` for usage\.\n$/ },
  { name: 'unknown format', argv: ['--format', 'xml', 'a.md'], code: 2, stdout: '', stderr: 'povlint: --format must be one of stylish, json, sarif, gitlab; got "xml"\nRun `povlint --help` for usage.\n' },
  { name: 'bad --rule', argv: ['--rule', 'puffery', 'a.md'], code: 2, stdout: '', stderr: /--rule expects ID=SEVERITY/ },
  { name: 'unknown rule in --rule', argv: ['--rule', 'nope=off', 'a.md'], code: 2, stdout: '', stderr: /--rule rule id must be one of unmeasured-claim, / },
  { name: 'bad --max-warnings', argv: ['--max-warnings', 'many', 'a.md'], code: 2, stdout: '', stderr: /--max-warnings must be a whole number/ },
  { name: 'bad --max-file-size', argv: ['--max-file-size', '0', 'a.md'], code: 2, stdout: '', stderr: /--max-file-size must be a positive number/ },
  { name: 'bad --locale', argv: ['--locale', 'fr', 'a.md'], code: 2, stdout: '', stderr: /--locale must be one of en, zh, auto/ },
  { name: 'clauses subcommand', argv: ['clauses'], code: 0, stdout: /acceptance-test-gate/, stderr: '' },
  {
    name: '--explain shows why a text is flagged',
    argv: ['--explain', 'Our industry-leading platform.'],
    code: 0,
    stdout: /term "industry-leading" → puffery[\s\S]*warning puffery: /,
    stderr: '',
  },
];

const setup = scenarioTrees();

describe('CLI scenarios, in-process', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const dir = await setup(s);
    assertOutcome(await runInProcess(s.argv, dir, s.stdin !== undefined ? { stdin: s.stdin } : {}), s);
  }, 15_000);
});

describe('CLI scenarios, spawned binary', () => {
  beforeAll(async () => {
    await buildCli();
  }, 60_000);

  it.concurrent.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const dir = await setup(s);
    assertOutcome(await runSpawned(s.argv, dir, s.stdin !== undefined ? { stdin: s.stdin } : {}), s);
  }, 30_000);
});
