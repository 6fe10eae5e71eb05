/**
 * Fits the unit scorer (src/core/score/weights.json): a logistic regression per locale over the
 * features of units with candidate claims, on DEVELOPMENT documents only (test/corpus/split.json).
 * First it fits the lexical model (src/core/score/lexical.json, see src/core/score/lexical.ts) on
 * every labelled development unit, its penalty chosen by out-of-fold log-loss; the scorer's
 * `lexical` feature of a development unit is the out-of-fold score (from the folds without its
 * source). The scorer is then fitted with and without that feature, and a locale keeps the
 * lexical model only where it raises the cross-validated F1 by more than one standard error.
 * Validation documents are never read here. Deterministic: full-batch gradient descent from zero
 * weights, folds assigned by source (a publisher's documents held out together, `sourceFolds`), so
 * anyone gets the same weights.
 *
 *   node --import tsx scripts/fit-scorer.ts          fit and write the weights
 *   node --import tsx scripts/fit-scorer.ts --dry    fit and print, write nothing
 *   node --import tsx scripts/fit-scorer.ts --check  exit 1 when the shipped weights differ from a fresh fit
 *   node --import tsx scripts/fit-scorer.ts --learning-curve
 *                                                    out-of-fold F1 when fitted on 25, 50, 75 and 100%
 *                                                    of the development documents (writes nothing)
 *
 * The regularisation strength, the minimum number of development documents a feature must occur
 * in to get a weight (2, 4, 8 or 16) and the threshold are chosen by source-wise cross-validation
 * on the development documents (out-of-fold F1 over all units, counting the claims no candidate
 * covers as misses; the simplest setting within one standard error of the best F1: the fewest
 * features, then the most regularised), among the settings that keep the specification: every
 * unit the rule fixtures (test/fixtures/rules) and the contract cases
 * (test/fixtures/contract-cases.jsonl) expect flagged stays flagged. Those examples are written by
 * the team from the labelling contract; they bound the model, they are not trained on.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { explain, type Locale, type UnitExplanation } from '../src/core/index.js';
import { unitLocale } from '../src/core/document.js';
import { LineIndex } from '../src/core/lines.js';
import { logistic, OPEN_ONLY } from '../src/core/score/index.js';
import { lexicalFeature, lexicalLogit, lexicalTerms, type LexicalModel } from '../src/core/score/lexical.js';
import { findDoc, goldFiles, readGold, readSplit, type GoldUnit } from './eval.js';
import { prng, shuffle } from './random.mjs';

const SEED = 20261204;
const FOLDS = 5;
/**
 * The minimum document frequencies tried: a feature seen in fewer development documents gets no
 * weight. A term that fires in two documents describes those documents more than the language.
 */
const MIN_DOCS = [2, 4, 8, 16];
const L2S = [0.3, 1, 3, 10];
/** The thresholds tried (besides 0, which flags every candidate). */
const THRESHOLDS = Array.from({ length: 25 }, (_, i) => 0.2 + i * 0.025);
const OUT = join(import.meta.dirname, '..', 'src', 'core', 'score', 'weights.json');
const LEXICAL_OUT = join(import.meta.dirname, '..', 'src', 'core', 'score', 'lexical.json');
/** The lexical model's penalties tried (chosen by out-of-fold log-loss), and its minimum document frequency. */
const LEXICAL_L2S = [1e-4, 3e-4, 1e-3];
const LEXICAL_MIN_DOCS = 3;
const LEXICAL_STEPS = 1500;

interface Row {
  doc: string;
  x: Record<string, number>;
  y: number;
}


const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures');
const SCORED = new Set(['unmeasured-claim', 'vague-quantifier', 'puffery', 'weak-obligation', 'unverifiable-absolute']);

