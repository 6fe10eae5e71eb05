/**
 * The plans of the built-in vocabularies (src/core/vocab/plan.<locale>.json): the sources of each
 * rule's matcher and of the candidate test, made ahead so a fresh process does not make them on
 * its first lint (see `VocabularyPlan` in src/core/vocab/matcher.ts). A plan carries the
 * fingerprint of the vocabulary it was made from; the engine makes a plan itself when the
 * vocabulary differs (custom terms, or a vocabulary edited without `npm run generate`).
 */
import { planVocabulary } from '../../src/core/vocab/matcher.js';
import { VOCABULARIES } from '../../src/core/vocab/index.js';

export async function generate(): Promise<Array<{ path: string; content: string }>> {
  return (['en', 'zh'] as const).map((locale) => ({
    path: `src/core/vocab/plan.${locale}.json`,
    content: `${JSON.stringify(planVocabulary(VOCABULARIES[locale]))}\n`,
  }));
}
