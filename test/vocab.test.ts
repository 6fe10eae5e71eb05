/**
 * The vocabularies are data, and this is their schema and lint: every entry names a rule and a
 * reason, no term is listed twice or is swallowed by another entry's pattern, and every pattern
 * compiles with the Unicode flag, has no capturing group and passes the same safety check as a
 * pattern from a config file.
 */
import { describe, expect, it } from 'vitest';
import { regexProblem } from '../src/core/regex-safety.js';
import { LOCALES, RULE_IDS } from '../src/core/types.js';
import { VOCABULARIES } from '../src/core/vocab/index.js';
import { entrySource } from '../src/core/vocab/matcher.js';
import type { VocabEntry } from '../src/core/vocab/types.js';

/** Built-in patterns may be longer than a config pattern; everything else is checked alike. */
const VOCAB_MAX_PATTERN_LENGTH = 600;

/**
 * Overlaps present today, each reported to the vocabulary's owners: `term` is matched in full by
 * the pattern of `by`, so one text has two candidate entries (and the matcher, which tries longer
 * terms first, uses `by`'s kind, reason and replacement). Listed so that a new overlap fails the
 * test; a test below fails when one of these is resolved, so the list only shrinks.
 */
const KNOWN_OVERLAPS: ReadonlyArray<{ locale: string; term: string; by: string }> = [
];

const FIELDS = ['pattern', 'unlessBefore', 'unlessAfter', 'onlyBefore'] as const;

/**
 * A pattern compiled from a word list (`lexicon`) is as long as the list; it is safe by
 * construction (literal letters, non-capturing groups, `?`), which test/open-class.test.ts checks.
 */
function maxLength(e: VocabEntry, field: (typeof FIELDS)[number]): number {
  return field === 'pattern' && e.lexicon !== undefined ? 20_000 : VOCAB_MAX_PATTERN_LENGTH;
}

function normalise(term: string): string {
  return term.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function captureCount(source: string): number {
  return new RegExp(`${source}|`, 'u').exec('')!.length - 1;
}

function overlaps(entries: readonly VocabEntry[]): Array<{ term: string; by: string }> {
  const whole = entries.map((e) => new RegExp(`^(?:${entrySource(e)})$`, 'iu'));
  const out: Array<{ term: string; by: string }> = [];
  entries.forEach((a, i) => {
    entries.forEach((b, j) => {
      if (i !== j && whole[j]!.test(a.term)) out.push({ term: a.term, by: b.term });
    });
  });
  return out;
}

describe.each(LOCALES)('vocabulary %s', (locale) => {
  const vocab = VOCABULARIES[locale];
  const entries = vocab.entries;

  it('is for its locale and has entries', () => {
    expect(vocab.locale).toBe(locale);
    expect(typeof vocab.wordBoundaries).toBe('boolean');
    expect(entries.length).toBeGreaterThan(0);
  });

  it('gives every entry a term, a known rule and a reason', () => {
    const bad = entries.filter(
      (e) =>
        typeof e.term !== 'string' ||
        e.term.trim() === '' ||
        !(RULE_IDS as readonly string[]).includes(e.rule) ||
        typeof e.reason !== 'string' ||
        e.reason.trim().length < 10,
    );
    expect(bad.map((e) => e.term)).toEqual([]);
  });

  it('lists no term twice', () => {
    const seen = new Set<string>();
    const dups: string[] = [];
    for (const e of entries) {
      const k = normalise(e.term);
      if (seen.has(k)) dups.push(e.term);
      seen.add(k);
    }
    expect(dups).toEqual([]);
  });

  it('has no term that another entry matches, beyond the known overlaps', () => {
    const known = KNOWN_OVERLAPS.filter((k) => k.locale === locale).map(({ term, by }) => ({ term, by }));
    const found = overlaps(entries);
    expect(found.filter((o) => !known.some((k) => k.term === o.term && k.by === o.by))).toEqual([]);
    // A resolved overlap must leave the known list.
    expect(known.filter((k) => !found.some((o) => k.term === o.term && k.by === o.by))).toEqual([]);
  });

  it.each(FIELDS)('compiles every %s with the u flag, without capturing groups', (field) => {
    const bad: string[] = [];
    for (const e of entries) {
      const src = e[field];
      if (src === undefined) continue;
      try {
        new RegExp(src, 'giu');
        if (captureCount(src) > 0) bad.push(`${e.term}: capturing group in ${src}`);
      } catch (err) {
        bad.push(`${e.term}: ${(err as Error).message}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it.each(FIELDS)('has only safe %s patterns', (field) => {
    const bad: string[] = [];
    for (const e of entries) {
      const src = e[field];
      if (src === undefined) continue;
      const problem = regexProblem(src, { maxLength: maxLength(e, field) });
      if (problem) bad.push(`${e.term}: ${problem} in ${src}`);
    }
    expect(bad).toEqual([]);
  });

  it('turns literal terms into safe sources', () => {
    const bad = entries
      .filter((e) => e.pattern === undefined)
      .map((e) => [e.term, regexProblem(entrySource(e), { maxLength: VOCAB_MAX_PATTERN_LENGTH })] as const)
      .filter(([, problem]) => problem !== undefined);
    expect(bad).toEqual([]);
  });
});
