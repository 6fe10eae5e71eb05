/**
 * Rewrite templates as data (templates.<locale>.json): for each topic a snippet whose tab stops are
 * metric, target, baseline, time window and method, in that order; a generic one; and a puffery
 * replacement that asks for the evidence behind a superlative.
 */
import type { Locale, OutcomePart } from '../types.js';
import { expandWithDefaults } from './snippet.js';
import en from './templates.en.json' with { type: 'json' };
import zh from './templates.zh.json' with { type: 'json' };
import type { Topic } from './types.js';

export type TemplateKind = Topic | 'generic' | 'puffery';

export interface RewriteTemplate {
  /** The topic the template is written for, `generic` when no topic is known, or `puffery`. */
  topic: TemplateKind;
  locale: Locale;
  /** VS Code snippet syntax. */
  snippet: string;
  /** The outcome part each tab stop stands for: `parts[0]` is `$1`, and so on. */
  parts: OutcomePart[];
  /** The snippet expanded with its defaults. */
  text: string;
}

interface TemplateData {
  topics: Record<Topic, string>;
  generic: string;
  puffery: string;
}

export const TEMPLATE_DATA: Readonly<Record<Locale, TemplateData>> = {
  en: en as TemplateData,
  zh: zh as TemplateData,
};

const OUTCOME_ORDER: OutcomePart[] = ['metric', 'target', 'baseline', 'window', 'method'];
/** Puffery: $1 how it was verified, $2 the evidence (the result), $3 when. */
const PUFFERY_PARTS: OutcomePart[] = ['method', 'metric', 'window'];

const cache = new Map<string, RewriteTemplate>();

/** The rewrite template for a topic (or `generic` / `puffery`) in a locale. */
export function rewriteTemplate(topic: TemplateKind, locale: Locale = 'en'): RewriteTemplate {
  const key = `${locale}:${topic}`;
  let t = cache.get(key);
  if (t) return t;
  const data = TEMPLATE_DATA[locale];
  const snippet = topic === 'generic' ? data.generic : topic === 'puffery' ? data.puffery : data.topics[topic];
  t = {
    topic,
    locale,
    snippet,
    parts: topic === 'puffery' ? [...PUFFERY_PARTS] : [...OUTCOME_ORDER],
    text: expandWithDefaults(snippet),
  };
  cache.set(key, t);
  return t;
}
