/**
 * Word documents through the CLI, with real .docx files on disk: linting them (stylish, JSON,
 * SARIF), `povlint convert`, folders and globs with and without `--include-docx`, and each bad
 * input. The scenario table runs in-process and through the built binary, as the main one does.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertDocx } from '../../src/docx/index.js';
import {
  binaryDoc,
  CHINESE,
  corruptDocx,
  emptyDocx,
  encryptedDocx,
  ENGLISH,
  PARAGRAPH,
  proposalDocx,
  truncatedDocx,
  zipBombDocx,
} from '../helpers/docx.js';
import { assertOutcome, buildCli, makeTree, removeTree, repoRoot, runInProcess, runSpawned, scenarioTrees, type Scenario } from './harness.js';

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const english = await proposalDocx(ENGLISH);
const chinese = await proposalDocx(CHINESE);
const englishConverted = await convertDocx(english);
if (!englishConverted.ok) throw new Error(englishConverted.reason);
const MARKDOWN = englishConverted.markdown;
const CLEAN = '# Scope\n\nThe supplier delivers the report within 10 business days of each quarter end.\n';
const claimLine = MARKDOWN.split('\n').findIndex((l) => l.includes(ENGLISH.claim[1])) + 1;

interface JsonFinding {
  ruleId: string;
  start: { line: number; column: number };
  source?: { paragraph: number; excerpt: string; note?: string };
}
const jsonFiles = (out: string) => (JSON.parse(out) as { files: { path: string; findings: JsonFinding[] }[] }).files;

const bad: [string, Uint8Array, string | RegExp][] = [
  ['a truncated .docx', truncatedDocx(english), /not a readable zip archive \(corrupt or truncated/],
  ['a .docx with a damaged central directory', corruptDocx(english), /not a readable zip archive \(corrupt or truncated: its central directory is damaged\)/],
  ['an encrypted document', encryptedDocx(), 'the document is encrypted (password-protected)'],
  ['an old binary .doc saved as .docx', binaryDoc(), 'an old binary Word document (.doc), not a .docx'],
  ['a zip bomb', zipBombDocx(51), /its XML parts would inflate to 51\.0 MB, over the limit of 50\.0 MB uncompressed \(a possible zip bomb\)/],
  ['a document with no text', await emptyDocx(), 'the Word document contains no text'],
  ['a text file named .docx', new TextEncoder().encode('plain text\n'), 'not a Word document (.docx files are zip archives; this file is not one)'],
];

const errorLine = (file: string, reason: string | RegExp): RegExp =>
  new RegExp(`^povlint: error: ${file.replace(/[.$]/g, '\\$&')}: ${typeof reason === 'string' ? reason.replace(/[.()[\]|]/g, '\\$&') : reason.source}.*\\n$`);

const scenarios: Scenario[] = [
  {
    name: 'a .docx named on the command line is linted; stylish output names the source paragraph',
    files: { 'proposal.docx': english },
    argv: ['proposal.docx'],
    code: 0,
    stdout: (out) => {
      expect(out.split('\n')[0]).toBe('proposal.docx');
      expect(out).toMatch(new RegExp(`^ {2}${claimLine}:\\d+ \\(paragraph ${PARAGRAPH.claim}\\) +warning +\`industry-leading\` .* puffery$`, 'm'));
      expect(out).toMatch(new RegExp(`\\(paragraph ${PARAGRAPH.claim}, footnote 1\\) +warning +\`commercially reasonable efforts\``));
      expect(out).toMatch(/✖ \d+ problems/);
    },
    stderr: '',
  },
  {
    name: 'JSON findings carry the Markdown line and the source paragraph with its excerpt',
    files: { 'proposal.docx': english },
    argv: ['-f', 'json', 'proposal.docx'],
    code: 0,
    stdout: (out) => {
      const [file] = jsonFiles(out);
      expect(file!.path).toBe('proposal.docx');
      const puffery = file!.findings.find((f) => f.ruleId === 'puffery')!;
      expect(puffery.start.line).toBe(claimLine);
      expect(puffery.source).toEqual({ paragraph: PARAGRAPH.claim, excerpt: ENGLISH.claim.join('') });
      const inCell = file!.findings.find((f) => f.ruleId === 'unverifiable-absolute')!;
      expect(inCell.source?.paragraph).toBe(PARAGRAPH.rowRight);
      expect(file!.findings.every((f) => f.source !== undefined)).toBe(true);
    },
    stderr: '',
  },
  {
    name: 'a Chinese .docx is linted with Chinese rules and traced to its paragraphs',
    files: { '建议书.docx': chinese },
    argv: ['-f', 'json', '建议书.docx'],
    code: 0,
    stdout: (out) => {
      const [file] = jsonFiles(out);
      const puffery = file!.findings.find((f) => f.ruleId === 'puffery')!;
      expect(puffery.source).toEqual({ paragraph: PARAGRAPH.claim, excerpt: CHINESE.claim.join('') });
      expect(file!.findings.find((f) => f.ruleId === 'weak-obligation' && f.source?.note === '1')?.source?.paragraph).toBe(PARAGRAPH.claim);
    },
    stderr: '',
  },
  {
    name: 'convert writes the Markdown to standard output and says the comment was left out',
    files: { 'proposal.docx': english },
    argv: ['convert', 'proposal.docx'],
    code: 0,
    stdout: MARKDOWN,
    stderr: "povlint: note: proposal.docx: 1 comment was left out (comments are reviewers' notes, not the document's text)\n",
  },
  { name: 'convert needs a .docx', files: { 'a.md': CLEAN }, argv: ['convert', 'a.md'], code: 2, stdout: '', stderr: /^povlint convert: "a\.md" is not a Word document \(\.docx\)\n/ },
  { name: 'convert needs a file', argv: ['convert'], code: 2, stdout: '', stderr: /^povlint convert: name one Word document/ },
  { name: 'convert --help', argv: ['convert', '--help'], code: 0, stdout: /^Usage: povlint convert <file\.docx> \[-o <file\.md>\]/, stderr: '' },
  {
    name: 'convert of a bad document fails with the reason',
    files: { 'locked.docx': encryptedDocx() },
    argv: ['convert', 'locked.docx', '-o', 'locked.md'],
    code: 2,
    stdout: '',
    stderr: errorLine('locked.docx', 'the document is encrypted (password-protected)'),
  },
  {
    name: 'a folder leaves Word documents out without --include-docx',
    files: { 'docs/a.md': CLEAN, 'docs/proposal.docx': english },
    argv: ['-f', 'json', 'docs'],
    code: 0,
    stdout: (out) => expect(jsonFiles(out).map((f) => f.path)).toEqual(['docs/a.md']),
    stderr: '',
  },
  {
    name: 'a folder picks up Word documents with --include-docx, but not Word lock files',
    files: { 'docs/a.md': CLEAN, 'docs/proposal.docx': english, 'docs/~$proposal.docx': new Uint8Array(162) },
    argv: ['-f', 'json', '--include-docx', 'docs'],
    code: 0,
    stdout: (out) => {
      const files = jsonFiles(out);
      expect(files.map((f) => f.path)).toEqual(['docs/a.md', 'docs/proposal.docx']);
      expect(files[1]!.findings.length).toBeGreaterThan(0);
    },
    stderr: '',
  },
  {
    name: 'a glob that matches only Word documents says how to include them',
    files: { 'docs/proposal.docx': english },
    argv: ['docs/*.docx'],
    code: 2,
    stdout: '',
    stderr: 'povlint: error: docs/*.docx: only Word documents match this pattern; add --include-docx to lint them\n',
  },
  {
    name: 'a glob picks up Word documents with --include-docx',
    files: { 'docs/proposal.docx': english, 'docs/b.md': CLEAN },
    argv: ['-f', 'json', '--include-docx', 'docs/*'],
    code: 0,
    stdout: (out) => expect(jsonFiles(out).map((f) => f.path)).toEqual(['docs/b.md', 'docs/proposal.docx']),
    stderr: '',
  },
  {
    name: '--max-file-size applies to the converted Markdown: a skipped document is a warning',
    files: { 'proposal.docx': english },
    argv: ['--max-file-size', '0.1', 'proposal.docx'],
    code: 0,
    stdout: '',
    stderr: /^povlint: warning: proposal\.docx: skipped: as Markdown the file is 1 KB, over the 0\.1 KB limit; raise it with --max-file-size 1 /,
  },
  ...bad.map(
    ([what, bytes, reason]): Scenario => ({
      name: `${what}: an error naming the file, exit 2, the other files still linted`,
      files: { 'bad.docx': bytes, 'a.md': CLEAN },
      argv: ['-f', 'json', 'bad.docx', 'a.md'],
      code: 2,
      stdout: (out) => expect(jsonFiles(out).map((f) => f.path)).toEqual(['a.md']),
      stderr: errorLine('bad.docx', reason),
    }),
  ),
];

const setup = scenarioTrees();

describe('Word documents in the CLI, in-process', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    assertOutcome(await runInProcess(s.argv, await setup(s)), s);
  }, 30_000);
});

describe('Word documents in the CLI, spawned binary', () => {
  beforeAll(async () => {
    await buildCli();
  }, 60_000);

  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    assertOutcome(await runSpawned(s.argv, await setup(s)), s);
  }, 30_000);
});

describe('Word documents in files the CLI writes and reports', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map(removeTree));
  });

  it('convert -o writes the Markdown that lint checks, and linting it gives the same findings at the same lines', async () => {
    const dir = await makeTree({ 'proposal.docx': english });
    dirs.push(dir);
    const converted = await runInProcess(['convert', 'proposal.docx', '-o', 'proposal.md'], dir);
    expect(converted.code).toBe(0);
    expect(converted.stdout).toBe('');
    const written = await readFile(join(dir, 'proposal.md'), 'utf8');
    expect(written).toBe(MARKDOWN);
    const asDocx = jsonFiles((await runInProcess(['-f', 'json', 'proposal.docx'], dir)).stdout)[0]!.findings;
    const asMarkdown = jsonFiles((await runInProcess(['-f', 'json', 'proposal.md'], dir)).stdout)[0]!.findings;
    expect(asDocx.map(({ source: _source, ...f }) => f)).toEqual(asMarkdown);
  });

  it('SARIF for a .docx validates against the SARIF 2.1.0 schema, with the paragraph as a logical location and no fixes', async () => {
    const dir = await makeTree({ 'docs/proposal.docx': english, 'docs/a.md': 'Our industry-leading platform.\n' });
    dirs.push(dir);
    const { code, stdout, stderr } = await runInProcess(['-f', 'sarif', '--include-docx', 'docs'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const log = JSON.parse(stdout) as {
      runs: {
        results: {
          ruleId: string;
          fixes?: unknown[];
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; logicalLocations?: { name: string; kind: string; fullyQualifiedName: string; properties: { paragraph: number; excerpt: string } }[] }[];
        }[];
      }[];
    };
    const schema = JSON.parse(await readFile(join(repoRoot, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
    const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(schema);
    const valid = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);

    const results = log.runs[0]!.results;
    const fromDocx = results.filter((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'docs/proposal.docx');
    const puffery = fromDocx.find((r) => r.ruleId === 'puffery')!;
    expect(puffery.locations[0]!.physicalLocation.region.startLine).toBe(claimLine);
    expect(puffery.locations[0]!.logicalLocations).toEqual([
      {
        name: `paragraph ${PARAGRAPH.claim}`,
        fullyQualifiedName: `docs/proposal.docx#paragraph-${PARAGRAPH.claim}`,
        kind: 'paragraph',
        properties: { paragraph: PARAGRAPH.claim, excerpt: ENGLISH.claim.join('') },
      },
    ]);
    expect(fromDocx.every((r) => r.fixes === undefined)).toBe(true);
    // The Markdown file's puffery still offers its fix.
    expect(results.find((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'docs/a.md' && r.ruleId === 'puffery')!.fixes?.length).toBeGreaterThan(0);
  });
});
