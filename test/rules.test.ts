/**
 * The fixture harness: every Markdown fixture under test/fixtures/rules declares, with trailing
 * `<!-- expect rule[/severity], ... -->` markers, which rules fire on which line; every other line
 * must stay quiet. Each fixture also runs with CRLF line endings, and every offered fix is applied
 * and the result re-linted: it must not crash and must not re-flag the fixed span.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandWithDefaults } from '../src/core/clauses/index.js';
import { explain, lint, ruleMeta, RULE_IDS, type Finding, type RuleId, type TextEdit } from '../src/core/index.js';
import { documentRules } from '../src/core/rules/index.js';
import { scanBlocks } from '../src/core/parse/scan.js';

const dir = join(import.meta.dirname, 'fixtures', 'rules');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();

function expected(text: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /<!-- expect ([^>]*?) -->/.exec(line);
    if (m) out.set(i + 1, m[1]!.split(',').map((s) => s.trim()).sort());
  });
  return out;
}

function tag(f: Finding): string {
  return f.severity === 'hint' ? `${f.ruleId}/hint` : f.ruleId;
}

function actual(findings: Finding[]): Map<number, string[]> {
  const out = new Map<number, Set<string>>();
  for (const f of findings) {
    const s = out.get(f.start.line) ?? new Set<string>();
    s.add(tag(f));
    out.set(f.start.line, s);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

/** Whether the text holds something the rule reads: a vocabulary term, or a document rule's facts. */
function hasTrigger(rule: RuleId, text: string): boolean {
  const doc = documentRules.find((r) => r.meta.id === rule);
  if (doc) return scanBlocks(text).some((b) => b.kind === 'content' && doc.facts(text.slice(b.start, b.end), 'en') !== undefined);
  return explain(text).some((u) => u.matches.some((m) => m.rule === rule));
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    const insert = e.snippet ? expandWithDefaults(e.text) : e.text;
    out = out.slice(0, e.start) + insert + out.slice(e.end);
  }
  return out;
}

describe.each(fixtures)('fixture %s', (name) => {
  const lf = readFileSync(join(dir, name), 'utf8').replace(/\r\n/g, '\n');
  const variants: Array<[string, string]> = [
    ['LF', lf],
    ['CRLF', lf.replace(/\n/g, '\r\n')],
  ];

  it.each(variants)('flags exactly the marked lines (%s)', (_eol, text) => {
    expect(Object.fromEntries(actual(lint(text)))).toEqual(Object.fromEntries(expected(text)));
  });

  if (name.endsWith('-ok.md')) {
    it('is quiet although its rule has something to read (an -ok fixture proves a suppression)', () => {
      const rule = name.replace(/-ok\.md$/, '') as RuleId;
      expect(RULE_IDS).toContain(rule);
      expect(expected(lf).size).toBe(0);
      expect(hasTrigger(rule, lf)).toBe(true);
    });
  } else {
    it('marks at least one finding', () => {
      expect(expected(lf).size).toBeGreaterThan(0);
    });
  }

  it('applies every fix without crashing and without re-flagging the fixed span', () => {
    expect.hasAssertions();
    const findings = lint(lf);
    const withFixes = findings.filter((f) => f.fixes.length > 0);
    // Rules that offer no fix carry none; a fixture with findings of a rule that offers fixes gets some.
    for (const f of findings) if (ruleMeta(f.ruleId).fixes.length === 0) expect(f.fixes, `${f.ruleId} at line ${f.start.line}`).toEqual([]);
    expect(withFixes.length > 0).toBe(findings.some((f) => ruleMeta(f.ruleId).fixes.length > 0));
    for (const finding of withFixes) {
      for (const fix of finding.fixes) {
        const fixed = applyEdits(lf, fix.edits);
        const first = [...fix.edits].sort((a, b) => a.start - b.start)[0]!;
        // Text before the first edit is untouched.
        expect(fixed.slice(0, first.start)).toBe(lf.slice(0, first.start));
        const inserted = fix.edits.length === 1 ? (first.snippet ? expandWithDefaults(first.text) : first.text) : '';
        const span: [number, number] = [first.start, first.start + inserted.length];
        const again = lint(fixed).filter(
          (f) => f.ruleId === finding.ruleId && f.start.offset < Math.max(span[1], span[0] + 1) && f.end.offset > span[0],
        );
        expect(again, `${fix.title} on ${finding.term}`).toEqual([]);
      }
    }
  });
});
