/**
 * Candidates from classes of English rather than listed terms: positive-evaluation adjectives of a
 * published lexicon (as predicate of the offered thing or its owner's attribute), superlative
 * forms, and degree adverbs; and the scorer's own bar for units that hold nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain } from '../src/core/index.js';
import { model, OPEN_ONLY, scoreFeatures, unitFeatures, type ScoreModel } from '../src/core/score/index.js';
import { OPEN_CLASS_KINDS } from '../src/core/score/features.js';
import { analyseUnit } from '../src/core/analysis.js';
import { VOCABULARIES } from '../src/core/vocab/index.js';
import { resolveLexicons, triePattern } from '../src/core/vocab/lexicon.js';
import LEXICON from '../src/core/vocab/lexicon.en.json' with { type: 'json' };
import { entrySource } from '../src/core/vocab/matcher.js';
import { MIN_VALENCE, selectAdjectives } from '../scripts/gen/lexicon.js';

/** The kinds of the candidates explain finds in a one-unit text (before the scorer decides). */
function kinds(text: string): string[] {
  const [unit] = explain(text, { scorer: false, locale: 'en' });
  const features = unit?.scorer?.features ?? {};
  return Object.keys(features)
    .filter((k) => k.startsWith('kind:'))
    .map((k) => k.split(':').slice(1).join(':'))
    .sort();
}

describe('triePattern', () => {
  it('matches exactly the words of the list', () => {
    const word = fc.stringMatching(/^[a-e]{1,6}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 30 }), fc.array(word, { maxLength: 30 }), (words, probes) => {
        const re = new RegExp(`^(?:${triePattern(words)})$`, 'u');
        for (const w of words) expect(re.test(w), w).toBe(true);
        for (const p of probes) expect(re.test(p), p).toBe(words.includes(p));
      }),
    );
  });

  it('shares prefixes instead of listing every word', () => {
    expect(triePattern(['great', 'greater', 'good', 'go'])).toBe('g(?:o(?:od)?|reat(?:er)?)');
    expect(triePattern(['self-confident', 'safe'])).toBe('s(?:afe|elf-confident)');
  });

  it('refuses a word that is not lower-case letters and hyphens, naming it', () => {
    expect(() => triePattern(['good', 'Great'])).toThrow(/"Great"/);
    expect(() => triePattern(['a|b'])).toThrow(/"a\|b"/);
  });
});

describe('resolveLexicons', () => {
  const entry = { term: 'good', rule: 'unmeasured-claim' as const, reason: 'a positive evaluation', lexicon: 'praise' };

  it('gives an entry naming a word list the list as its pattern', () => {
    const [e] = resolveLexicons([entry], { praise: { words: ['good', 'nice'] } });
    expect(e!.pattern).toBe('(?:good|nice)');
    expect(new RegExp(`^(?:${entrySource(e!)})$`).test('nice')).toBe(true);
  });

  it('leaves other entries as they are and names an unknown list', () => {
    const plain = { term: 'robust', rule: 'puffery' as const, reason: 'praise nobody can verify' };
    expect(resolveLexicons([plain], {})[0]).toBe(plain);
    expect(() => resolveLexicons([entry], {})).toThrow('vocabulary entry "good": unknown lexicon "praise"');
  });
});

describe('the shipped evaluative lexicon', () => {
  const words = LEXICON.lists['evaluative-adjectives'].words;

  it('records its source, licence and notices', () => {
    expect(LEXICON.source.package).toMatch(/^vader-sentiment@\d/);
    expect(LEXICON.source.licence).toMatch(/MIT/);
    expect(LEXICON.source.notices.join('\n')).toMatch(/Copyright \(c\) 2016 C\.J\. Hutto/);
    expect(LEXICON.source.notices.join('\n')).toMatch(/Comcast/);
  });

  it('is a sorted list of distinct lower-case words that no listed entry already matches', () => {
    expect(words.length).toBeGreaterThan(100);
    expect([...words].sort()).toEqual(words);
    expect(new Set(words).size).toBe(words.length);
    const listed = VOCABULARIES.en.entries.filter((e) => e.lexicon === undefined).map((e) => new RegExp(`^(?:${entrySource(e)})$`, 'iu'));
    expect(words.filter((w) => listed.some((re) => re.test(w)))).toEqual([]);
  });

  it('is compiled into the English entry that names it', () => {
    const e = VOCABULARIES.en.entries.find((x) => x.lexicon === 'evaluative-adjectives');
    expect(e?.pattern).toBe(triePattern(words));
    expect(e?.kind).toBe('open-lexicon');
  });
});