/** Features of the specification's units that must stay flagged, per locale. */
function specification(lang: 'en' | 'zh', lexical: LexicalModel | undefined): Array<{ text: string; x: Record<string, number> }> {
  const texts: string[] = [];
  for (const f of readdirSync(join(FIXTURES, 'rules')).filter((f) => f.endsWith('.md'))) {
    for (const line of readFileSync(join(FIXTURES, 'rules', f), 'utf8').split(/\r?\n/)) {
      const m = /<!-- expect ([^>]*?) -->/.exec(line);
      if (m && m[1]!.split(',').some((r) => SCORED.has(r.trim()))) texts.push(line.replace(/<!--[^>]*-->/g, '').replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''));
    }
  }
  for (const l of readFileSync(join(FIXTURES, 'contract-cases.jsonl'), 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const c = JSON.parse(l) as { text: string; label: string };
    if (c.label === 'flag') texts.push(c.text);
  }
  const out: Array<{ text: string; x: Record<string, number> }> = [];
  for (const t of texts) {
    const zh = /[\u4e00-\u9fff]/.test(t);
    if ((lang === 'zh') !== zh) continue;
    for (const e of explain(t, { scorer: false, locale: lang })) {
      if (!e.scorer) continue;
      const x = { ...e.scorer.features };
      const z = lexicalLogit(e.text, lang, lexical);
      if (z !== undefined) x.lexical = lexicalFeature(z);
      out.push({ text: e.text, x });
    }
  }
  return out;
}

/** Each development document's units as `explain` reads them without the scorer (both locales' passes read them). */
const explained = new Map<string, UnitExplanation[]>();
function explainDoc(doc: string, text: string): UnitExplanation[] {
  let units = explained.get(doc);
  if (!units) explained.set(doc, (units = explain(text, { scorer: false })));
  return units;
}

/**
 * Candidate units of the development documents read in `lang`, with their gold label, and per
 * document the flags read in `lang` that no candidate covers. A unit counts in the locale it is read
 * in (a Chinese document's English sentence is scored by the English model), which for a unit the
 * reader does not place is its own script's.
 */
function collect(lang: 'en' | 'zh', lexical: ReadonlyMap<string, number>): { rows: Row[]; uncovered: Map<string, number> } {
  const validation = new Set(readSplit().validation);
  const gold = new Map<string, GoldUnit[]>();
  for (const f of goldFiles()) for (const u of readGold(f)) if (!validation.has(u.doc) && findDoc(u.doc)) gold.set(u.doc, [...(gold.get(u.doc) ?? []), u]);
  const rows: Row[] = [];
  const uncovered = new Map<string, number>();
  for (const [doc, units] of [...gold].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const found = findDoc(doc)!;
    const text = readFileSync(found.path, 'utf8');
    const lines = new LineIndex(text);
    const byKey = new Map(units.map((u) => [`${u.line}|${norm(u.text)}`, u]));
    const used = new Set<GoldUnit>();
    const readIn = new Map<GoldUnit, Locale>();
    for (const e of explainDoc(doc, text)) {
      const u = byKey.get(`${lines.position(e.start).line}|${norm(e.text)}`);
      if (!u) continue;
      if (!readIn.has(u)) readIn.set(u, e.locale);
      if (!e.scorer || used.has(u)) continue;
      used.add(u);
      if (e.locale !== lang) continue;
      const x = { ...e.scorer.features };
      // The lexical feature of a development unit comes from a lexical model that did not see its document.
      const z = lexical.get(unitKey(doc, u));
      if (z !== undefined) x.lexical = lexicalFeature(z);
      rows.push({ doc, x, y: u.label === 'flag' ? 1 : 0 });
    }
    const missed = units.filter((u) => !used.has(u) && u.label === 'flag' && (readIn.get(u) ?? unitLocale(u.text, found.lang)) === lang).length;
    if (missed > 0 || found.lang === lang) uncovered.set(doc, missed);
  }
  return { rows, uncovered };
}

/**
 * The rows without the features seen in fewer than `minDocs` development documents: such a
 * feature describes those documents, not the language (the usual minimum document frequency).
 */
