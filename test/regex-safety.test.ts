/**
 * No catastrophic backtracking. Every regular expression povlint runs is checked three ways:
 *
 * 1. the shared checker (src/core/regex-safety.ts) that guards config and option patterns rejects
 *    the classic catastrophic shapes and accepts ordinary term patterns;
 * 2. recheck, a real ReDoS analyser, finds no exponential case in any vocabulary pattern,
 *    recogniser, the placeholder pattern or any regular-expression literal in src/core, and no
 *    polynomial case beyond the ones listed below;
 * 3. every compiled pattern, and the matchers built from the vocabularies, run on adversarial
 *    text of 2,000 and 16,000 characters without a blow-up (generous bounds: this only fails on
 *    a real catastrophe, never on a noisy machine).
 *
 * Custom terms: strings from a config are escaped as literal text, unsafe `{ pattern }` terms are
 * rejected by the config loader and ignored by the core.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSync, type Diagnostics } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/core/config/index.js';
import { lint } from '../src/core/index.js';
import { measure, RECOGNISERS } from '../src/core/measure/index.js';
import { regexProblem } from '../src/core/regex-safety.js';
import { PLACEHOLDER_PATTERN } from '../src/core/rules/unresolved-placeholder.js';
import { PATTERNS as REMEDY_PATTERNS } from '../src/core/rules/missing-remedy.js';
import { PATTERNS as SCORECARD_PATTERNS } from '../src/core/scorecard/vocab.js';
import { PATTERNS as SLA_PATTERNS } from '../src/core/rules/sla-consistency.js';
import { QUANTITY_PATTERNS } from '../src/core/measure/quantities.js';
import { cuePatterns } from '../src/core/score/features.js';
import { LOCALES } from '../src/core/types.js';
import { VOCABULARIES } from '../src/core/vocab/index.js';
import { compileVocabulary, entrySource } from '../src/core/vocab/matcher.js';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Pattern {
  name: string;
  source: string;
  flags: string;
}

/** Every regular-expression literal in src/core (tests excluded), found with the TypeScript parser. */
function coreLiterals(): Pattern[] {
  const out: Pattern[] = [];
  const walkDir = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walkDir(path);
      else if (/\.ts$/.test(entry.name) && !/\.(?:test|d)\.ts$/.test(entry.name)) {
        const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
        const visit = (node: ts.Node): void => {
          if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
            const text = node.getText(file);
            const slash = text.lastIndexOf('/');
            const source = text.slice(1, slash);
            // Named by file and the start of the source, which stay put when lines move.
            out.push({ name: `${relative(root, path)} /${source.slice(0, 32)}`, source, flags: text.slice(slash + 1) });
          }
          ts.forEachChild(node, visit);
        };
        visit(file);
      }
    }
  };
  walkDir(join(root, 'src', 'core'));
  return out;
}

function builtinPatterns(): Pattern[] {
  const out: Pattern[] = [];
  for (const locale of LOCALES) {
    for (const e of VOCABULARIES[locale].entries) {
      out.push({ name: `vocab ${locale} "${e.term}"`, source: entrySource(e), flags: 'iu' });
      if (e.unlessBefore) out.push({ name: `vocab ${locale} "${e.term}" unlessBefore`, source: `(?:${e.unlessBefore})$`, flags: 'iu' });
      if (e.unlessAfter) out.push({ name: `vocab ${locale} "${e.term}" unlessAfter`, source: `^(?:${e.unlessAfter})`, flags: 'iu' });
      if (e.onlyBefore) out.push({ name: `vocab ${locale} "${e.term}" onlyBefore`, source: `(?:${e.onlyBefore})$`, flags: 'iu' });
    }
    for (const r of RECOGNISERS[locale]) out.push({ name: `recogniser ${locale} ${r.id}`, source: r.pattern, flags: 'giu' });
  }
  out.push({ name: 'placeholder', source: PLACEHOLDER_PATTERN.source, flags: PLACEHOLDER_PATTERN.flags });
  for (const [name, re] of Object.entries(REMEDY_PATTERNS)) out.push({ name: `missing-remedy ${name}`, source: re.source, flags: re.flags });
  for (const [name, re] of Object.entries(SCORECARD_PATTERNS)) out.push({ name: `scorecard ${name}`, source: re.source, flags: re.flags });
  for (const [name, re] of Object.entries(SLA_PATTERNS)) out.push({ name: `sla-consistency ${name}`, source: re.source, flags: re.flags });
  for (const [name, re] of Object.entries(QUANTITY_PATTERNS)) out.push({ name: `quantities ${name}`, source: re.source, flags: re.flags });
  out.push(...cuePatterns());
  return out;
}

