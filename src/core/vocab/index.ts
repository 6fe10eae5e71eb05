/** The built-in vocabularies, one data file per locale (and the published word lists they name). */
import type { Locale } from '../types.js';
import en from './en.json' with { type: 'json' };
import zh from './zh.json' with { type: 'json' };
import lexiconEn from './lexicon.en.json' with { type: 'json' };
import { resolveLexicons } from './lexicon.js';
import type { Vocabulary } from './types.js';

export const VOCABULARIES: Record<Locale, Vocabulary> = {
  en: { ...(en as Vocabulary), entries: resolveLexicons((en as Vocabulary).entries, lexiconEn.lists) },
  zh: zh as Vocabulary,
};

export type { VocabEntry, Vocabulary } from './types.js';