function prune(rows: readonly Row[], minDocs: number): Row[] {
  const docsOf = new Map<string, Set<string>>();
  for (const r of rows) for (const k of Object.keys(r.x)) (docsOf.get(k) ?? docsOf.set(k, new Set()).get(k)!).add(r.doc);
  return rows.map((r) => ({ ...r, x: Object.fromEntries(Object.entries(r.x).filter(([k]) => docsOf.get(k)!.size >= minDocs)) }));
}

function fit(rows: readonly Row[], l2: number): Record<string, number> {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.x)))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const w = new Float64Array(names.length);
  // The rows' features in compressed sparse rows: row i is cols/vals[starts[i]..starts[i + 1]).
  const starts = new Int32Array(rows.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  rows.forEach((r, i) => {
    for (const [k, v] of Object.entries(r.x)) {
      cols.push(index.get(k)!);
      vals.push(v);
    }
    starts[i + 1] = cols.length;
  });
  const col = Int32Array.from(cols);
  const val = Float64Array.from(vals);
  const ys = Float64Array.from(rows, (r) => r.y);
  const penalised = Float64Array.from(names, (k) => (k === 'bias' ? 0 : 1));
  const n = rows.length;
  const grad = new Float64Array(names.length);
  let lr = 0.5;
  let prevLoss = Infinity;
  for (let iter = 0; iter < 3000; iter++) {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const from = starts[i]!;
      const to = starts[i + 1]!;
      let z = 0;
      for (let k = from; k < to; k++) z += w[col[k]!]! * val[k]!;
      const p = logistic(z);
      const y = ys[i]!;
      loss -= y * Math.log(p + 1e-12) + (1 - y) * Math.log(1 - p + 1e-12);
      for (let k = from; k < to; k++) grad[col[k]!]! += (p - y) * val[k]!;
    }
    for (let j = 0; j < w.length; j++) {
      // The bias is not penalised.
      const reg = penalised[j]! * l2 * w[j]!;
      loss += penalised[j] ? 0.5 * l2 * w[j]! * w[j]! : 0;
      grad[j] = (grad[j]! + reg) / n;
    }
    if (loss > prevLoss) lr *= 0.5;
    prevLoss = loss;
    for (let j = 0; j < w.length; j++) w[j]! -= lr * grad[j]! * 10;
    if (lr < 1e-4) break;
  }
  return Object.fromEntries(names.map((k, j) => [k, Math.round(w[j]! * 1e4) / 1e4]).filter(([, v]) => v !== 0));
}

const predict = (w: Record<string, number>, x: Record<string, number>): number => logistic(Object.entries(x).reduce((z, [k, v]) => z + (w[k] ?? 0) * v, 0));

/**
 * F1 over all units when candidate units scoring at or above `t` are flagged (`tOpen` for the units
 * holding only open-class candidates, the third element of a pair).
 */
function f1At(pairs: ReadonlyArray<[number, number, boolean]>, uncovered: number, t: number, tOpen = t): { f1: number; p: number; r: number } {
  let tp = 0, fp = 0, fn = uncovered;
  for (const [p, y, open] of pairs) {
    if (p >= (open ? tOpen : t)) {
      if (y) tp++;
      else fp++;
    } else if (y) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, p: precision, r: recall };
}

const unitKey = (doc: string, u: Pick<GoldUnit, 'line' | 'text'>): string => `${doc}|${u.line}|${norm(u.text)}`;

interface LexicalUnit {
  doc: string;
  key: string;
  terms: string[];
  y: number;
}

/**
 * The source of a document: its publisher, the name before `--` (`aliyun--waf-release-notes.md`).
 * Documents of one publisher share vocabulary, templates and house style.
 */
export function sourceOf(doc: string): string {
  const at = doc.indexOf('--');
  return at > 0 ? doc.slice(0, at) : doc;
}

