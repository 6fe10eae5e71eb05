/**
 * Clause files: YAML front matter plus a snippet body. Parsing validates every field and reports
 * the first problem with file, line and column; loading a library keeps every valid clause.
 */
import { isMap, isScalar, isSeq, parseDocument, LineCounter, type Node as YamlNode, type Pair } from 'yaml';
import { DOC_TYPES, type DocType } from '../config/types.js';
import { LOCALES, type Locale } from '../types.js';
import { builtinClauses } from './builtin.js';
import { parseSnippet, tabStops, lineColumn } from './snippet.js';
import { CLAUSE_CATEGORIES, TOPICS, type Clause, type ClauseCategory, type Topic } from './types.js';

export interface ClauseFileError {
  /** The file the clause came from (as given to the parser). */
  source: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in the file. */
  column: number;
  /** Front matter key at fault, when there is one. */
  key?: string;
  message: string;
}

export type ClauseFileResult = { clause: Clause } | { error: ClauseFileError };

export interface ClauseFile {
  path: string;
  text: string;
}

export interface LoadedLibrary {
  clauses: Clause[];
  errors: ClauseFileError[];
}

const KEYS = ['id', 'title', 'category', 'topics', 'docTypes', 'description', 'locale'] as const;
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const FRONT_MATTER_CLOSE = /^---[ \t]*$/m;

/** The file name without folders and without `.md`. */
export function clauseIdFromPath(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.md$/i, '');
}

class Invalid {
  constructor(
    readonly offset: number,
    readonly message: string,
    readonly key?: string,
  ) {}
}

const list = (values: readonly string[]): string => values.map((v) => `\`${v}\``).join(', ');

/**
 * Parses one clause file. `source` (a path) is used in errors and, when given, the `id` must equal
 * the file name without `.md`. Never throws.
 */
