/** The built-in vocabularies, one data file per locale. */
import type { Locale } from '../types.js';
import en from './en.json' with { type: 'json' };
import zh from './zh.json' with { type: 'json' };
import type { Vocabulary } from './types.js';

export const VOCABULARIES: Record<Locale, Vocabulary> = {
  en: en as Vocabulary,
  zh: zh as Vocabulary,
};

export type { VocabEntry, Vocabulary } from './types.js';