const LITERALS = coreLiterals();
const BUILTIN = builtinPatterns();

/**
 * Patterns recheck finds quadratic: with the search tried at every start position, each start
 * scans the same run of digits, spaces, words or placeholder text again (`\s+$` on a long run of
 * spaces is the plainest case). They are fine on sentences and lines of ordinary length; on one
 * line of a megabyte they are not, which `npm run bench` measures. Reported to their owners; the
 * dynamic check below still bounds them. Remove an entry when its pattern is made linear: a test
 * fails until then, so the list only shrinks.
 */
const KNOWN_POLYNOMIAL = new Set<string>([
  'vocab zh "满足相关标准"',
  'recogniser en percent',
  'recogniser en ratio',
  'recogniser en range',
  'recogniser en reference',
  'recogniser zh percent',
  'recogniser zh currency',
  'recogniser zh quantity',
  'recogniser zh within',
  'recogniser zh range',
  'placeholder',
  'src/core/analysis.ts /^\\d{1,3}(?:\\.\\d{1,3})*\\.?\\s+(.*)',
  'src/core/clauses/library.ts /\\s+$',
  'src/core/directives.ts /<!--\\s*povlint-(disable-next-lin',
  'src/core/parse/sentences.ts /([A-Za-z][A-Za-z.]*)$',
  'src/core/parse/units.ts /<!--[^]*?(?:-->|$)|<(\\/?)([A-Za-',
  'missing-remedy commit en',
  'missing-remedy commit zh',
  'src/core/rules/unresolved-placeholder.ts /\\[(?:TBD|TBC|TODO|TBA|X{1,3}|N|\\',
  'src/core/rules/util.ts /["\'“‘([*_\\s-]+$',
  'src/core/rules/util.ts /([A-Za-z][\\w\'’-]*)\\s+(?:(?:and|o',
  'src/core/rules/util.ts /\\s+$',
]);

describe('the shared regex checker', () => {
  it.each([
    ['(?:a+)+', 'nested quantifier'],
    ['(?:a*)*b', 'nested quantifier'],
    ['(?:(?:a+))+c', 'nested quantifier'],
    ['(?:\\w+\\s?)*$', 'nested quantifier'],
    ['(?:a|a)+c', 'repeated alternation'],
    ['(?:a|aa)+$', 'repeated alternation'],
    ['(?:\\d|\\w)*x', 'repeated alternation'],
    ['(a)\\1', 'back-reference'],
    ['(?<n>a)\\k<n>', 'back-reference'],
    ['(best)', 'capturing group'],
    ['[unclosed', 'invalid regular expression'],
    ['a'.repeat(201), 'at most 200'],
    ['', 'non-empty'],
  ])('rejects %s (%s)', (pattern, reason) => {
    expect(regexProblem(pattern)).toContain(reason);
  });

  it.each([
    'best[- ]in[- ]class',
    'improv(?:e|es|ed|ing|ement)',
    '(?:foo|bar)+',
    '(?<![\\p{L}\\p{N}_])cutting[- ]edge(?![\\p{L}])',
    '\\d+(?:\\.\\d+)?\\s?%',
    '(?:commercially\\s+)?reasonabl[ey]',
    'up to \\d{1,3}',
    '\\u{1F600}+',
    '显著(?:提升|提高)',
  ])('accepts %s', (pattern) => {
    expect(regexProblem(pattern)).toBeUndefined();
  });
});