export function parseClauseFile(text: string, source?: string): ClauseFileResult {
  const where = source ?? '<clause>';
  const fail = (offset: number, message: string, key?: string): ClauseFileResult => {
    const { line, column } = lineColumn(text, offset);
    return { error: { source: where, line, column, ...(key ? { key } : {}), message } };
  };
  const open = FRONT_MATTER_OPEN.exec(text);
  if (!open) return fail(0, 'a clause file must start with YAML front matter between `---` lines');
  const yamlStart = open[0].length;
  const rest = text.slice(yamlStart);
  const close = FRONT_MATTER_CLOSE.exec(rest);
  if (!close) return fail(0, 'front matter is not closed: expected a line with `---`');
  const yamlText = rest.slice(0, close.index);
  let bodyStart = yamlStart + close.index + close[0].length;
  // Skip the line break after `---` and any blank lines before the body.
  const leading = /^(?:[ \t]*\r?\n)*/.exec(text.slice(bodyStart));
  bodyStart += leading ? leading[0].length : 0;
  const body = text.slice(bodyStart).replace(/\s+$/, '');

  const doc = parseDocument(yamlText, { lineCounter: new LineCounter(), prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const message = yamlError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
    return fail(yamlStart + yamlError.pos[0], `invalid YAML in front matter: ${message}`);
  }
  const contents = doc.contents as YamlNode | null;
  if (!isMap(contents)) return fail(yamlStart, 'front matter must be a mapping of keys to values');

  try {
    const pairs = new Map<string, Pair<unknown, unknown>>();
    for (const item of contents.items) {
      const keyNode = item.key;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const keyOffset = yamlStart + (isScalar(keyNode) && keyNode.range ? keyNode.range[0] : 0);
      if (!(KEYS as readonly string[]).includes(key)) {
        throw new Invalid(keyOffset, `unknown key \`${key}\`: expected one of ${list(KEYS)}`, key);
      }
      pairs.set(key, item);
    }
    const offsetOf = (node: unknown): number =>
      yamlStart + ((node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0);
    const pairOffset = (key: string): number => {
      const pair = pairs.get(key);
      return pair ? offsetOf(pair.value ?? pair.key) : yamlStart;
    };
    const str = (key: (typeof KEYS)[number]): string => {
      const pair = pairs.get(key);
      if (!pair) throw new Invalid(yamlStart, `missing required key \`${key}\``, key);
      const v = pair.value;
      if (!isScalar(v) || typeof v.value !== 'string' || v.value.trim() === '') {
        throw new Invalid(pairOffset(key), `\`${key}\` must be a non-empty string`, key);
      }
      return v.value.trim();
    };
    const oneOf = <T extends string>(key: (typeof KEYS)[number], allowed: readonly T[]): T => {
      const value = str(key);
      if (!(allowed as readonly string[]).includes(value)) {
        throw new Invalid(pairOffset(key), `\`${key}\` is \`${value}\`: expected one of ${list(allowed)}`, key);
      }
      return value as T;
    };
    const many = <T extends string>(key: (typeof KEYS)[number], allowed: readonly T[]): T[] => {
      const pair = pairs.get(key);
      if (!pair) throw new Invalid(yamlStart, `missing required key \`${key}\``, key);
      const v = pair.value;
      if (!isSeq(v) || v.items.length === 0) {
        throw new Invalid(pairOffset(key), `\`${key}\` must be a non-empty list of ${list(allowed)}`, key);
      }
      const out: T[] = [];
      for (const item of v.items) {
        const value = isScalar(item) ? item.value : undefined;
        if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
          throw new Invalid(offsetOf(item), `\`${key}\` has \`${String(value)}\`: expected one of ${list(allowed)}`, key);
        }
        if (out.includes(value as T)) throw new Invalid(offsetOf(item), `\`${key}\` lists \`${value}\` twice`, key);
        out.push(value as T);
      }
      return out;
    };

    const id = str('id');
    if (!ID_PATTERN.test(id)) throw new Invalid(pairOffset('id'), `\`id\` \`${id}\` must be kebab-case (a-z, 0-9, -)`, 'id');
    if (source !== undefined) {
      const expected = clauseIdFromPath(source);
      if (id !== expected) {
        throw new Invalid(pairOffset('id'), `\`id\` \`${id}\` must equal the file name \`${expected}\``, 'id');
      }
    }
    const title = str('title');
    const category = oneOf<ClauseCategory>('category', CLAUSE_CATEGORIES);
    const topics = many<Topic>('topics', TOPICS);
    const docTypes = many<DocType>('docTypes', DOC_TYPES);
    const description = str('description');
    const locale = oneOf<Locale>('locale', LOCALES);

    if (!body) throw new Invalid(bodyStart, 'the clause body after the front matter is empty');
    const parsed = parseSnippet(body);
    if (!parsed.ok) {
      throw new Invalid(bodyStart + parsed.error.offset, `snippet syntax error in body: ${parsed.error.message}`);
    }
    const stops = tabStops(parsed.nodes).filter((n) => n !== 0);
    for (let i = 0; i < stops.length; i++) {
      if (stops[i] !== i + 1) {
        throw new Invalid(
          bodyStart,
          `tab stops must be numbered 1..${stops.length} without gaps (found ${stops.map((n) => `$${n}`).join(', ')})`,
        );
      }
    }
    const clause: Clause = { id, title, category, topics, docTypes, description, locale, body };
    if (source !== undefined) clause.source = source;
    return { clause };
  } catch (e) {
    if (e instanceof Invalid) return fail(e.offset, e.message, e.key);
    throw e;
  }
}

const clauseKey = (c: Pick<Clause, 'id' | 'locale'>): string => `${c.locale}:${c.id}`;

/** `custom` clauses replace those of `base` with the same id and locale; new ones are appended. */
export function mergeClauses(base: readonly Clause[], custom: readonly Clause[]): Clause[] {
  const byKey = new Map<string, Clause>();
  for (const c of base) byKey.set(clauseKey(c), c);
  for (const c of custom) byKey.set(clauseKey(c), c);
  return [...byKey.values()];
}

/**
 * Loads custom clause files over a base library (the built-in clauses unless given). Files that do
 * not parse are reported in `errors`; every other clause still loads. Only `.md` files are read.
 */
export function loadLibrary(files: readonly ClauseFile[], base: readonly Clause[] = builtinClauses()): LoadedLibrary {
  const custom: Clause[] = [];
  const errors: ClauseFileError[] = [];
  const seen = new Map<string, string>();
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (!/\.md$/i.test(file.path)) continue;
    const result = parseClauseFile(file.text, file.path);
    if ('error' in result) {
      errors.push(result.error);
      continue;
    }
    const key = clauseKey(result.clause);
    const previous = seen.get(key);
    if (previous !== undefined) {
      errors.push({
        source: file.path,
        line: 1,
        column: 1,
        key: 'id',
        message: `clause \`${result.clause.id}\` (${result.clause.locale}) is also defined in ${previous}; this one wins`,
      });
      const i = custom.findIndex((c) => clauseKey(c) === key);
      custom.splice(i, 1);
    }
    seen.set(key, file.path);
    custom.push(result.clause);
  }
  return { clauses: mergeClauses(base, custom), errors };
}
