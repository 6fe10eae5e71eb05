/**
 * The baseline: findings recorded when povlint was adopted, so that only new ones are reported.
 *
 * An entry identifies a claim by what it says, not where it is: the document (a `/`-separated path
 * relative to the baseline file), the rule, the trigger term and the normalised text of the prose
 * unit (sentence, list item or table cell) the finding sits in. Moving paragraphs or inserting text
 * elsewhere keeps every entry matching; identical claims in one document are counted.
 *
 * This module is the file format and the matcher: pure data in, pure data out. Computing the keys
 * of a document's findings needs the parser and lives in ./keys.ts.
 */
import { locateKey } from '../config/parse.js';
import { paths } from '../config/resolve.js';
import { lineColumnAt } from '../lines.js';
import { RULE_IDS, type RuleId } from '../types.js';

/** The version of the baseline file format. */
export const BASELINE_VERSION = 1;

/** The default baseline file name, in the working directory (CLI) or beside the config (editor). */
export const DEFAULT_BASELINE_FILE = '.povlint-baseline.json';

/** What identifies a finding within one document. */
export interface FindingKey {
  rule: RuleId;
  /** The normalised trigger term (or the normalised flagged text when a rule names no term). */
  term: string;
  /** The normalised text of the prose unit the finding sits in. */
  text: string;
}

export interface BaselineEntry extends FindingKey {
  /** `/`-separated, relative to the baseline file's folder. */
  path: string;
  /** How many findings with this key the document had. At least 1. */
  count: number;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  entries: BaselineEntry[];
}

/** A problem with a baseline file: where (1-based) and which key, as for config errors. */
export interface BaselineError {
  file?: string;
  line: number;
  column: number;
  key: string;
  message: string;
}

/**
 * Text as compared: Unicode compatibility forms folded (full-width letters, ligatures), lower case,
 * every run of whitespace one space, no leading or trailing space.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

const identity = (path: string, k: FindingKey): string => JSON.stringify([path, k.rule, k.term, k.text]);

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function byEntry(a: BaselineEntry, b: BaselineEntry): number {
  return compare(a.path, b.path) || compare(a.rule, b.rule) || compare(a.term, b.term) || compare(a.text, b.text);
}

/** Entries with equal keys merged (counts added) and sorted by path, rule, term and text. */
export function normaliseEntries(entries: Iterable<BaselineEntry>): BaselineEntry[] {
  const merged = new Map<string, BaselineEntry>();
  for (const e of entries) {
    if (e.count <= 0) continue;
    const id = identity(e.path, e);
    const known = merged.get(id);
    if (known) known.count += e.count;
    else merged.set(id, { path: e.path, rule: e.rule, term: e.term, text: e.text, count: e.count });
  }
  return [...merged.values()].sort(byEntry);
}

/** A baseline of the findings of some documents: `keys` of each document, by its baseline path. */
export function baselineOf(documents: Iterable<{ path: string; keys: readonly FindingKey[] }>): Baseline {
  const entries: BaselineEntry[] = [];
  for (const { path, keys } of documents) for (const k of keys) entries.push({ path, ...k, count: 1 });
  return { version: BASELINE_VERSION, entries: normaliseEntries(entries) };
}

/**
 * The file's text: pretty JSON, two-space indent, entries sorted and each key in a fixed order,
 * ending in a newline, so the same findings always give the same bytes and diffs are reviewable.
 */
export function serialiseBaseline(baseline: Baseline): string {
  const findings = normaliseEntries(baseline.entries).map((e) => ({ path: e.path, rule: e.rule, term: e.term, text: e.text, count: e.count }));
  return `${JSON.stringify({ version: BASELINE_VERSION, findings }, null, 2)}\n`;
}

/** Whether a value is a plain JSON object. */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const ENTRY_KEYS = ['path', 'rule', 'term', 'text', 'count'] as const;

/**
 * A baseline file's text → the baseline, or precise errors (file, line, column, key). Never throws.
 * Any error leaves no baseline: a half-read baseline would report recorded findings as new.
 */