describe('built-in patterns under a ReDoS analyser', () => {
  const analyse = (p: Pattern): Diagnostics => checkSync(p.source, p.flags.replace(/[gy]/g, ''), { timeout: 20_000, randomSeed: 20260611 });

  it('finds every regular-expression literal of the core', () => {
    expect(LITERALS.length).toBeGreaterThan(20);
    expect(LITERALS.some((l) => l.name.startsWith('src/core/rules/unresolved-placeholder.ts'))).toBe(true);
  });

  it('finds nothing exponential or unexpectedly polynomial', () => {
    const problems: string[] = [];
    const polynomial = new Set<string>();
    for (const p of [...BUILTIN, ...LITERALS]) {
      const d = analyse(p);
      if (d.status === 'unknown') problems.push(`${p.name}: analysis failed (${d.error.kind}) for /${p.source}/${p.flags}`);
      else if (d.status === 'vulnerable') {
        if (d.complexity.type === 'exponential' || !KNOWN_POLYNOMIAL.has(p.name)) {
          problems.push(`${p.name}: ${d.complexity.summary}, e.g. ${JSON.stringify(d.attack.pattern)} on /${p.source}/${p.flags}`);
        }
        polynomial.add(p.name);
      }
    }
    expect(problems).toEqual([]);
    expect([...KNOWN_POLYNOMIAL].filter((n) => !polynomial.has(n))).toEqual([]);
  }, 600_000);
});

// ---------------------------------------------------------------------------------------------
// Dynamic check

const SIZES = [2_000, 16_000] as const;

/** Fragments that make regex engines backtrack: runs of what the patterns repeat. */
const GENERIC = [' ', 'a', '1', '1,', '0.', '1,000,', '\t', 'a ', '1 ', 'aa-', '[A', '[insert ', '${1:', '${1|', '{{ ', '<insert ', '【填写', 'XX', '百一', '0,0', '一', '从1', '按照', 'per ', 'from 1 ', 'within ', 'the ', 'as defined in ', '$1', '< 1', 'x', '.'];

function fragmentsOf(source: string): string[] {
  const words = source.match(/[A-Za-z]{2,}|[\u4e00-\u9fff]{1,4}/g) ?? [];
  const out = new Set(GENERIC);
  for (const w of words.slice(0, 12)) {
    out.add(w);
    out.add(`${w} `);
    out.add(`${w} 1 `);
  }
  return [...out];
}

function adversarial(fragment: string, size: number): string {
  return fragment.repeat(Math.ceil(size / fragment.length)).slice(0, size) + '!';
}