/**
 * Cross-validation folds that keep each source whole: a publisher's documents are all held out
 * together, as documents nobody tuned on come from publishers the development documents do not
 * hold. Sources are shuffled with the seed, then placed largest first, each in the fold with the
 * fewest units so far, so that the folds stay about the same size.
 */
export function sourceFolds(unitsPerDoc: ReadonlyMap<string, number>, seed = SEED): Map<string, number> {
  const bySource = new Map<string, string[]>();
  for (const d of [...unitsPerDoc.keys()].sort()) {
    const src = sourceOf(d);
    const list = bySource.get(src);
    if (list) list.push(d);
    else bySource.set(src, [d]);
  }
  const sources = shuffle([...bySource.keys()].sort(), prng(seed));
  const size = (src: string): number => bySource.get(src)!.reduce((a, d) => a + unitsPerDoc.get(d)!, 0);
  const order = sources.map((src, i) => ({ src, i, n: size(src) })).sort((a, b) => b.n - a.n || a.i - b.i);
  const load = new Array<number>(FOLDS).fill(0);
  const fold = new Map<string, number>();
  for (const { src, n } of order) {
    const k = load.indexOf(Math.min(...load));
    load[k]! += n;
    for (const d of bySource.get(src)!) fold.set(d, k);
  }
  return fold;
}

/** Units per document of a list of rows or units. */
function countByDoc(items: ReadonlyArray<{ doc: string }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const x of items) out.set(x.doc, (out.get(x.doc) ?? 0) + 1);
  return out;
}

/** Every labelled unit of the development documents (a unit labelled twice counts once). */
function lexicalUnits(lang: 'en' | 'zh'): LexicalUnit[] {
  const validation = new Set(readSplit().validation);
  const seen = new Set<string>();
  const out: LexicalUnit[] = [];
  for (const f of goldFiles()) {
    for (const u of readGold(f)) {
      const found = findDoc(u.doc);
      // A unit counts in the locale of its own script (as a unit of a mixed block is read).
      if (validation.has(u.doc) || !found || unitLocale(u.text, found.lang) !== lang) continue;
      const key = unitKey(u.doc, u);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ doc: u.doc, key, terms: lexicalTerms(u.text, lang), y: u.label === 'flag' ? 1 : 0 });
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Fits the lexical model on `units`: full-batch gradient descent from zero weights, a fixed step
 * and a fixed number of steps, L2 penalty `l2` (not on the bias). Terms seen in fewer than
 * LEXICAL_MIN_DOCS documents get no weight.
 */
function fitLexical(units: readonly LexicalUnit[], l2: number, round: boolean): LexicalModel {
  const docsOf = new Map<string, Set<string>>();
  for (const u of units) for (const t of u.terms) (docsOf.get(t) ?? docsOf.set(t, new Set()).get(t)!).add(u.doc);
  const names = [...docsOf].filter(([, d]) => d.size >= LEXICAL_MIN_DOCS).map(([t]) => t).sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const starts = new Int32Array(units.length + 1);
  const cols: number[] = [];
  units.forEach((u, i) => {
    for (const t of u.terms) {
      const j = index.get(t);
      if (j !== undefined) cols.push(j);
    }
    starts[i + 1] = cols.length;
  });
  const col = Int32Array.from(cols);
  const y = Float64Array.from(units, (u) => u.y);
  const w = new Float64Array(names.length);
  const grad = new Float64Array(names.length);
  let bias = 0;
  const n = units.length;
  for (let step = 0; step < LEXICAL_STEPS; step++) {
    grad.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const from = starts[i]!;
      const to = starts[i + 1]!;
      let z = bias;
      for (let k = from; k < to; k++) z += w[col[k]!]!;
      const d = 1 / (1 + Math.exp(-z)) - y[i]!;
      for (let k = from; k < to; k++) grad[col[k]!]! += d;
      gb += d;
    }
    for (let j = 0; j < w.length; j++) w[j]! -= 3 * (grad[j]! / n + l2 * w[j]!);
    bias -= (3 * gb) / n;
  }
  const r = (v: number): number => (round ? Math.round(v * 1e3) / 1e3 : v);
  return { bias: r(bias), weights: Object.fromEntries(names.map((t, j) => [t, r(w[j]!)] as const).filter(([, v]) => v !== 0)) };
}

