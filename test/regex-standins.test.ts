/**
 * Faster stand-ins for regular expressions must not change a result: recognisers compiled without
 * the `u` flag find exactly the matches of the originals, the vocabularies' loose pre-tests match
 * wherever the exact matchers do, and topic terms are skipped only when their literal prefix is
 * missing. Checked on the corpus sentences (when present), the fixtures and generated text.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTerm, literalPrefix, scoreTopics, TOPIC_VOCABULARY } from '../src/core/clauses/topics.js';
import { TOPICS } from '../src/core/clauses/types.js';
import { RECOGNISERS } from '../src/core/measure/index.js';
import { NEEDS_UNICODE, withoutUnicode } from '../src/core/unicode-regex.js';
import { LOCALES } from '../src/core/types.js';
import { VOCABULARIES } from '../src/core/vocab/index.js';
import { compileVocabulary, mayHoldTerm } from '../src/core/vocab/matcher.js';
import { corpusFiles } from './helpers/corpus.js';
import { markdownFiles } from './helpers/files.js';

const ROOT = join(import.meta.dirname, '..');

function sentences(): string[] {
  const files = [
    ...corpusFiles('docs'),
    ...corpusFiles('docs-zh'),
    ...markdownFiles(join(ROOT, 'test', 'fixtures')),
    ...markdownFiles(join(ROOT, 'examples')),
  ];
  return files.flatMap((f) => readFileSync(f, 'utf8').split(/(?<=[.!?。；])\s*|\n+/)).filter((s) => s.trim().length > 3);
}

const all = (re: RegExp, text: string): string[] => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);

/** Text made of ASCII and non-ASCII letters, digits, symbols and white space, with or without characters that need `u`. */
const text = (withUnicodeOnly: boolean): fc.Arbitrary<string> =>
  fc
    .array(
      fc.constantFrom(
        ...'abc xyz 99.9% $10 5 days 3x faster within 30 minutes per month at least 20 ms SLA Section 4 ISO 27001 é É ß ø Ω 中 。 € ≤ - / , . ( )'.split(' '),
        ' ',
        '\n',
        ...(withUnicodeOnly ? ['ſ', 'K', '😀'] : []),
      ),
      { maxLength: 30 },
    )
    .map((xs) => xs.join(''));

