/**
 * The engine: options compiled once, blocks analysed independently (and cached by content), the
 * document assembled from block results. `lint` and sessions share all of it.
 */
import { analyseUnit, type UnitInfo } from './analysis.js';
import { unitLocale } from './document.js';
import { model, scoreUnit, SCORED_RULES } from './score/index.js';
import type { DocType, LintOptions, RuleOptions } from './config/types.js';
import type { Directive } from './directives.js';
import { parseDirectives } from './directives.js';
import { MESSAGES } from './messages.js';
import { fencedCodeOnly, plainParagraphTree, flatTree, tooDeep } from './parse/fast.js';
import { parseBlock } from './parse/markdown.js';
import { subsetTree } from './parse/subset.js';
import { proseUnits, toSource } from './parse/units.js';
import type { LocalFinding } from './rules/define.js';
import { documentRules, pretestRules, unitRules } from './rules/index.js';
import { isSafeRegex } from './regex-safety.js';
import { MAX_TERMS_PER_RULE } from './config/parse.js';
import { LOCALES, RULE_IDS, type Locale, type RuleId, type Severity, type SeveritySetting } from './types.js';
import { compileVocabulary, escapeRegExp, mayHoldTerm, type CompiledVocabulary, type VocabularyPlan } from './vocab/matcher.js';
import PLAN_EN from './vocab/plan.en.json' with { type: 'json' };
import PLAN_ZH from './vocab/plan.zh.json' with { type: 'json' };
import type { VocabEntry } from './vocab/types.js';
import { VOCABULARIES } from './vocab/index.js';
import type { Nodes, Parents } from 'mdast';
import { ruleMeta } from './rules/index.js';

export interface BlockResult {
  findings: LocalFinding[];
  directives: Array<Omit<Directive, 'line' | 'endLine'>>;
  /** The facts the block contributes to document rules, by rule id (undefined when none). */
  facts: Partial<Record<RuleId, unknown>> | undefined;
}

/** The result of a block that cannot hold a finding (shared: compare by identity to skip it). */
export const EMPTY_BLOCK: BlockResult = Object.freeze({ findings: [], directives: [], facts: undefined }) as BlockResult;

export interface Engine {
  key: string;
  severity: Record<RuleId, SeveritySetting>;
  enabled: Set<RuleId>;
  vocab: Record<Locale, CompiledVocabulary>;
  allowed: Map<RuleId, Set<string>>;
  options: LintOptions;
  /** Whether the unit scorer decides on units with candidate claims. */
  scorer: boolean;
  /** Per-locale cache of block results by block text. */
  cache: Map<string, Map<string, BlockResult>>;
  /** What the cached blocks weigh: their texts' length, and `FINDING_WEIGHT` for each finding (`CACHE_CHARS`). */
  cachedChars: number;
}

function ruleOptions(setting: unknown): RuleOptions {
  if (typeof setting === 'string') return { severity: setting as SeveritySetting };
  return (setting ?? {}) as RuleOptions;
}

const engines = new Map<string, Engine>();

/** Forgets every compiled engine and its block cache (a cold start, for measurements). */
export function clearEngines(): void {
  engines.clear();
}

/** The generated plans of the built-in vocabularies (scripts/gen/vocab-plan.ts). */
const PLANS: Record<Locale, VocabularyPlan> = { en: PLAN_EN as VocabularyPlan, zh: PLAN_ZH as VocabularyPlan };

export function getEngine(options: LintOptions = {}): Engine {
  const key = JSON.stringify([options.rules ?? null, options.allowPatterns ?? true, options.scorer ?? true]);
  const cached = engines.get(key);
  if (cached) return cached;
  const severity = {} as Record<RuleId, SeveritySetting>;
  const enabled = new Set<RuleId>();
  const allowed = new Map<RuleId, Set<string>>();
  const extra: VocabEntry[] = [];
  for (const id of RULE_IDS) {
    const o = ruleOptions(options.rules?.[id]);
    severity[id] = o.severity ?? ruleMeta(id).defaultSeverity;
    if (severity[id] !== 'off') enabled.add(id);
    allowed.set(id, new Set((o.allow ?? []).map((a) => a.toLowerCase())));
    const terms = o.terms ?? [];
    // Options that did not come through config validation get the same limit, and an error that
    // never prints the pattern.
    if (terms.length > MAX_TERMS_PER_RULE) throw new RangeError(`rules.${id}.terms: at most ${MAX_TERMS_PER_RULE} terms per rule, got ${terms.length}`);
    for (const t of terms) {
      if (typeof t === 'string') {
        if (t.trim()) extra.push({ term: t, rule: id, reason: 'listed in the configuration', pattern: escapeRegExp(t.trim()).replace(/\s+/g, '\\s+') });
      } else if (options.allowPatterns !== false && t && typeof t.pattern === 'string' && isSafeRegex(t.pattern)) {
        extra.push({ term: t.pattern, rule: id, reason: t.reason ?? 'listed in the configuration', pattern: `(?:${t.pattern})` });
      }
    }
  }
  // Each locale's vocabulary is compiled when a lint first reads it (an English document never
  // needs the Chinese one), from its generated plan while the vocabulary is the built-in one.
  const vocab = {} as Record<Locale, CompiledVocabulary>;
  for (const loc of LOCALES) {
    let compiled: CompiledVocabulary | undefined;
    Object.defineProperty(vocab, loc, {
      enumerable: true,
      get: () => (compiled ??= extra.length ? compileVocabulary({ ...VOCABULARIES[loc], entries: [...VOCABULARIES[loc].entries, ...extra] }) : compileVocabulary(VOCABULARIES[loc], PLANS[loc], true)),
    });
  }
  const engine: Engine = { key, severity, enabled, vocab, allowed, options, scorer: options.scorer ?? true, cache: new Map(), cachedChars: 0 };
  if (engines.size > 32) engines.clear();
  engines.set(key, engine);
  return engine;
}