/**
 * The lexical model of a locale, its penalty chosen by source-wise cross-validation (out-of-fold
 * log-loss), and each development unit's out-of-fold log-odds (the model of the folds without its
 * source), which is what the scorer is fitted on.
 */
function lexicalModel(lang: 'en' | 'zh'): { model: LexicalModel; l2: number; units: number; oof: Map<string, number> } {
  const units = lexicalUnits(lang);
  const fold = sourceFolds(countByDoc(units));
  let best: { l2: number; loss: number; oof: Map<string, number> } | undefined;
  for (const l2 of LEXICAL_L2S) {
    const oof = new Map<string, number>();
    let loss = 0;
    for (let k = 0; k < FOLDS; k++) {
      const m = fitLexical(units.filter((u) => fold.get(u.doc) !== k), l2, false);
      for (const u of units) {
        if (fold.get(u.doc) !== k) continue;
        const z = u.terms.reduce((a, t) => a + (m.weights[t] ?? 0), m.bias);
        oof.set(u.key, z);
        const p = logistic(z);
        loss -= u.y ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12);
      }
    }
    if (!best || loss < best.loss) best = { l2, loss, oof };
  }
  return { model: fitLexical(units, best!.l2, true), l2: best!.l2, units: units.length, oof: best!.oof };
}

/** A scorer's setting and weights chosen by source-wise cross-validation on `rows` (see the file comment). */
function choose(all: readonly Row[], uncovered: ReadonlyMap<string, number>, spec: ReadonlyArray<{ x: Record<string, number> }>) {
  const docs = [...new Set(all.map((r) => r.doc))].sort();
  const fold = sourceFolds(countByDoc(all));
  const missed = [...uncovered.values()].reduce((a, b) => a + b, 0);
  // The claims no candidate covers, per fold.
  const missedIn = Array.from({ length: FOLDS }, (_, k) => [...uncovered].filter(([d]) => fold.get(d) === k).reduce((a, [, n]) => a + n, 0));
  // Every setting's out-of-fold F1 (over all folds) and its F1 per fold.
  const settings: Array<{ minDocs: number; l2: number; t: number; tOpen: number; f1: number; p: number; r: number; folds: number[] }> = [];
  const pruned = new Map(MIN_DOCS.map((m) => [m, prune(all, m)] as const));
  for (const [minDocs, rows] of pruned) for (const l2 of L2S) {
    const full = fit(rows, l2);
    // The highest threshold that keeps every specified flag.
    const limit = Math.min(1, ...spec.map((u) => predict(full, u.x)));
    // Out-of-fold scores per fold: [score, label, open-class only].
    const byFold = Array.from({ length: FOLDS }, (_, k) => {
      const w = fit(rows.filter((r) => fold.get(r.doc) !== k), l2);
      return rows.filter((r) => fold.get(r.doc) === k).map((r): [number, number, boolean] => [predict(w, r.x), r.y, r.x[OPEN_ONLY] === 1]);
    });
    const pairs = byFold.flat();
    // The units holding only open-class candidates may need a higher score than the rest: they
    // are rare in the development documents and less often claims (no specified flag is one).
    const limitOpen = Math.min(1, ...spec.filter((u) => u.x[OPEN_ONLY] === 1).map((u) => predict(full, u.x)));
    // t = 0 flags every candidate: the scorer ships only where it beats that out of fold.
    for (const t of [0, ...THRESHOLDS]) {
      if (t > limit) continue;
      for (const tOpen of [t, ...THRESHOLDS.filter((x) => x > t && x <= limitOpen)]) {
        const s = f1At(pairs, missed, t, tOpen);
        const folds = byFold.map((f, k) => f1At(f, missedIn[k]!, t, tOpen).f1);
        settings.push({ minDocs, l2, t: Math.round(t * 1000) / 1000, tOpen: Math.round(tOpen * 1000) / 1000, ...s, folds });
      }
    }
  }
  // The one-standard-error rule: the simplest setting whose F1 is within one standard error
  // (across folds) of the best one: the fewest features (the highest minimum document frequency),
  // then the most regularised. Among near-equal fits it takes the simplest, which carries best
  // to documents nobody tuned on.
  const top = settings.reduce((a, b) => (b.f1 > a.f1 ? b : a));
  const mean = top.folds.reduce((a, b) => a + b, 0) / FOLDS;
  const se = Math.sqrt(top.folds.reduce((a, b) => a + (b - mean) ** 2, 0) / (FOLDS - 1) / FOLDS);
  const minDocsChosen = Math.max(...settings.filter((s) => s.f1 >= top.f1 - se).map((s) => s.minDocs));
  const near = settings.filter((s) => s.f1 >= top.f1 - se && s.minDocs === minDocsChosen);
  const l2Chosen = Math.max(...near.map((s) => s.l2));
  // The threshold pair whose neighbourhood (one step either way on each threshold) has the best
  // mean F1: the middle of a plateau rather than its highest point, which moves with every
  // small change to the candidates.
  const atL2 = settings.filter((s) => s.l2 === l2Chosen);
  const step = 0.025 + 1e-9;
  const smooth = (s: (typeof settings)[number]): number => {
    const around = atL2.filter((o) => Math.abs(o.t - s.t) <= step && Math.abs(o.tOpen - s.tOpen) <= step && (o.t === 0) === (s.t === 0));
    return around.reduce((a, o) => a + o.f1, 0) / around.length;
  };
  const best = near.filter((s) => s.l2 === l2Chosen).reduce((a, b) => (smooth(b) > smooth(a) ? b : a));
  const weights = best.t === 0 ? {} : fit(pruned.get(best.minDocs)!, best.l2);
  return { best, weights, docs, missed, se };
}