describe('regular-expression stand-ins', () => {
  const corpus = sentences();

  it('recognisers without `u` find what the originals find', () => {
    for (const locale of LOCALES) {
      for (const rec of RECOGNISERS[locale]) {
        const fast = withoutUnicode(rec.pattern, 'giu');
        if (!fast) continue;
        const exact = new RegExp(rec.pattern, 'giu');
        for (const s of corpus) if (!NEEDS_UNICODE.test(s)) expect(all(fast, s), `${rec.id}: ${s}`).toEqual(all(exact, s));
        fc.assert(
          fc.property(text(false), (t) => {
            expect(all(fast, t), rec.id).toEqual(all(exact, t));
          }),
          { seed: 7, numRuns: 300 },
        );
      }
    }
  }, 120_000);

  it('texts with characters that need `u` are recognised', () => {
    expect(NEEDS_UNICODE.test('ſ')).toBe(true);
    expect(NEEDS_UNICODE.test('\u212A')).toBe(true);
    expect(NEEDS_UNICODE.test('😀')).toBe(true);
    expect(NEEDS_UNICODE.test('Größe 中文 é')).toBe(false);
    // The stand-in differs there, which is why it is not used on such text.
    const exact = /\bsla\b/giu;
    const fast = withoutUnicode('\\bsla\\b', 'giu')!;
    expect(all(exact, 'ſla')).not.toEqual(all(fast, 'ſla'));
  });

  it('patterns that need `u` get no stand-in', () => {
    expect(withoutUnicode('\\p{L}+', 'u')).toBeUndefined();
    expect(withoutUnicode('\\u{1F600}', 'u')).toBeUndefined();
    expect(withoutUnicode('straße', 'iu')).toBeUndefined();
    expect(withoutUnicode('中文|99%', 'iu')).toBeInstanceOf(RegExp);
  });

  it('the vocabularies’ loose pre-test never misses a term', () => {
    for (const locale of LOCALES) {
      const v = compileVocabulary(VOCABULARIES[locale]);
      expect(v.anyLoose).toBeInstanceOf(RegExp);
      for (const s of corpus) if (v.any.test(s)) expect(mayHoldTerm(v, s), s).toBe(true);
      for (const [rule, m] of v.byRule) {
        expect(m.pre, rule).toBeInstanceOf(RegExp);
        const pre = new RegExp(m.pre!.source, m.pre!.flags.replace('g', ''));
        const exact = new RegExp(m.re.source, m.re.flags.replace('g', ''));
        for (const s of corpus) if (!NEEDS_UNICODE.test(s) && exact.test(s)) expect(pre.test(s), `${rule}: ${s}`).toBe(true);
        // Every term, alone and inside text, with ASCII and non-ASCII neighbours.
        for (const e of m.entries) {
          for (const t of [e.term, `x ${e.term}.`, `é${e.term}é`, `(${e.term})`, `${e.term.toUpperCase()}`]) {
            if (!NEEDS_UNICODE.test(t) && exact.test(t)) expect(pre.test(t), `${rule}: ${t}`).toBe(true);
          }
        }
      }
    }
  }, 120_000);

  it('topic terms are skipped only when their literal prefix is missing', () => {
    expect(literalPrefix('response times?')).toBe('response time');
    expect(literalPrefix('fast(?:er|est)?')).toBe('fast');
    expect(literalPrefix('speeds?')).toBe('speed');
    expect(literalPrefix('a+b')).toBe('a');
    expect(literalPrefix('[a-z]x')).toBe('');
    expect(literalPrefix('uptime|availability')).toBe('');
    expect(literalPrefix('(?:a|b)c')).toBe('');
    expect(literalPrefix('x{2}')).toBe('');
    const terms = Object.values(TOPIC_VOCABULARY.en).flat().map((t) => (typeof t === 'string' ? t : t.pattern));
    for (const term of terms) {
      const prefix = literalPrefix(term);
      if (!prefix) continue;
      const re = compileTerm(term, 'en');
      for (const s of corpus) if (re.test(s)) expect(s.toLowerCase().includes(prefix), `${term}: ${s}`).toBe(true);
    }
  }, 120_000);

  it('topic scores equal trying every term on every text', () => {
    const compiled = TOPICS.flatMap((topic) =>
      (TOPIC_VOCABULARY.en[topic] ?? []).map((t) => ({ topic, weight: typeof t === 'string' ? 1 : (t.weight ?? 1), re: compileTerm(t, 'en') })),
    );
    const reference = (text: string): unknown => {
      const scores = new Map<string, { topic: string; score: number; terms: string[]; first: number }>();
      for (const { topic, weight, re } of compiled) {
        const m = re.exec(text);
        if (!m) continue;
        const s = scores.get(topic) ?? { topic, score: 0, terms: [], first: m.index };
        scores.set(topic, s);
        s.score += weight;
        s.terms.push(m[0]);
        s.first = Math.min(s.first, m.index);
      }
      return [...scores.values()].sort((a, b) => b.score - a.score || a.first - b.first || TOPICS.indexOf(a.topic as never) - TOPICS.indexOf(b.topic as never));
    };
    const claims = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'topic-claims.json'), 'utf8')) as unknown;
    const texts = [...corpus, ...JSON.stringify(claims).split('"'), 'K-fast Kfast \u212Afast', 'Response-time RESPONSE TIME', 'İlatency ſcale'];
    for (const t of texts) expect(scoreTopics(t, 'en'), t).toEqual(reference(t));
  }, 120_000);

  it('term matches equal the exact matcher’s, next to letters of any script too', () => {
    for (const locale of LOCALES) {
      const v = compileVocabulary(VOCABULARIES[locale]);
      for (const [rule, m] of v.byRule) {
        const exact = (text: string): unknown[] => {
          const re = new RegExp(m.re.source, m.re.flags);
          const out: unknown[] = [];
          for (let x = re.exec(text); x; x = re.exec(text)) {
            if (x[0].length === 0) {
              re.lastIndex++;
              continue;
            }
            let gi = 1;
            while (gi < x.length && x[gi] === undefined) gi++;
            out.push({ entry: m.entries[gi - 1], start: x.index, end: x.index + x[0].length, text: x[0] });
          }
          return out;
        };
        const texts = [...corpus];
        for (const e of m.entries) for (const t of [e.term, `é${e.term}`, `${e.term}ü`, `中${e.term}`, `x ${e.term} ${e.term}é ${e.term}.`, `ſ ${e.term}`, `${e.term} 😀`]) texts.push(t);
        for (const t of texts) expect(m.matchAll(t), `${rule}: ${t}`).toEqual(exact(t));
      }
    }
  }, 120_000);
});