export function parseBaseline(text: string, file?: string): { baseline?: Baseline; errors: BaselineError[] } {
  const errors: BaselineError[] = [];
  const error = (path: (string | number)[], message: string): void => {
    const key = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
    errors.push({ ...(file !== undefined ? { file } : {}), ...locateKey(text, path), key, message });
  };
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const where = lineColumnAt(text, m ? Number(m[1]) : 0);
    errors.push({ ...(file !== undefined ? { file } : {}), ...where, key: '', message: `not valid JSON (${(e as Error).message})` });
    return { errors };
  }
  if (!isObject(data)) {
    error([], 'expected an object with `version` and `findings`');
    return { errors };
  }
  if (data.version !== BASELINE_VERSION) {
    error(['version'], `expected ${BASELINE_VERSION}, got ${JSON.stringify(data.version) ?? 'nothing'}; write the baseline again with this povlint (\`--write-baseline\`)`);
  }
  for (const key of Object.keys(data)) {
    if (key !== 'version' && key !== 'findings') error([key], `unknown key \`${key}\`; expected \`version\` and \`findings\``);
  }
  if (!Array.isArray(data.findings)) {
    error(['findings'], 'expected an array of findings');
    return { errors };
  }
  const entries: BaselineEntry[] = [];
  data.findings.forEach((raw: unknown, i: number) => {
    const at = (k?: string): (string | number)[] => (k === undefined ? ['findings', i] : ['findings', i, k]);
    if (!isObject(raw)) {
      error(at(), 'expected an object with `path`, `rule`, `term`, `text` and `count`');
      return;
    }
    let ok = true;
    for (const key of Object.keys(raw)) {
      if (!(ENTRY_KEYS as readonly string[]).includes(key)) {
        error(at(key), `unknown key \`${key}\`; expected one of ${ENTRY_KEYS.map((k) => `\`${k}\``).join(', ')}`);
        ok = false;
      }
    }
    for (const key of ['path', 'term', 'text'] as const) {
      if (typeof raw[key] !== 'string') {
        error(at(key), `expected a string, got ${JSON.stringify(raw[key]) ?? 'nothing'}`);
        ok = false;
      }
    }
    if (typeof raw.path === 'string' && raw.path === '') {
      error(at('path'), 'expected a path relative to the baseline file, got an empty string');
      ok = false;
    }
    if (typeof raw.rule !== 'string' || !(RULE_IDS as readonly string[]).includes(raw.rule)) {
      error(at('rule'), `expected a rule id (${RULE_IDS.map((r) => `\`${r}\``).join(', ')}), got ${JSON.stringify(raw.rule) ?? 'nothing'}`);
      ok = false;
    }
    if (typeof raw.count !== 'number' || !Number.isInteger(raw.count) || raw.count < 1) {
      error(at('count'), `expected a whole number of findings (1 or more), got ${JSON.stringify(raw.count) ?? 'nothing'}`);
      ok = false;
    }
    if (ok) entries.push({ path: raw.path as string, rule: raw.rule as RuleId, term: raw.term as string, text: raw.text as string, count: raw.count as number });
  });
  if (errors.length) return { errors };
  return { baseline: { version: BASELINE_VERSION, entries: normaliseEntries(entries) }, errors };
}

/** `file:line:column: key: message`, as config errors are printed. */
export function formatBaselineError(e: BaselineError): string {
  const where = `${e.file ?? '<baseline>'}:${e.line}:${e.column}`;
  return e.key ? `${where}: ${e.key}: ${e.message}` : `${where}: ${e.message}`;
}

/**
 * Matches documents' findings against a baseline. Each entry covers as many findings as its count,
 * in document order; what is left over after every document of a run was matched is stale.
 */
export class BaselineMatcher {
  /** Remaining count of each entry, by identity. */
  private readonly remaining = new Map<string, number>();
  private readonly entries = new Map<string, BaselineEntry>();
  /** Paths matched in this run (their leftover entries are stale). */
  private readonly seen = new Set<string>();

  constructor(readonly baseline: Baseline) {
    for (const e of baseline.entries) {
      const id = identity(e.path, e);
      this.entries.set(id, e);
      this.remaining.set(id, (this.remaining.get(id) ?? 0) + e.count);
    }
  }

  /**
   * For each key of a document (in document order), whether the baseline covers it. Call once per
   * document and run; a second call for the same path would find its entries used up.
   */
  match(path: string, keys: readonly FindingKey[]): boolean[] {
    this.seen.add(path);
    return keys.map((k) => {
      const id = identity(path, k);
      const left = this.remaining.get(id) ?? 0;
      if (left <= 0) return false;
      this.remaining.set(id, left - 1);
      return true;
    });
  }

  /** Marks a document as looked at without findings (every entry of it is then stale). */
  visit(path: string): void {
    this.seen.add(path);
  }

  /**
   * Entries no longer matched, with the count that was not matched: those of the documents matched
   * in this run, plus those of any path `gone` says no longer exists.
   */
  stale(gone: (path: string) => boolean = () => false): BaselineEntry[] {
    const out: BaselineEntry[] = [];
    for (const [id, left] of this.remaining) {
      if (left <= 0) continue;
      const e = this.entries.get(id)!;
      if (this.seen.has(e.path) || gone(e.path)) out.push({ ...e, count: left });
    }
    return out.sort(byEntry);
  }

  /** The baseline without its stale entries (counts lowered to what still matched). */
  pruned(gone: (path: string) => boolean = () => false): Baseline {
    const stale = new Map(this.stale(gone).map((e) => [identity(e.path, e), e.count]));
    const entries = this.baseline.entries.map((e) => ({ ...e, count: e.count - (stale.get(identity(e.path, e)) ?? 0) }));
    return { version: BASELINE_VERSION, entries: normaliseEntries(entries) };
  }
}

/**
 * A new baseline from this run's findings that keeps the entries of documents this run did not
 * look at (linting some documents must not forget the others), unless `gone` says they no longer exist.
 */
export function rewriteBaseline(
  previous: Baseline | undefined,
  documents: readonly { path: string; keys: readonly FindingKey[] }[],
  gone: (path: string) => boolean = () => false,
): Baseline {
  const linted = new Set(documents.map((d) => d.path));
  const kept = (previous?.entries ?? []).filter((e) => !linted.has(e.path) && !gone(e.path));
  const fresh = baselineOf(documents).entries;
  return { version: BASELINE_VERSION, entries: normaliseEntries([...kept, ...fresh]) };
}

/**
 * A document's path as baseline entries spell it: relative to the baseline file's folder,
 * `/`-separated (`../docs/a.md` when the baseline sits elsewhere). Both arguments are absolute,
 * `/`-separated paths; a document on another drive keeps its absolute path.
 */
export function baselineDocumentPath(baselineFile: string, document: string): string {
  const from = paths.normalize(paths.dirname(baselineFile)).split('/').filter(Boolean);
  const to = paths.normalize(document).split('/').filter(Boolean);
  if (from.length > 0 && to.length > 0 && from[0] !== to[0] && /^[A-Za-z]:$/.test(to[0]!)) return paths.normalize(document);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** The baseline file named by a config (`baseline`, relative to the config's folder), as an absolute `/`-separated path. */
export function baselineFileOf(baseline: string | undefined, configDir: string): string | undefined {
  return baseline === undefined ? undefined : paths.join(configDir, baseline);
}

/** One line per stale entry, for people: `path: rule `term` in "text" (×n)`. */
export function describeEntry(e: BaselineEntry): string {
  const text = e.text.length > 80 ? `${e.text.slice(0, 79)}…` : e.text;
  return `${e.path}: ${e.rule} \`${e.term}\` in "${text}"${e.count > 1 ? ` (×${e.count})` : ''}`;
}