/** The shares of the development documents the learning curve fits on. */
const SHARES = [0.25, 0.5, 0.75, 1];

/**
 * The learning curve: out-of-fold F1 (over all units, the claims no candidate covers counting as
 * misses, at the best single threshold) when each fold's scorer is fitted on only a share of the
 * other folds' documents, averaged over three draws of that share. A curve that is still rising
 * asks for more labelled documents; a flat one, for features that carry more.
 */
function learningCurve(rows: readonly Row[], uncovered: ReadonlyMap<string, number>, l2: number): Array<{ share: number; f1: number }> {
  const docs = [...new Set(rows.map((r) => r.doc))].sort();
  const fold = sourceFolds(countByDoc(rows));
  const missed = [...uncovered.values()].reduce((a, b) => a + b, 0);
  return SHARES.map((share) => {
    const draws = share === 1 ? [0] : [1, 2, 3];
    const f1s = draws.map((draw) => {
      const pairs: Array<[number, number, boolean]> = [];
      for (let k = 0; k < FOLDS; k++) {
        const train = shuffle(docs.filter((d) => fold.get(d) !== k), prng(SEED + 7 * draw + k));
        const keep = new Set(train.slice(0, Math.max(1, Math.round(train.length * share))));
        const w = fit(rows.filter((r) => keep.has(r.doc)), l2);
        for (const r of rows) if (fold.get(r.doc) === k) pairs.push([predict(w, r.x), r.y, false]);
      }
      return Math.max(...[0, ...THRESHOLDS].map((t) => f1At(pairs, missed, t).f1));
    });
    return { share, f1: f1s.reduce((a, b) => a + b, 0) / f1s.length };
  });
}

