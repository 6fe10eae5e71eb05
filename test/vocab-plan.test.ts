import { describe, expect, it } from 'vitest';
import { LOCALES } from '../src/core/types.js';
import { lint } from '../src/core/index.js';
import { getEngine } from '../src/core/engine.js';
import { VOCABULARIES, type Vocabulary } from '../src/core/vocab/index.js';
import { compileVocabulary, matchRules, planVocabulary, vocabularyFingerprint, type CompiledVocabulary, type VocabularyPlan } from '../src/core/vocab/matcher.js';
import PLAN_EN from '../src/core/vocab/plan.en.json' with { type: 'json' };
import PLAN_ZH from '../src/core/vocab/plan.zh.json' with { type: 'json' };

const SHIPPED: Record<string, VocabularyPlan> = { en: PLAN_EN as VocabularyPlan, zh: PLAN_ZH as VocabularyPlan };

/** The regular expressions a compiled vocabulary is made of, as sources and flags. */
function shape(v: CompiledVocabulary): unknown {
  return {
    rules: [...v.byRule].map(([rule, m]) => ({ rule, entries: m.entries.map((e) => e.term), re: [m.re.source, m.re.flags], pre: m.pre && [m.pre.source, m.pre.flags], sticky: [true, false].map((l) => m.sticky(l).re.source) })),
    parts: v.anyParts.map((p) => [p.exact.source, p.exact.flags, p.standIn?.source, p.standIn?.flags]),
    astral: v.astralStandIns,
  };
}

describe('vocabulary plans', () => {
  it('the shipped plans are the plans of the built-in vocabularies', () => {
    for (const locale of LOCALES) {
      expect(SHIPPED[locale]!.fingerprint).toBe(vocabularyFingerprint(VOCABULARIES[locale]));
      expect(SHIPPED[locale]).toEqual(planVocabulary(VOCABULARIES[locale]));
    }
  });

  it('a vocabulary compiled from its plan is the vocabulary compiled without one', () => {
    for (const locale of LOCALES) {
      expect(shape(compileVocabulary(VOCABULARIES[locale], SHIPPED[locale]))).toEqual(shape(compileVocabulary(VOCABULARIES[locale])));
    }
  });

  it('the fingerprint changes with any entry the plan is made from, and a plan of another vocabulary is not used', () => {
    const en = VOCABULARIES.en;
    const first = en.entries[0]!;
    const variants: Vocabulary[] = [
      { ...en, entries: en.entries.slice(1) },
      { ...en, entries: [{ ...first, term: `${first.term}x` }, ...en.entries.slice(1)] },
      { ...en, entries: [{ ...first, pattern: `${first.pattern ?? first.term}s?` }, ...en.entries.slice(1)] },
      { ...en, entries: [{ ...first, rule: first.rule === 'puffery' ? 'unmeasured-claim' : 'puffery' }, ...en.entries.slice(1)] },
      { ...en, entries: [...en.entries.slice(1), first] },
      { ...en, wordBoundaries: !en.wordBoundaries },
    ];
    const prints = new Set([vocabularyFingerprint(en), ...variants.map(vocabularyFingerprint)]);
    expect(prints.size).toBe(variants.length + 1);
    // A vocabulary with one more term, given the built-in plan, finds that term.
    const extra: Vocabulary = { ...en, entries: [...en.entries, { term: 'zorbly', rule: 'puffery', reason: 'test' }] };
    const v = compileVocabulary(extra, SHIPPED.en);
    expect(matchRules(v, 'Our zorbly platform.').get('puffery')?.map((m) => m.text)).toEqual(['zorbly']);
    expect(shape(v)).toEqual(shape(compileVocabulary(extra)));
  });

  it('an engine with custom terms finds them in both languages, and the built-in terms as before', () => {
    const options = { rules: { puffery: { terms: ['zorbly', '超凡脱俗'] } } };
    const engine = getEngine(options);
    const text = 'Our zorbly platform is industry-leading.\n\n我们的产品超凡脱俗。\n';
    const found = lint(text, options).filter((f) => f.ruleId === 'puffery').map((f) => text.slice(f.start.offset, f.end.offset));
    expect(found).toEqual(expect.arrayContaining(['zorbly', 'industry-leading', '超凡脱俗']));
    expect(engine.vocab.en.byRule.get('puffery')!.entries.some((e) => e.term === 'zorbly')).toBe(true);
  });
});
