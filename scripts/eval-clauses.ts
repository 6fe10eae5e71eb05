/**
 * How well the clause suggester answers a batch of labelled claims.
 *
 *   node --import tsx scripts/eval-clauses.ts <batch.json> [--rule RULE] [--misses]
 *
 * A batch file is JSON: `{ "en": [ { "text": "...", "clauses": ["best-id", "other-id"] }, ... ], "zh": [...] }`
 * (either locale may be missing; 1–3 clause ids per claim, the best first). For each locale it
 * prints, without a document type:
 *
 * - top-1: the first suggestion is the labelled best clause;
 * - top-3: the labelled best clause is among the first three suggestions;
 * - any@1: the first suggestion is one of the labelled clauses.
 *
 * Without `--rule` it prints the figures with no rule and with `unmeasured-claim`; `--misses`
 * lists the claims whose best clause is not first.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suggestClauses } from '../src/core/clauses/suggest.js';
import { LOCALES, RULE_IDS, type Locale, type RuleId } from '../src/core/types.js';

export interface LabelledClaim {
  text: string;
  /** 1–3 clause ids, the best first. */
  clauses: string[];
}
export type ClaimBatch = Partial<Record<Locale, LabelledClaim[]>>;

export interface BatchScore {
  n: number;
  top1: number;
  top3: number;
  any1: number;
  misses: string[];
}

/** Reads and checks a batch file; throws with the place of the first problem. */
export function readBatch(file: string): ClaimBatch {
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: expected an object with "en" and/or "zh" arrays`);
  const out: ClaimBatch = {};
  for (const [key, list] of Object.entries(data)) {
    if (!(LOCALES as readonly string[]).includes(key)) throw new Error(`${file}: unknown locale "${key}" (expected ${LOCALES.join(', ')})`);
    if (!Array.isArray(list)) throw new Error(`${file}: "${key}" must be an array`);
    list.forEach((c: unknown, i) => {
      const claim = c as Partial<LabelledClaim>;
      if (typeof claim?.text !== 'string' || !claim.text.trim()) throw new Error(`${file}: ${key}[${i}]: "text" must be a non-empty string`);
      if (!Array.isArray(claim.clauses) || !claim.clauses.length || !claim.clauses.every((id) => typeof id === 'string'))
        throw new Error(`${file}: ${key}[${i}]: "clauses" must be a non-empty array of clause ids`);
    });
    out[key as Locale] = list as LabelledClaim[];
  }
  return out;
}

/** Scores the suggester on the claims of one locale, without a document type. */
export function scoreBatch(claims: readonly LabelledClaim[], locale: Locale, ruleId?: RuleId): BatchScore {
  const s: BatchScore = { n: claims.length, top1: 0, top3: 0, any1: 0, misses: [] };
  for (const claim of claims) {
    const got = suggestClauses(claim.text, { locale, limit: 3, ...(ruleId ? { ruleId } : {}) }).clauses.map((c) => c.id);
    const best = claim.clauses[0]!;
    if (got[0] === best) s.top1++;
    else s.misses.push(`${claim.text} → ${got.join(', ') || '(none)'} (expected ${claim.clauses.join(' | ')})`);
    if (got.includes(best)) s.top3++;
    if (got[0] !== undefined && claim.clauses.includes(got[0])) s.any1++;
  }
  return s;
}

const pct = (k: number, n: number): string => (n ? `${((100 * k) / n).toFixed(1)} %` : '-');

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--rule');
  const ruleAt = args.indexOf('--rule');
  const rule = ruleAt >= 0 ? args[ruleAt + 1] : undefined;
  if (!file || (ruleAt >= 0 && !(RULE_IDS as readonly string[]).includes(rule ?? ''))) {
    process.stderr.write(`usage: node --import tsx scripts/eval-clauses.ts <batch.json> [--rule ${RULE_IDS.join('|')}] [--misses]\n`);
    process.exitCode = 2;
    return;
  }
  const batch = readBatch(file);
  const rules: Array<RuleId | undefined> = rule ? [rule as RuleId] : [undefined, 'unmeasured-claim'];
  for (const locale of LOCALES) {
    const claims = batch[locale];
    if (!claims?.length) continue;
    for (const r of rules) {
      const s = scoreBatch(claims, locale, r);
      process.stdout.write(
        `eval-clauses: ${locale} rule=${r ?? '(none)'} n=${s.n} top-1 ${pct(s.top1, s.n)} top-3 ${pct(s.top3, s.n)} any@1 ${pct(s.any1, s.n)}\n`,
      );
      if (args.includes('--misses')) for (const m of s.misses) process.stdout.write(`  ${m}\n`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
