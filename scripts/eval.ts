/**
 * Scores povlint against the labelled corpus (../shared/corpus) per the labelling contract:
 * a unit counts as flagged when a finding of one of the five claim rules, of severity warning or
 * error, overlaps it.
 *
 *   npm run eval                 per-rule confusion, false positives/negatives, eval lines
 *   npm run eval -- --gate       also fail (exit 1) when a figure drops below test/eval-floors.json
 *   npm run eval -- --quiet      only the summary lines
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, type Finding } from '../src/core/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '..', 'shared', 'corpus');
const COUNTED = new Set(['unmeasured-claim', 'vague-quantifier', 'puffery', 'weak-obligation', 'unverifiable-absolute']);

interface GoldUnit {
  id: string;
  doc: string;
  line: number;
  endLine: number;
  text: string;
  label: 'flag' | 'ok';
  category?: string;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  units: number;
}

function lineStarts(text: string): number[] {
  const s = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') s.push(i + 1);
  return s;
}

/** Locates a gold unit's text in the source lines it names; returns [start, end) offsets. */
export function locate(source: string, starts: number[], u: GoldUnit): [number, number] {
  const from = starts[u.line - 1] ?? 0;
  const to = starts[u.endLine] ?? source.length;
  const region = source.slice(from, to);
  const strip = (ch: string): boolean => /[\s*_`[\]()<>#|\\]/.test(ch);
  // Compare on characters that survive Markdown markup and HTML tags, keeping their offsets.
  const skip = new Uint8Array(region.length);
  for (const m of region.matchAll(/<\/?[A-Za-z][^<>]*>|\]\([^)\s]*\)/g)) skip.fill(1, m.index, m.index + m[0].length);
  const keep: number[] = [];
  let hay = '';
  for (let i = 0; i < region.length; i++) {
    if (!skip[i] && !strip(region[i]!)) {
      hay += region[i]!.toLowerCase();
      keep.push(i);
    }
  }
  const needle = [...u.text.replace(/<\/?[A-Za-z][^<>]*>/g, '').replace(/\]\([^)\s]*\)/g, '')]
    .filter((ch) => !strip(ch))
    .join('')
    .toLowerCase();
  let at = needle ? hay.indexOf(needle) : -1;
  let len = needle.length;
  if (at < 0 && needle.length > 40) {
    // Fall back on the longest prefix that matches (labels may drop link targets or HTML).
    for (let n = needle.length - 1; n >= 30 && at < 0; n -= 5) {
      at = hay.indexOf(needle.slice(0, n));
      len = n;
    }
  }
  if (at < 0) return [from, to];
  return [from + keep[at]!, from + keep[at + len - 1]! + 1];
}

function score(tp: number, fp: number, fn: number, tn: number): Score {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, tn, precision, recall, f1, units: tp + fp + fn + tn };
}

const fmt = (x: number): string => x.toFixed(3);

export function evaluate(goldFile: string, docsDir: string, print: (s: string) => void, verbose: boolean): Score {
  const gold: GoldUnit[] = readFileSync(goldFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldUnit);
  const byDoc = new Map<string, { text: string; starts: number[]; findings: Finding[] }>();
  let tp = 0, fp = 0, fn = 0, tn = 0;
  const perRule = new Map<string, { tp: number; fp: number }>();
  const perCategory = new Map<string, { tp: number; fn: number }>();
  const errors: string[] = [];
  for (const u of gold) {
    let doc = byDoc.get(u.doc);
    if (!doc) {
      const text = readFileSync(join(docsDir, u.doc), 'utf8');
      doc = { text, starts: lineStarts(text), findings: lint(text).filter((f) => COUNTED.has(f.ruleId) && (f.severity === 'warning' || f.severity === 'error')) };
      byDoc.set(u.doc, doc);
    }
    const [s, e] = locate(doc.text, doc.starts, u);
    const hits = doc.findings.filter((f) => f.start.offset < e && f.end.offset > s);
    const flagged = hits.length > 0;
    const gold = u.label === 'flag';
    if (flagged && gold) tp++;
    else if (flagged) fp++;
    else if (gold) fn++;
    else tn++;
    for (const rule of new Set(hits.map((h) => h.ruleId))) {
      const r = perRule.get(rule) ?? { tp: 0, fp: 0 };
      if (gold) r.tp++;
      else r.fp++;
      perRule.set(rule, r);
    }
    if (gold) {
      const c = perCategory.get(u.category ?? '?') ?? { tp: 0, fn: 0 };
      if (flagged) c.tp++;
      else c.fn++;
      perCategory.set(u.category ?? '?', c);
    }
    if (flagged !== gold) {
      const why = flagged ? hits.map((h) => `${h.ruleId}:${h.term ?? ''}`).join(', ') : `expected ${u.category ?? 'flag'}`;
      errors.push(`  ${flagged ? 'FP' : 'FN'} ${u.doc}:${u.line} [${why}] ${u.text.slice(0, 160)}`);
    }
  }
  const sc = score(tp, fp, fn, tn);
  if (verbose) {
    print(`\n== ${goldFile.split('/').pop()} ==`);
    print(`confusion: tp=${tp} fp=${fp} fn=${fn} tn=${tn}`);
    print('per rule (units flagged by the rule: correct / noise):');
    for (const [rule, r] of [...perRule].sort()) print(`  ${rule.padEnd(24)} tp=${r.tp} fp=${r.fp} precision=${fmt(r.tp / (r.tp + r.fp))}`);
    print('per gold category (recall):');
    for (const [cat, c] of [...perCategory].sort()) print(`  ${cat.padEnd(24)} tp=${c.tp} fn=${c.fn} recall=${fmt(c.tp / (c.tp + c.fn))}`);
    print(errors.length ? 'errors:' : 'errors: none');
    for (const e of errors) print(e);
  }
  return sc;
}

const DOC_TYPES: Array<[string, RegExp]> = [
  ['rfq/rfp', /rfq|rfp/],
  ['sow/pws/soo', /sow|pws|soo|scope|how-we-work/],
  ['qasp', /qasp|qap/],
  ['sla', /sla/],
  ['agreement/terms', /csa|psa|agreement|terms/],
  ['proposal/readme', /proposal|readme|case-study|features/],
];

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length + (text.match(/\p{Script=Han}/gu) ?? []).length / 2;
}

export function density(docsDir: string, print: (s: string) => void, perDocument = false): number {
  let words = 0;
  let flags = 0;
  const perType = new Map<string, { words: number; flags: number }>();
  for (const f of readdirSync(docsDir).filter((x) => x.endsWith('.md') && x !== 'SOURCES.md').sort()) {
    const text = readFileSync(join(docsDir, f), 'utf8');
    const w = wordCount(text);
    const n = lint(text).filter((x) => COUNTED.has(x.ruleId) && (x.severity === 'warning' || x.severity === 'error')).length;
    words += w;
    flags += n;
    if (perDocument) print(`    ${f.padEnd(48)} ${(n / (w / 1000)).toFixed(1).padStart(5)} per 1,000 words (${n} findings)`);
    const type = DOC_TYPES.find(([, re]) => re.test(f))?.[0] ?? 'other';
    const t = perType.get(type) ?? { words: 0, flags: 0 };
    t.words += w;
    t.flags += n;
    perType.set(type, t);
  }
  for (const [type, t] of [...perType].sort()) print(`  ${type.padEnd(18)} ${(t.flags / (t.words / 1000)).toFixed(1)} findings per 1,000 words`);
  const d = flags / (words / 1000);
  print(`density: findings_per_1000_words=${d.toFixed(2)} docs=${docsDir.split('/').slice(-1)[0]} words=${Math.round(words)}`);
  return d;
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = !args.includes('--quiet');
  const gate = args.includes('--gate');
  const print = (s: string): void => void process.stdout.write(`${s}\n`);
  if (!existsSync(corpus)) {
    print(`eval: skipped: the labelled corpus is not at ${corpus}`);
    return;
  }
  const sets: Array<[string, string, string]> = [
    ['gold-dev-full', 'gold-dev-full.jsonl', 'docs'],
    ['gold-dev', 'gold-dev.jsonl', 'docs'],
    ['gold-dev-zh', 'gold-dev-zh.jsonl', 'docs-zh'],
  ];
  const floors = JSON.parse(readFileSync(join(root, 'test', 'eval-floors.json'), 'utf8')) as Record<string, { precision: number; recall: number }>;
  const lines: string[] = [];
  let failed = false;
  for (const [name, file, docs] of sets) {
    const path = join(corpus, file);
    if (!existsSync(path)) continue;
    const s = evaluate(path, join(corpus, docs), print, verbose);
    lines.push(`eval: precision=${fmt(s.precision)} recall=${fmt(s.recall)} f1=${fmt(s.f1)} units=${s.units} gold=${name}`);
    const floor = floors[name];
    if (floor && (s.precision < floor.precision || s.recall < floor.recall)) {
      failed = true;
      lines.push(`eval: BELOW FLOOR for ${name}: precision ${fmt(s.precision)} (floor ${floor.precision}), recall ${fmt(s.recall)} (floor ${floor.recall})`);
    }
  }
  print('\nfindings per 1,000 words over the corpus:');
  density(join(corpus, 'docs'), print, verbose);
  if (existsSync(join(corpus, 'docs-zh'))) density(join(corpus, 'docs-zh'), print, verbose);
  print('');
  for (const l of lines) print(l);
  if (gate && failed) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
