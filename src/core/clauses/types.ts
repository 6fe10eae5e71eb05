import type { DocType } from '../config/types.js';
import type { Locale } from '../types.js';

export const CLAUSE_CATEGORIES = [
  'pov-plan-acceptance',
  'baseline-measurement',
  'risk-allocation',
  'service-levels',
  'security-outcomes',
] as const;
export type ClauseCategory = (typeof CLAUSE_CATEGORIES)[number];

export const TOPICS = [
  'performance',
  'availability',
  'cost',
  'security',
  'quality',
  'productivity',
  'adoption',
  'support',
  'delivery',
  'compliance',
  'data',
] as const;
export type Topic = (typeof TOPICS)[number];

/** One proof-of-value clause: front matter plus a body in VS Code snippet syntax. */
export interface Clause {
  id: string;
  title: string;
  category: ClauseCategory;
  topics: Topic[];
  docTypes: DocType[];
  description: string;
  locale: Locale;
  /** Snippet body (tab stops, placeholders with defaults, choices). */
  body: string;
  /** Where a custom clause came from (file path), absent for built-in ones. */
  source?: string;
}
