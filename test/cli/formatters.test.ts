import { afterAll, describe, expect, it } from 'vitest';
import { formatters, type FileResult } from '../../src/cli/formatters/index.js';
import { pathToUri } from '../../src/cli/formatters/sarif.js';
import type { Finding, Severity } from '../../src/core/types.js';
import { lint } from '../../src/core/index.js';
import { makeTree, removeTree, runInProcess } from './harness.js';

function finding(severity: Severity, line: number, column: number, message = 'a message'): Finding {
  return {
    ruleId: 'puffery',
    severity,
    message,
    start: { line, column, offset: 0 },
    end: { line, column: column + 3, offset: 3 },
    missing: [],
    fixes: [],
    clauses: [],
    docs: 'https://example.invalid/docs/rules/puffery.md',
  };
}

function render(name: 'stylish' | 'json' | 'sarif', files: FileResult[], color = false): string {
  let out = '';
  const f = formatters[name]({ write: (t) => (out += t), color, cwd: '/work', version: '1.2.3' });
  f.begin();
  const summary = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const r of files) {
    f.file(r);
    for (const x of r.findings) {
      if (x.severity === 'error') summary.errors += 1;
      else if (x.severity === 'warning') summary.warnings += 1;
      else summary.infos += 1;
    }
  }
  f.end(summary);
  return out;
}

describe('stylish', () => {
  const files: FileResult[] = [
    { path: 'a.md', findings: [finding('error', 1, 5, 'first'), finding('warning', 12, 10, 'second, longer message')] },
    { path: 'b.md', findings: [] },
    { path: 'c.md', findings: [finding('info', 3, 1), finding('hint', 4, 1)] },
  ];

  it('groups by file with aligned columns and a summary', () => {
    expect(render('stylish', files)).toBe(
      [
        'a.md',
        '  1:5    error    first                   puffery',
        '  12:10  warning  second, longer message  puffery',
        '',
        'c.md',
        '  3:1  info  a message  puffery',
        '  4:1  hint  a message  puffery',
        '',
        '✖ 4 problems (1 error, 1 warning, 2 infos)',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when there are no problems', () => {
    expect(render('stylish', [{ path: 'b.md', findings: [] }])).toBe('');
  });

  it('colours only when asked', () => {
    expect(render('stylish', files, true)).toContain('\u001b[31merror');
    expect(render('stylish', files, false)).not.toContain('\u001b[');
  });
});

describe('json', () => {
  it('streams a valid document', () => {
    const files: FileResult[] = [
      { path: 'a.md', findings: [finding('error', 1, 5)], text: 'never written' },
      { path: 'b.md', findings: [] },
    ];
    const out = render('json', files);
    expect(out).not.toContain('never written');
    expect(JSON.parse(out)).toEqual({ files: [{ path: 'a.md', findings: [finding('error', 1, 5)] }, { path: 'b.md', findings: [] }] });
    expect(JSON.parse(render('json', []))).toEqual({ files: [] });
  });
});

describe('sarif', () => {
  it('streams a valid document with info and hint as note', () => {
    const log = JSON.parse(render('sarif', [{ path: 'd/a b.md', findings: [finding('info', 1, 1), finding('hint', 2, 1), finding('error', 3, 1)] }])) as {
      runs: { results: { level: string }[]; originalUriBaseIds: Record<string, { uri: string }> }[];
    };
    expect(log.runs[0]!.results.map((r) => r.level)).toEqual(['note', 'note', 'error']);
    expect(log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri).toBe('file:///work/');
  });

  it('percent-encodes path segments', () => {
    expect(pathToUri('../docs/a b#1.md')).toBe('../docs/a%20b%231.md');
  });
});

describe('colour through run()', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map(removeTree));
  });

  it('colours on a TTY unless NO_COLOR is set', async () => {
    const dir = await makeTree({ 'a.md': 'Our industry-leading platform.\n' });
    dirs.push(dir);
    const tty = await runInProcess(['a.md'], dir, { isTTY: true });
    expect(tty.stdout).toContain('\u001b[');
    const noColor = await runInProcess(['a.md'], dir, { isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    const piped = await runInProcess(['a.md'], dir, { isTTY: false });
    expect(piped.stdout).not.toContain('\u001b[');
  });
});

describe('fix texts and clause suggestions through run()', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map(removeTree));
  });

  it('json and sarif carry the rewrite texts and clauses a library caller gets from lint(); nothing stays pending', async () => {
    const text = '# Proposal\n\nOur platform will reduce the cost of operations.\n';
    const dir = await makeTree({ 'a.md': text });
    dirs.push(dir);
    const expected = lint(text);
    const rewrite = expected.flatMap((f) => f.fixes).find((x) => x.kind === 'rewrite-measurable')!;
    expect(rewrite.edits[0]!.text).toContain('reduce the cost of operations');
    const json = await runInProcess(['--format', 'json', 'a.md'], dir);
    expect(json.stdout).not.toContain('"pending"');
    const files = (JSON.parse(json.stdout) as { files: Array<{ findings: Finding[] }> }).files;
    expect(files[0]!.findings).toEqual(expected);
    const sarif = await runInProcess(['--format', 'sarif', 'a.md'], dir);
    expect(sarif.stdout).not.toContain('"pending"');
    expect(sarif.stdout).toContain(JSON.stringify(rewrite.edits[0]!.text).slice(1, 30));
    expect(sarif.stdout).toContain(JSON.stringify(expected.find((f) => f.clauses.length)!.clauses[0]));
  });
});