/** Milliseconds of the fastest of three runs of `run(text)`. */
function fastest(run: (text: string) => unknown, text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    run(text);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/**
 * Fails only on a catastrophe: more than 300 ms on 16,000 characters while 8 times the input took
 * more than 50 times as long (linear is 8 times; quadratic 64; exponential never returns). A known
 * quadratic pattern fails only past 4 seconds, which only an exponential case reaches.
 */
function blowUps(name: string, run: (text: string) => unknown, fragments: readonly string[], quadratic = KNOWN_POLYNOMIAL.has(name)): string[] {
  const out: string[] = [];
  const limit = quadratic ? 4_000 : 300;
  for (const f of fragments) {
    const [small, large] = SIZES.map((n) => fastest(run, adversarial(f, n)));
    if (large! > limit && large! > 50 * Math.max(small!, 0.5)) {
      out.push(`${name}: ${JSON.stringify(f)} x ${SIZES[1]} took ${large!.toFixed(0)} ms (${small!.toFixed(1)} ms at ${SIZES[0]})`);
    }
  }
  return out;
}

function runAll(re: RegExp): (text: string) => number {
  return (text) => {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    let n = 0;
    for (let m = g.exec(text); m; m = g.exec(text)) {
      if (m[0].length === 0) g.lastIndex++;
      n++;
    }
    return n;
  };
}

describe('built-in patterns on adversarial text', () => {
  it('show no blow-up on 2,000 and 16,000 characters', () => {
    const problems: string[] = [];
    for (const p of [...BUILTIN, ...LITERALS]) {
      problems.push(...blowUps(p.name, runAll(new RegExp(p.source, p.flags)), fragmentsOf(p.source)));
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('show no blow-up in the compiled vocabulary matchers and the recognisers', () => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      const compiled = compileVocabulary(VOCABULARIES[locale]);
      const fragments = [...new Set([...GENERIC, ...VOCABULARIES[locale].entries.slice(0, 40).map((e) => `${e.term} `)])];
      problems.push(...blowUps(`vocabulary ${locale} any`, (t) => compiled.any.test(t), fragments));
      for (const [rule, matcher] of compiled.byRule) problems.push(...blowUps(`vocabulary ${locale} ${rule}`, (t) => matcher.matchAll(t), fragments));
      // The recognisers include known quadratic ones (see KNOWN_POLYNOMIAL).
      problems.push(...blowUps(`measure ${locale}`, (t) => measure(t, locale), GENERIC, true));
    }
    expect(problems).toEqual([]);
  }, 600_000);
});

// ---------------------------------------------------------------------------------------------
// Custom terms

describe('custom terms', () => {
  const at = (text: string, options: Parameters<typeof lint>[1]) =>
    lint(text, options)
      .filter((f) => f.ruleId === 'puffery')
      .map((f) => text.slice(f.start.offset, f.end.offset));

  it('match a string term as literal text, however it looks', () => {
    const terms = ['a.b+(c', '(?:x+)+$', '[TBD-like]', 'x\\d'];
    const options = { rules: { puffery: { terms } } };
    expect(at('We offer a.b+(c today.', options)).toContain('a.b+(c');
    expect(at('We offer aXbbb(c today.', options)).toEqual([]);
    expect(at('We offer (?:x+)+$ today.', options)).toContain('(?:x+)+$');
    expect(at(`We offer ${'x'.repeat(5_000)}y today.`, options)).toEqual([]);
    expect(at('We offer x\\d and x1 today.', options)).toEqual(['x\\d']);
  });

  it('use a safe pattern term and ignore an unsafe one or one with a capturing group', () => {
    const options = { rules: { puffery: { terms: [{ pattern: 'frob(?:nicated|s)?' }, { pattern: '(?:a|a)+c' }, { pattern: '(?:(?:a+))+c' }, { pattern: 'zz(q)' }] } } };
    expect(at('It frobnicated well.', options)).toEqual(['frobnicated']);
    const t = performance.now();
    expect(at(`We are ${'a'.repeat(40)}! c zzq`, options)).toEqual([]);
    expect(performance.now() - t).toBeLessThan(5_000);
  });

  it('ignore pattern terms when patterns are not allowed', () => {
    expect(at('It frobnicated well.', { allowPatterns: false, rules: { puffery: { terms: [{ pattern: 'frob(?:nicated)?' }] } } })).toEqual([]);
  });

  it('reject an unsafe pattern in a config file with the reason and its place', () => {
    const text = '{\n  "rules": {\n    "puffery": { "terms": [{ "pattern": "(?:a|aa)+$" }] }\n  }\n}\n';
    const { errors } = parseConfig(text, '.povlint.jsonc');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: '.povlint.jsonc', line: 3, key: 'rules.puffery.terms[0].pattern' });
    expect(errors[0]!.message).toMatch(/unsafe regular expression \(repeated alternation/);
  });
});