function main(): void {
  if (process.argv.includes('--learning-curve')) {
    const shipped = JSON.parse(readFileSync(OUT, 'utf8')) as Record<string, { l2: number; minDocs?: number }>;
    for (const lang of ['en', 'zh'] as const) {
      // Without the lexical feature: its out-of-fold scores come from models fitted on every other
      // fold, and the shipped model has seen every development unit.
      const { rows: all, uncovered } = collect(lang, new Map());
      for (const r of all) delete r.x.lexical;
      const rows = prune(all, shipped[lang]?.minDocs ?? MIN_DOCS[0]!);
      for (const { share, f1 } of learningCurve(rows, uncovered, shipped[lang]?.l2 ?? 3)) {
        process.stdout.write(`fit-scorer: learning-curve lang=${lang} share=${share} cv_f1=${f1.toFixed(3)}\n`);
      }
    }
    return;
  }
  const dry = process.argv.includes('--dry');
  const out: Record<string, { threshold: number; openThreshold?: number; l2: number; minDocs: number; fitted: string; weights: Record<string, number> }> = {};
  const lexicalOut: Record<string, LexicalModel & { l2: number; fitted: string }> = {};
  for (const lang of ['en', 'zh'] as const) {
    const lexical = lexicalModel(lang);
    process.stdout.write(`fit-scorer: lang=${lang} lexical_units=${lexical.units} lexical_l2=${lexical.l2} lexical_terms=${Object.keys(lexical.model.weights).length}\n`);
    const { rows, uncovered } = collect(lang, lexical.oof);
    const spec = specification(lang, lexical.model);
    // The lexical feature stays only where it clearly beats the scorer without it out of fold.
    const plain = (x: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'lexical'));
    const withWords = choose(rows, uncovered, spec);
    const without = choose(
      rows.map((r) => ({ ...r, x: plain(r.x) })),
      uncovered,
      spec.map((u) => ({ ...u, x: plain(u.x) })),
    );
    // The model with the lexical feature (and its shipped word weights) must beat the one without
    // it by more than a standard error: a smaller gain is noise, and the words cost bytes.
    const words = withWords.best.f1 > without.best.f1 + withWords.se;
    const { best, weights, docs, missed } = words ? withWords : without;
    if (words) lexicalOut[lang] = { l2: lexical.l2, fitted: `${lexical.units} units of the development documents`, ...lexical.model };
    process.stdout.write(
      `fit-scorer: lang=${lang} spec_units=${spec.length} rows=${rows.length} flags=${rows.filter((r) => r.y).length} uncovered_flags=${missed} docs=${docs.length} min_docs=${best.minDocs} l2=${best.l2} threshold=${best.t} open_threshold=${best.tOpen} cv_precision=${best.p.toFixed(3)} cv_recall=${best.r.toFixed(3)} cv_f1=${best.f1.toFixed(3)} lexical=${words ? 'yes' : 'no'} cv_f1_with_lexical=${withWords.best.f1.toFixed(3)} cv_f1_without=${without.best.f1.toFixed(3)} features=${Object.keys(weights).length}\n`,
    );
    out[lang] = { threshold: best.t, ...(best.tOpen > best.t ? { openThreshold: best.tOpen } : {}), l2: best.l2, minDocs: best.minDocs, fitted: `${rows.length} candidate units of ${docs.length} development documents`, weights };
  }
  const json = `${JSON.stringify(out, null, 2)}\n`;
  const lexicalJson = `${JSON.stringify(lexicalOut)}\n`;
  if (process.argv.includes('--check')) {
    // The shipped weights must be what this script fits from the labelled documents.
    for (const [file, text] of [[OUT, json], [LEXICAL_OUT, lexicalJson]] as const) {
      if (readFileSync(file, 'utf8') !== text) {
        process.stdout.write(`fit-scorer: ${file.slice(file.indexOf('src'))} is stale: run \`node --import tsx scripts/fit-scorer.ts\`\n`);
        process.exitCode = 1;
      }
    }
  } else if (dry) process.stdout.write(json);
  else {
    writeFileSync(OUT, json);
    writeFileSync(LEXICAL_OUT, lexicalJson);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