/** A placeholder tag (`<insert ...>`): parsed as HTML, but not markup. */
const INSERT = /^<insert\b/i;

function collectCode(tree: Nodes, out: Array<[number, number]>, directives: BlockResult['directives']): void {
  // `<insert ...>` parses as HTML but is a placeholder, not markup.
  if (tree.type === 'code' || tree.type === 'inlineCode' || (tree.type === 'html' && !INSERT.test(tree.value))) {
    const p = tree.position;
    if (p) {
      out.push([p.start.offset!, p.end.offset!]);
      if (tree.type === 'html' && tree.value.includes('povlint-')) directives.push(...parseDirectives(tree.value, p.start.offset!));
    }
    return;
  }
  if ('children' in tree) for (const c of (tree as Parents).children) collectCode(c as Nodes, out, directives);
}

/** Analyses one block's text. Pure: the result depends only on the text, locale, docType and engine. */
export function analyseBlock(src: string, engine: Engine, locale: Locale, docType: DocType, mixed = false): BlockResult {
  const cacheKey = `${locale}|${docType}|${mixed ? 'mixed' : ''}`;
  let cache = engine.cache.get(cacheKey);
  if (!cache) {
    cache = new Map();
    engine.cache.set(cacheKey, cache);
  }
  const hit = cache.get(src);
  if (hit) return hit;
  // The result's strings are slices of the text it read: read a copy of the block, so neither the
  // cache nor a session holding the result pins the longer text the block was sliced from.
  const own = detach(src);
  const result = computeBlock(own, engine, locale, true, mixed);
  const weight = own.length + FINDING_WEIGHT * result.findings.length;
  engine.cachedChars += weight;
  if (engine.cachedChars > CACHE_CHARS) {
    for (const m of engine.cache.values()) m.clear();
    engine.cachedChars = weight;
  }
  cache.set(own, result);
  return result;
}

/**
 * How much the cache may hold before it starts over: block text in UTF-16 code units, a finding
 * counting as `FINDING_WEIGHT` of them. Counted by text alone, a session editing one paragraph of
 * 150 claims kept nearly every version of it with its 300 findings: after 2,000 keystrokes, 226 MB
 * (218 MB with details deferred); weighed with its findings, 16.5 MB (3.7 MB). A placed finding
 * with its fix, message and clauses holds about 800 bytes.
 */
const CACHE_CHARS = 16_000_000;
/** What a cached finding weighs against the cache's budget, in code units of block text. */
export const FINDING_WEIGHT = 800;

/**
 * A copy of `s` that does not keep the string it was sliced from alive: a cached block of an
 * edited document must not pin every earlier version of the whole text.
 */
function detach(s: string): string {
  return s.length < 16 ? s : (' ' + s).slice(1);
}

/**
 * Analyses a block without the cache. `fastPath: false` sends every candidate block through the
 * Markdown parser (tests compare both ways).
 */
