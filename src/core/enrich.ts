/** Adds clause suggestions and topics to a placed finding (memoised: the same claim gets the same answer). */
import { remedyClausesFor, suggestClauses } from './clauses/index.js';
import type { Clause } from './clauses/types.js';
import type { DocType, LintOptions } from './config/types.js';
import type { Finding, Locale } from './types.js';
import { TextMemo } from './memo.js';

const SUGGESTIONS = 3;

interface Enrichment {
  clauses: string[];
  topics: string[];
}

const memo = new WeakMap<readonly Clause[] | typeof NO_LIBRARY, TextMemo<Enrichment>>();
const NO_LIBRARY = {};

function library(options: LintOptions): readonly Clause[] | undefined {
  return options.clauses && options.clauses.length ? options.clauses : undefined;
}

function compute(f: Finding, claim: string, locale: Locale, docType: DocType, lib: readonly Clause[] | undefined): Enrichment {
  if (f.ruleId === 'unresolved-placeholder') return { clauses: [], topics: [] };
  if (f.ruleId === 'missing-remedy') {
    return { clauses: remedyClausesFor(docType, locale, lib).slice(0, SUGGESTIONS).map((c) => c.id), topics: [] };
  }
  const s = suggestClauses(claim || f.term || '', { locale, docType, ruleId: f.ruleId, limit: SUGGESTIONS, ...(lib ? { library: lib } : {}) });
  return { clauses: s.clauses.map((c) => c.id), topics: s.topics };
}

export function enrichFinding(f: Finding, claim: string, locale: Locale, docType: DocType, options: LintOptions): Finding {
  const lib = library(options);
  let cache = memo.get(lib ?? NO_LIBRARY);
  if (!cache) {
    cache = new TextMemo(50_000, 2_000_000);
    memo.set(lib ?? NO_LIBRARY, cache);
  }
  const key = `${f.ruleId}\u0000${locale}\u0000${docType}\u0000${claim || f.term || ''}`;
  let e = cache.get(key);
  if (!e) {
    e = compute(f, claim, locale, docType, lib);
    cache.set(key, e);
  }
  f.clauses = e.clauses;
  if (e.topics.length) f.topics = e.topics;
  return f;
}
