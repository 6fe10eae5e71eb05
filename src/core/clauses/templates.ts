/**
 * Rewrite templates as data (templates.<locale>.json): for each topic and for each measurable
 * outcome (metrics.json: alert volume, detection rate, availability, cost savings, ...) a snippet
 * whose tab stops are metric, target, baseline, time window and method, in that order; a generic
 * one; and a puffery replacement that asks for the evidence behind a superlative. metrics.json
 * names the clauses that measure each outcome, so the rewrite can follow the clause that best
 * answers a claim.
 */
import type { Locale, OutcomePart } from '../types.js';
import { expandWithDefaults } from './snippet.js';
import METRICS from './metrics.json' with { type: 'json' };
import en from './templates.en.json' with { type: 'json' };
import zh from './templates.zh.json' with { type: 'json' };
import type { Topic } from './types.js';

export type TemplateKind = Topic | 'generic' | 'puffery';

export interface RewriteTemplate {
  /** The topic the template is written for (a metric's topic), `generic` when no topic is known, or `puffery`. */
  topic: TemplateKind;
  /** The measurable outcome the template is written for, when it follows a clause (`alert-volume`, ...). */
  metric?: MetricId;
  locale: Locale;
  /** VS Code snippet syntax. */
  snippet: string;
  /** The outcome part each tab stop stands for: `parts[0]` is `$1`, and so on. */
  parts: OutcomePart[];
  /** The snippet expanded with its defaults. */
  text: string;
}

export type MetricId = keyof typeof METRICS;

interface MetricData {
  topic: Topic;
  /** Ids of the clauses that measure this outcome. */
  clauses: string[];
}

export const METRIC_DATA = METRICS as Readonly<Record<MetricId, MetricData>>;
export const METRIC_IDS = Object.keys(METRIC_DATA) as MetricId[];

const metricOfClause = new Map<string, MetricId>(METRIC_IDS.flatMap((m) => METRIC_DATA[m].clauses.map((id): [string, MetricId] => [id, m])));

interface TemplateData {
  topics: Record<Topic, string>;
  metrics: Record<MetricId, string>;
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

/**
 * A template whose expanded `text` is made when first read: a lint writes only snippets, and
 * expanding one runs the snippet parser.
 */
function withText(fields: Omit<RewriteTemplate, 'text'>): RewriteTemplate {
  let text: string | undefined;
  return Object.defineProperty(fields, 'text', { enumerable: true, get: () => (text ??= expandWithDefaults(fields.snippet)) }) as RewriteTemplate;
}

/** The rewrite template for a topic (or `generic` / `puffery`) in a locale. */
export function rewriteTemplate(topic: TemplateKind, locale: Locale = 'en'): RewriteTemplate {
  const key = `${locale}:${topic}`;
  let t = cache.get(key);
  if (t) return t;
  const data = TEMPLATE_DATA[locale];
  const snippet = topic === 'generic' ? data.generic : topic === 'puffery' ? data.puffery : data.topics[topic];
  t = withText({
    topic,
    locale,
    snippet,
    parts: topic === 'puffery' ? [...PUFFERY_PARTS] : [...OUTCOME_ORDER],
  });
  cache.set(key, t);
  return t;
}

/** The measurable outcome a clause commits to (by its id), if it has one template-worthy metric. */
export function clauseMetric(clauseId: string, locale: Locale = 'en'): MetricId | undefined {
  const m = metricOfClause.get(clauseId);
  return m && TEMPLATE_DATA[locale].metrics[m] ? m : undefined;
}

/** The rewrite template for a measurable outcome in a locale. */
export function metricTemplate(metric: MetricId, locale: Locale = 'en'): RewriteTemplate {
  const key = `${locale}:metric:${metric}`;
  let t = cache.get(key);
  if (t) return t;
  const snippet = TEMPLATE_DATA[locale].metrics[metric];
  t = withText({ topic: METRIC_DATA[metric].topic, metric, locale, snippet, parts: [...OUTCOME_ORDER] });
  cache.set(key, t);
  return t;
}
