/**
 * The rule registry is the one list of rules: every rule there has its module named after its id,
 * a docs page and a fixture, and the id list of the types (RULE_IDS) is the registry's, in order.
 * Generated parts (README table, docs index, the severity setting, the grammar's rule ids) are
 * checked by test/generated.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../src/core/index.js';
import { documentRules, rules, unitRules } from '../src/core/rules/index.js';

const ROOT = join(import.meta.dirname, '..');
const RULE_DIR = join(ROOT, 'src', 'core', 'rules');
const NOT_RULES = new Set(['define.ts', 'index.ts', 'util.ts']);

describe('rule registry', () => {
  it('lists RULE_IDS, in order, each once', () => {
    expect(rules.map((r) => r.meta.id)).toEqual([...RULE_IDS]);
  });

  it('every rule module is registered and named after its id', () => {
    const files = readdirSync(RULE_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_RULES.has(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each([...RULE_IDS])('%s has a docs page and a fixture that marks it', (id) => {
    expect(existsSync(join(ROOT, 'docs', 'rules', `${id}.md`))).toBe(true);
    const fixture = join(ROOT, 'test', 'fixtures', 'rules', `${id}.md`);
    expect(existsSync(fixture)).toBe(true);
    expect(readFileSync(fixture, 'utf8')).toMatch(new RegExp(`<!-- expect [^>]*\\b${id}\\b`));
  });

  it('every rule is a unit rule or a document rule, by its scope', () => {
    expect([...unitRules, ...documentRules].map((r) => r.meta.id).sort()).toEqual([...RULE_IDS].sort());
    for (const r of documentRules) expect(r.meta.scope).toBe('document');
    for (const r of unitRules) expect(r.meta.scope).toBe('unit');
  });
});
