/**
 * Scores povlint against labelled documents per the labelling contract (LABELING.md): a unit
 * counts as flagged when a finding of one of the five claim rules, of severity warning or error,
 * overlaps it.
 *
 * Labelled documents are split by document into development and validation
 * (`test/corpus/split.json`). Development errors are listed for tuning; validation is printed as
 * aggregate figures only, never unit by unit, so that its figure predicts unseen documents.
 *
 *   npm run eval                  eval-dev / eval-validation lines per language, dev errors, figures per rule
 *   npm run eval -- --gate        also fail (exit 1, saying why) when the corpus, a gold file or its
 *                                 units are missing or changed, or a figure drops below its floor
 *   npm run eval -- --quiet       only the summary lines
 *   npm run eval -- --json        the figures as JSON (for scripts)
 *   npm run eval -- --record-gold record the gold files' unit counts and hashes in test/eval-floors.json
 *                                 (after a deliberate change to the labels; floors are set by hand)
 *
 * Gold: the shared dev gold (../shared/corpus/gold-dev-full.jsonl, five documents labelled unit by
 * unit) and the corpus gold (test/corpus/gold/*.jsonl: two independent annotators, adjudicated).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, type Finding } from '../src/core/index.js';
import { readJsonl } from './kappa.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The shared labelled corpus (`POVLINT_CORPUS_DIR` names another place, for tests of the gate). */
export const SHARED = process.env.POVLINT_CORPUS_DIR ? resolve(process.env.POVLINT_CORPUS_DIR) : resolve(root, '..', 'shared', 'corpus');
const LOCAL = join(root, 'test', 'corpus');
const COUNTED = new Set(['unmeasured-claim', 'vague-quantifier', 'puffery', 'weak-obligation', 'unverifiable-absolute']);

