/** SARIF output validates against the official SARIF 2.1.0 schema (shipped in test/schemas). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/core/types.js';
import { makeTree, removeTree, repoRoot, runInProcess } from './harness.js';

// ajv-formats is CommonJS with a default export; under NodeNext its default import is the module.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; helpUri: string; shortDescription: { text: string }; fullDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    columnKind: string;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
      fixes?: { description: { text: string }; artifactChanges: { replacements: { deletedRegion: Record<string, number>; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

const DOC = [
  '---',
  'title: Pilot',
  '---',
  '',
  '# Goals',
  '',
  'Our industry-leading platform will significantly improve performance.',
  '',
  '| Item | Target |',
  '| --- | --- |',
  '| Uptime | always available |',
  '',
  'Pay [TBD] within 30 days. 😀 The vendor shall use commercially reasonable efforts.',
  '',
].join('\r\n');

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeTree));
});

async function sarifFor(files: Record<string, string>, argv: string[]): Promise<{ log: SarifLog; raw: string }> {
  const dir = await makeTree(files);
  dirs.push(dir);
  const { code, stdout, stderr } = await runInProcess(['--format', 'sarif', ...argv], dir);
  expect(stderr).toBe('');
  expect(code).toBeLessThan(2);
  return { log: JSON.parse(stdout) as SarifLog, raw: stdout };
}

async function validator() {
  const schema = JSON.parse(await readFile(join(repoRoot, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
  return ajv.compile(schema);
}

describe('SARIF output', () => {
  it('validates against the official SARIF 2.1.0 schema', async () => {
    const validate = await validator();
    const { log } = await sarifFor({ 'docs/pilot rfp.md': DOC, 'docs/clean.md': 'Nothing to see.\n' }, ['--rule', 'unresolved-placeholder=error', '--rule', 'puffery=info', 'docs']);
    const ok = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
    expect(log.runs[0]!.results.length).toBeGreaterThan(3);
  });

  it('the schema rejects what SARIF forbids', async () => {
    const validate = await validator();
    expect(validate({ version: '2.1.0', runs: [{}] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'info' }] }] })).toBe(false);
  });

  it('validates when there are no results', async () => {
    const validate = await validator();
    const { log } = await sarifFor({ 'a.md': 'Nothing to see.\n' }, ['a.md']);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]!.results).toEqual([]);
  });

  it('describes the tool and every rule with a help URI and default level', async () => {
    const { log } = await sarifFor({ 'a.md': 'Nothing to see.\n' }, ['a.md']);
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('povlint');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const r of driver.rules) {
      expect(r.helpUri).toMatch(new RegExp(`/docs/rules/${r.id}\\.md$`));
      expect(r.shortDescription.text.length).toBeGreaterThan(10);
      expect(r.fullDescription.text.length).toBeGreaterThan(10);
      expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration.level);
    }
    expect(log.runs[0]!.columnKind).toBe('utf16CodeUnits');
  });

  it('maps results: levels, relative URIs, 1-based UTF-16 regions, fixes', async () => {
    const { log } = await sarifFor({ 'docs/pilot rfp.md': DOC }, ['--rule', 'unresolved-placeholder=error', '--rule', 'puffery=info', 'docs/pilot rfp.md']);
    const results = log.runs[0]!.results;
    const rules = log.runs[0]!.tool.driver.rules;
    for (const r of results) {
      expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
      const loc = r.locations[0]!.physicalLocation;
      expect(loc.artifactLocation).toEqual({ uri: 'docs/pilot%20rfp.md', uriBaseId: '%SRCROOT%' });
    }
    const puffery = results.find((r) => r.ruleId === 'puffery')!;
    expect(puffery.level).toBe('note');
    // Line 7 (CRLF line ends), `industry-leading` starts at column 5.
    expect(puffery.locations[0]!.physicalLocation.region).toEqual({ startLine: 7, startColumn: 5, endLine: 7, endColumn: 21 });
    const placeholder = results.find((r) => r.ruleId === 'unresolved-placeholder')!;
    expect(placeholder.level).toBe('error');
    const weak = results.find((r) => r.ruleId === 'weak-obligation');
    expect(weak?.level).toBe('warning');
    const withFix = results.find((r) => r.fixes && r.fixes.length > 0)!;
    const replacement = withFix.fixes![0]!.artifactChanges[0]!.replacements[0]!;
    expect(replacement.deletedRegion.startLine).toBeGreaterThan(0);
    expect(replacement.deletedRegion.startColumn).toBeGreaterThan(0);
    // Snippet syntax (tab stops) is expanded to plain text for SARIF consumers.
    expect(replacement.insertedContent.text).not.toMatch(/\$\{\d+[:|]/);
  });

  it('counts columns after an astral character in UTF-16 code units', async () => {
    const { log } = await sarifFor({ 'a.md': '😀 Our industry-leading platform.\n' }, ['a.md']);
    const r = log.runs[0]!.results.find((x) => x.ruleId === 'puffery')!;
    // 😀 is two UTF-16 code units, then a space: `industry-leading` starts at column 8.
    expect(r.locations[0]!.physicalLocation.region.startColumn).toBe(8);
  });
});