describe('selectAdjectives (the lexicon generator)', () => {
  const tags: Record<string, string[]> = {
    splendid: ['JJ'],
    amazing: ['VBG', 'JJ'],
    benefit: ['NN', 'VB'],
    approved: ['VBD', 'VBN', 'JJ'],
    best: ['JJS', 'RBS'],
    like: ['IN', 'JJ', 'VB'],
    neat: ['JJ'],
  };
  const lines = ['splendid\t2.5\t0.5\t[]', 'amazing\t2.8', 'benefit\t2.0', 'approved\t1.8', 'best\t3.2', 'like\t1.5', 'neat\t2.0', 'flawless\t2.3', 'yay\t2.4', 'dull\t-1.7', 'lovely\t2.8', 'mild\t0.4', ':)\t2.0'];

  it('keeps adjectives rated at least MIN_VALENCE, by their tags or their suffix', () => {
    expect(MIN_VALENCE).toBeGreaterThan(0);
    expect(selectAdjectives(lines, (w) => tags[w], () => false)).toEqual(['amazing', 'flawless', 'neat', 'splendid']);
  });

  it('leaves out the words another entry matches', () => {
    expect(selectAdjectives(lines, (w) => tags[w], (w) => w === 'neat')).toEqual(['amazing', 'flawless', 'splendid']);
  });
});

describe('open-class candidates', () => {
  it('a lexicon adjective as predicate of the offered thing, or its owner’s attribute', () => {
    expect(kinds('Our platform is outstanding.')).toEqual(['unmeasured-claim:open-lexicon']);
    expect(kinds('The new portal will be pleasant.')).toEqual(['unmeasured-claim:open-lexicon']);
    expect(kinds('We ship our talented team to every site.')).toEqual(['unmeasured-claim:open-lexicon']);
  });

  it('not a lexicon adjective elsewhere, or with a complement', () => {
    expect(kinds('The outstanding balance is due in 30 days.')).toEqual([]);
    expect(kinds('The contractor is responsible for hosting the system.')).toEqual([]);
    expect(kinds('Licences are free of charge.')).toEqual([]);
  });

  it('superlative forms, but not -est nouns, recency or rankings', () => {
    expect(kinds('Our platform is one of the safest on the internet.')).toEqual(['puffery:open-superlative-form']);
    expect(kinds('It secures the most demanding environments.')).toEqual(['puffery:open-superlative-form']);
    expect(kinds('Install the latest version.')).toEqual([]);
    expect(kinds('The state will negotiate with the highest ranked offeror.')).toEqual([]);
    expect(kinds('The request is in the interest of the state.')).toEqual([]);
  });

  it('a degree adverb before a word, but not before a quantity or an order', () => {
    expect(kinds('Onboarding is very easy.')).toEqual(['unmeasured-claim:open-degree-very']);
    expect(kinds('This was the very first release.')).toEqual([]);
    expect(kinds('It did not change very much.')).toEqual([]);
  });
});

describe('the bar for units with open-class candidates only', () => {
  const text = 'Our platform is outstanding.';
  const info = analyseUnit({ text, container: 'paragraph' } as never, 'en');

  it('the feature is set only when every candidate is of an open-class kind', () => {
    expect([...OPEN_CLASS_KINDS].sort()).toEqual(['open-degree-very', 'open-lexicon', 'open-superlative-form']);
    expect(unitFeatures(info, [{ rule: 'unmeasured-claim', kind: 'open-lexicon', at: 16 }], 'en').get(OPEN_ONLY)).toBe(1);
    expect(unitFeatures(info, [{ rule: 'unmeasured-claim', kind: 'open-lexicon', at: 16 }, { rule: 'puffery', kind: 'praise', at: 4 }], 'en').has(OPEN_ONLY)).toBe(false);
    expect(unitFeatures(info, [], 'en').has(OPEN_ONLY)).toBe(false);
  });

  it('such a unit is flagged at the open threshold, the others at the threshold', () => {
    const m: ScoreModel = { threshold: 0.3, openThreshold: 0.5, weights: { bias: Math.log(0.4 / 0.6) } };
    const plain = new Map([['bias', 1]]);
    const open = new Map([['bias', 1], [OPEN_ONLY, 1]]);
    expect(scoreFeatures(plain, m)).toMatchObject({ flag: true, threshold: 0.3 });
    expect(scoreFeatures(open, m)).toMatchObject({ flag: false, threshold: 0.5 });
    expect(scoreFeatures(open, { ...m, openThreshold: undefined })).toMatchObject({ flag: true, threshold: 0.3 });
  });

  it('the shipped English model sets a higher bar for them', () => {
    const en = model('en')!;
    expect(en.openThreshold).toBeGreaterThan(en.threshold);
  });
});