export interface GoldUnit {
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

type Lang = 'en' | 'zh';
type Part = 'dev' | 'validation';

/** Where a document's text is, and its language (from the folder it is in). */
const DOC_DIRS: Array<[string, Lang]> = [
  [join(SHARED, 'docs'), 'en'],
  [join(SHARED, 'docs-zh'), 'zh'],
  [join(LOCAL, 'docs-en'), 'en'],
  [join(LOCAL, 'docs-zh'), 'zh'],
];

export function findDoc(doc: string): { path: string; lang: Lang } | undefined {
  for (const [dir, lang] of DOC_DIRS) if (existsSync(join(dir, doc))) return { path: join(dir, doc), lang };
  return undefined;
}

function lineStarts(text: string): number[] {
  const s = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') s.push(i + 1);
  return s;
}

const OBJECT = '\uFFFC';

/** Where pieces occur in order in `hay`, each at most 300 characters after the one before: [start, end), or undefined. */
function matchPieces(hay: string, pieces: readonly string[]): [number, number] | undefined {
  if (pieces.length === 0) return undefined;
  for (let first = hay.indexOf(pieces[0]!); first >= 0; first = hay.indexOf(pieces[0]!, first + 1)) {
    let end = first + pieces[0]!.length;
    let ok = true;
    for (const p of pieces.slice(1)) {
      const next = hay.indexOf(p, end);
      if (next < 0 || next - end > 300) {
        ok = false;
        break;
      }
      end = next + p.length;
    }
    if (ok) return [first, end];
  }
  return undefined;
}

/** Locates a gold unit's text in the source lines it names; returns [start, end) offsets. */
export function locate(source: string, starts: number[], u: Pick<GoldUnit, 'line' | 'endLine' | 'text'>): [number, number] {
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
  if (at < 0 && needle.includes(OBJECT)) {
    // Units name inline code and other replaced elements with U+FFFC: the pieces between them must
    // follow one another in the source, each within a short gap of the one before.
    const span = matchPieces(hay, needle.split(OBJECT).filter((p) => p));
    if (span) [at, len] = [span[0], span[1] - span[0]];
  }
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

export function readGold(file: string): GoldUnit[] {
  return readJsonl<GoldUnit>(file);
}

/** The gold files the evaluation reads, relative to the repository's parent folder (`shared/…`, `main/test/…`). */
export function goldFiles(): string[] {
  const out = [join(SHARED, 'gold-dev-full.jsonl')];
  const dir = join(LOCAL, 'gold');
  if (existsSync(dir)) for (const f of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) out.push(join(dir, f));
  return out;
}

export interface UnitResult {
  unit: GoldUnit;
  lang: Lang;
  part: Part;
  flagged: boolean;
  rules: string[];
  terms: string[];
}

/** Lints every labelled document once and scores each unit. */
export function scoreUnits(files: string[], validation: ReadonlySet<string>, lintText: (text: string) => Finding[] = (t) => lint(t)): UnitResult[] {
  const byDoc = new Map<string, { text: string; starts: number[]; findings: Finding[]; lang: Lang }>();
  const out: UnitResult[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    for (const u of readGold(file)) {
      // A document labelled twice (shared dev gold and corpus gold) counts once: the first file wins.
      const key = `${u.doc}#${u.line}#${u.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let doc = byDoc.get(u.doc);
      if (!doc) {
        const found = findDoc(u.doc);
        if (!found) throw new Error(`${file}: unit ${u.id}: document ${u.doc} is not in the corpus`);
        const text = readFileSync(found.path, 'utf8');
        doc = { text, starts: lineStarts(text), findings: lintText(text).filter((f) => COUNTED.has(f.ruleId) && (f.severity === 'warning' || f.severity === 'error')), lang: found.lang };
        byDoc.set(u.doc, doc);
      }
      const [s, e] = locate(doc.text, doc.starts, u);
      const hits = doc.findings.filter((f) => f.start.offset < e && f.end.offset > s);
      out.push({ unit: u, lang: doc.lang, part: validation.has(u.doc) ? 'validation' : 'dev', flagged: hits.length > 0, rules: [...new Set(hits.map((h) => h.ruleId))], terms: hits.map((h) => h.term ?? '') });
    }
  }
  return out;
}

/** A text of a written contrast set (test/corpus/written-sets, see its README). */
export interface WrittenText {
  id: string;
  lang: Lang;
  text: string;
  label: 'flag' | 'ok';
  category?: string;
}

const WRITTEN_SETS = join(LOCAL, 'written-sets');

/** The written contrast sets by name (none when the folder is missing). */
export function writtenSets(dir = WRITTEN_SETS): Map<string, WrittenText[]> {
  const out = new Map<string, WrittenText[]>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) out.set(f.replace(/\.jsonl$/, ''), readJsonl(join(dir, f)) as WrittenText[]);
  return out;
}

/**
 * Each text linted on its own, in its set's language: flagged when a finding of the five claim
 * rules, of severity warning or error, is in it (the contract's scoring, with the text as the unit).
 */
export function scoreWritten(texts: readonly WrittenText[]): Score {
  return tally(texts.map((t) => [lint(t.text, { locale: t.lang }).some((f) => COUNTED.has(f.ruleId) && (f.severity === 'warning' || f.severity === 'error')), t.label === 'flag']));
}

/** The score of [flagged, gold flag] decisions. */
function tally(decisions: ReadonlyArray<readonly [boolean, boolean]>): Score {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const [flagged, gold] of decisions) {
    if (flagged && gold) tp++;
    else if (flagged) fp++;
    else if (gold) fn++;
    else tn++;
  }
  return score(tp, fp, fn, tn);
}

export function aggregate(results: readonly UnitResult[]): Score {
  return tally(results.map((r) => [r.flagged, r.unit.label === 'flag']));
}

/** Per rule: units it flagged (correct / noise); per gold category: recall. */
function perRule(results: readonly UnitResult[], print: (s: string) => void): void {
  const rules = new Map<string, { tp: number; fp: number }>();
  const cats = new Map<string, { tp: number; fn: number }>();
  for (const r of results) {
    const gold = r.unit.label === 'flag';
    for (const rule of r.rules) {
      const x = rules.get(rule) ?? { tp: 0, fp: 0 };
      if (gold) x.tp++;
      else x.fp++;
      rules.set(rule, x);
    }
    if (gold) {
      const c = cats.get(r.unit.category ?? '?') ?? { tp: 0, fn: 0 };
      if (r.flagged) c.tp++;
      else c.fn++;
      cats.set(r.unit.category ?? '?', c);
    }
  }
  for (const [rule, x] of [...rules].sort()) print(`    rule ${rule.padEnd(24)} flagged=${x.tp + x.fp} correct=${x.tp} precision=${fmt(x.tp / (x.tp + x.fp))}`);
  for (const [cat, c] of [...cats].sort()) print(`    gold ${cat.padEnd(24)} units=${c.tp + c.fn} found=${c.tp} recall=${fmt(c.tp / (c.tp + c.fn))}`);
}

/**
 * How far the rules' candidates cap the figures: candidate recall (gold flags holding at least one
 * candidate claim: the ceiling of recall), the precision of flagging every candidate, and the share
 * of candidate-covered gold flags the scorer keeps. Aggregate only (validation is never listed).
 */
export function ceiling(scored: readonly UnitResult[], all: readonly UnitResult[]): { candidateRecall: number; candidatePrecision: number; scorerRecall: number; candidateUnits: number } {
  const c = aggregate(all);
  const key = (r: UnitResult): string => `${r.unit.doc}#${r.unit.line}#${r.unit.text}`;
  const covered = new Set(all.filter((r) => r.flagged && r.unit.label === 'flag').map(key));
  const kept = scored.filter((r) => r.flagged && covered.has(key(r))).length;
  return { candidateRecall: c.recall, candidatePrecision: c.precision, scorerRecall: covered.size ? kept / covered.size : 1, candidateUnits: c.tp + c.fp };
}

export interface Split {
  /** Documents whose units are validation; every other labelled document is development. */
  validation: string[];
}

export function readSplit(): Split {
  return JSON.parse(readFileSync(join(LOCAL, 'split.json'), 'utf8')) as Split;
}

export interface Floors {
  gold: Record<string, { units: number; sha256: string }>;
  floors: Record<string, { precision: number; recall: number }>;
}

/** A gold file's name in test/eval-floors.json: relative to the repository (`../shared/…`, `test/…`). */
const goldKey = (path: string): string => relative(root, path).split('\\').join('/');

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Why the corpus or a gold file is not what `test/eval-floors.json` records; empty when it is. */
export function integrityProblems(floors: Floors): string[] {
  const problems: string[] = [];
  if (!existsSync(SHARED)) return [`the corpus folder ${SHARED} is missing`];
  for (const [rel, want] of Object.entries(floors.gold)) {
    const path = join(root, rel);
    if (!existsSync(path)) {
      problems.push(`gold file ${rel} is missing`);
      continue;
    }
    const units = readGold(path).length;
    if (units !== want.units) problems.push(`gold file ${rel} has ${units} units, ${want.units} recorded`);
    else if (sha256(path) !== want.sha256) problems.push(`gold file ${rel} changed (sha256 differs from the one recorded)`);
  }
  for (const path of goldFiles()) {
    const rel = goldKey(path);
    if (!(rel in floors.gold)) problems.push(`gold file ${rel} is not recorded in test/eval-floors.json`);
  }
  return problems;
}

function main(): void {
  const args = process.argv.slice(2);
  const quiet = args.includes('--quiet');
  const gate = args.includes('--gate');
  const json = args.includes('--json');
  const print = (s: string): void => void process.stdout.write(`${s}\n`);
  const fail = (why: string): void => {
    print(`eval: FAILED: ${why}`);
    process.exitCode = 1;
  };
  if (!existsSync(SHARED)) {
    if (gate && process.env.POVLINT_REQUIRE_CORPUS) return fail(`the corpus folder ${SHARED} is missing (POVLINT_REQUIRE_CORPUS is set)`);
    print(`eval: skipped: the labelled corpus is not at ${SHARED}`);
    return;
  }
  const floorsPath = join(root, 'test', 'eval-floors.json');
  const floors = JSON.parse(readFileSync(floorsPath, 'utf8')) as Floors;
  if (args.includes('--record-gold')) {
    floors.gold = Object.fromEntries(goldFiles().map((p) => [goldKey(p), { units: readGold(p).length, sha256: sha256(p) }]));
    writeFileSync(floorsPath, `${JSON.stringify(floors, null, 2)}\n`);
    print(`eval: recorded ${Object.keys(floors.gold).length} gold files in test/eval-floors.json`);
    return;
  }
  const problems = integrityProblems(floors);
  if (gate && problems.length) {
    for (const p of problems) fail(p);
    return;
  }
  for (const p of problems) print(`eval: warning: ${p}`);
  const split = readSplit();
  const results = scoreUnits(goldFiles(), new Set(split.validation));
  // The same documents with every candidate claim kept: what the rules propose before the scorer decides.
  const candidates = scoreUnits(goldFiles(), new Set(split.validation), (t) => lint(t, { scorer: false }));
  const lines: string[] = [];
  const figures: Record<string, Score & { docs: number }> = {};
  for (const lang of ['en', 'zh'] as const) {
    for (const part of ['dev', 'validation'] as const) {
      const rs = results.filter((r) => r.lang === lang && r.part === part);
      const s = aggregate(rs);
      const docs = new Set(rs.map((r) => r.unit.doc)).size;
      figures[`${lang}-${part}`] = { ...s, docs };
      lines.push(`eval-${part}: lang=${lang} precision=${fmt(s.precision)} recall=${fmt(s.recall)} f1=${fmt(s.f1)} units=${s.units} flags=${s.tp + s.fn} docs=${docs}`);
      const c = ceiling(rs, candidates.filter((r) => r.lang === lang && r.part === part));
      lines.push(
        `eval-candidates-${part}: lang=${lang} candidate_recall=${fmt(c.candidateRecall)} candidate_precision=${fmt(c.candidatePrecision)} scorer_recall=${fmt(c.scorerRecall)} scorer_precision=${fmt(s.precision)} candidate_units=${c.candidateUnits}`,
      );
      if (!quiet && !json) {
        print(`\n== ${lang} ${part}: ${docs} documents, ${s.units} units (tp=${s.tp} fp=${s.fp} fn=${s.fn} tn=${s.tn}) ==`);
        perRule(rs, print);
        if (part === 'dev') {
          // Development errors only: validation is read as aggregate figures.
          for (const r of rs) {
            if (r.flagged === (r.unit.label === 'flag')) continue;
            const why = r.flagged ? r.rules.join(',') + ':' + r.terms.join('|') : `expected ${r.unit.category ?? 'flag'}`;
            print(`    ${r.flagged ? 'FP' : 'FN'} ${r.unit.doc}:${r.unit.line} [${why}] ${r.unit.text.slice(0, 160)}`);
          }
        }
      }
      const floor = floors.floors[`${lang}-${part}`];
      if (floor && (s.precision < floor.precision || s.recall < floor.recall)) {
        lines.push(`eval: BELOW FLOOR for ${lang}-${part}: precision ${fmt(s.precision)} (floor ${floor.precision}), recall ${fmt(s.recall)} (floor ${floor.recall})`);
        if (gate) process.exitCode = 1;
      }
    }
  }
  // The sentence sets written apart from the team (`written--*` documents): short claims and
  // statements of security vendors and buyers, one per list item. Part of the lines above; also
  // printed on their own, since such sentences read differently from whole documents.
  for (const lang of ['en', 'zh'] as const) {
    for (const part of ['dev', 'validation'] as const) {
      const rs = results.filter((r) => r.lang === lang && r.part === part && r.unit.doc.startsWith('written--'));
      if (rs.length === 0) continue;
      const s = aggregate(rs);
      figures[`${lang}-${part}-sentences`] = { ...s, docs: new Set(rs.map((r) => r.unit.doc)).size };
      lines.push(`eval-sentences-${part}: lang=${lang} precision=${fmt(s.precision)} recall=${fmt(s.recall)} f1=${fmt(s.f1)} units=${s.units} flags=${s.tp + s.fn}`);
    }
  }
  // The written contrast sets: development data that probes classes of language (not in the lines above).
  for (const [name, texts] of writtenSets()) {
    const s = scoreWritten(texts);
    figures[`written-${name}`] = { ...s, docs: 0 };
    lines.push(`eval-written-set: set=${name} lang=${texts[0]?.lang ?? '-'} precision=${fmt(s.precision)} recall=${fmt(s.recall)} f1=${fmt(s.f1)} units=${s.units} flags=${s.tp + s.fn}`);
  }
  if (json) {
    print(JSON.stringify(figures, null, 2));
    return;
  }
  print('');
  for (const l of lines) print(l);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