export function computeBlock(src: string, engine: Engine, locale: Locale, fastPath = true, mixed = false): BlockResult {
  const vocab = engine.vocab[locale];
  const candidate =
    mayHoldTerm(vocab, src) ||
    (mixed && mayHoldTerm(engine.vocab[locale === 'en' ? 'zh' : 'en'], src)) ||
    src.includes('povlint-') ||
    pretestRules.some((r) => engine.enabled.has(r.meta.id) && r.pretest!(src));
  // Document rules read their facts from the raw text: they never send a block to the parser.
  const facts = documentFacts(src, engine, locale);
  if (!candidate || (fastPath && fencedCodeOnly(src))) return facts ? { ...EMPTY_BLOCK, facts } : EMPTY_BLOCK;
  const code: Array<[number, number]> = [];
  const directives: BlockResult['directives'] = [];
  let units: ReturnType<typeof proseUnits>;
  try {
    const tree = tooDeep(src) ? flatTree(src) : (fastPath && (plainParagraphTree(src) ?? subsetTree(src))) || parseBlock(src);
    collectCode(tree, code, directives);
    units = proseUnits(tree, src, locale);
  } catch (e) {
    // The parser and the tree walks recurse once per nesting level: thousands of list markers or
    // `>` on one line overflow the stack. Such a block yields no findings instead of a crash.
    if (e instanceof RangeError) return EMPTY_BLOCK;
    throw e;
  }
  // A mixed block's units are read each in its own script's language, the others in the block's.
  const locales = mixed ? units.map((u) => unitLocale(u.text, locale)) : undefined;
  const infos: UnitInfo[] = units.map((u, i) => analyseUnit(u, locales?.[i] ?? locale));
  const kept: LocalFinding[] = [];
  for (const loc of locales ? LOCALES.filter((l) => locales.includes(l)) : [locale]) {
    const group = locales ? infos.filter((_, i) => locales[i] === loc) : infos;
    const findings = unitFindings(src, code, group, engine, loc);
    for (const f of engine.scorer ? gateUnits(group, findings, loc) : findings) kept.push(f);
  }
  kept.sort((a, b) => a.start - b.start || a.end - b.end);
  return { findings: kept, directives, facts };
}

/** The findings of the unit rules on units read in one locale (`locale` set on each). */
function unitFindings(src: string, code: ReadonlyArray<[number, number]>, infos: readonly UnitInfo[], engine: Engine, locale: Locale): LocalFinding[] {
  const findings: LocalFinding[] = [];
  const messages = MESSAGES[locale];
  const vocab = engine.vocab[locale];
  for (const rule of unitRules) {
    const id = rule.meta.id;
    if (!engine.enabled.has(id)) continue;
    rule.check({
      locale,
      units: infos,
      vocab,
      messages,
      allowed: engine.allowed.get(id)!,
      sourceOffset: (info, p, side) => toSource(info.unit.base, info.unit.from + p, side),
      source: src,
      isCode: (offset) => code.some(([s, e]) => offset >= s && offset < e),
      report: (f) => findings.push({ ruleId: id, ...f, locale }),
    });
  }
  return findings;
}

/**
 * The unit scorer's decision: the claim findings of a unit stay only when the unit scores at or
 * above the threshold. Hints, placeholders and units of a locale without a model are kept as they are.
 */
function gateUnits(infos: readonly UnitInfo[], findings: LocalFinding[], locale: Locale): LocalFinding[] {
  if (!model(locale) || findings.length === 0) return findings;
  const byUnit = new Map<number, LocalFinding[]>();
  for (const f of findings) {
    if (!SCORED_RULES.has(f.ruleId) || f.severity === 'hint') continue;
    const i = unitAt(infos, f.start);
    if (i < 0) continue;
    let list = byUnit.get(i);
    if (!list) byUnit.set(i, (list = []));
    list.push(f);
  }
  const dropped = new Set<LocalFinding>();
  for (const [i, list] of byUnit) {
    const info = infos[i]!;
    const candidates = list.map((f) => ({ rule: f.ruleId, ...(f.kind ? { kind: f.kind } : {}), ...(f.term ? { term: f.term } : {}), at: Math.max(0, f.term ? info.unit.text.indexOf(f.term) : 0) }));
    if (!scoreUnit(info, candidates, locale)!.flag) for (const f of list) dropped.add(f);
  }
  return dropped.size ? findings.filter((f) => !dropped.has(f)) : findings;
}

/** The index of the unit holding a block-local offset (units are in source order), or -1. */
function unitAt(infos: readonly UnitInfo[], offset: number): number {
  let lo = 0;
  let hi = infos.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const u = infos[mid]!.unit;
    if (offset < u.start) hi = mid - 1;
    else if (offset >= Math.max(u.end, u.start + 1)) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The facts a block contributes to the enabled document rules, or undefined when none. */
function documentFacts(src: string, engine: Engine, locale: Locale): BlockResult['facts'] {
  let out: BlockResult['facts'];
  for (const rule of documentRules) {
    if (!engine.enabled.has(rule.meta.id)) continue;
    const f = rule.facts(src, locale);
    if (f !== undefined) (out ??= {})[rule.meta.id] = f;
  }
  return out;
}

export function resolvedSeverity(engine: Engine, f: LocalFinding): Severity {
  if (f.severity) return f.severity;
  const s = engine.severity[f.ruleId];
  return s === 'off' ? 'hint' : s;
}
