/**
 * `.povlint.jsonc` text → a valid `PovlintConfig` plus precise errors. Never throws.
 *
 * Every error carries the 1-based line and column of the offending node, the JSON path of the key
 * (`rules.puffery.terms[0].pattern`) and what was expected. The returned config holds only the
 * parts that validated, so an editor can keep working; the CLI refuses to lint when `errors` is
 * not empty.
 */
import { parseTree, printParseErrorCode, stripComments, type Node, type ParseError } from 'jsonc-parser';
import { lineColumnAt } from '../lines.js';
import { LOCALES, RULE_IDS, type RuleId, type SeveritySetting } from '../types.js';
import { checkGlob } from './ignore.js';
import { checkPattern } from './regex.js';
import { DOC_TYPES, type ConfigError, type CustomTerm, type PovlintConfig, type RuleOptions, type RuleSetting } from './types.js';

export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'hint', 'off'] as const satisfies readonly SeveritySetting[];

const TOP_KEYS = ['$schema', 'locale', 'docType', 'rules', 'ignore', 'clauses', 'maxFileSizeKB', 'baseline'] as const;
const RULE_KEYS = ['severity', 'terms', 'allow'] as const;

/** The most custom terms a rule takes (each is an alternative of the rule's one matcher). */
export const MAX_TERMS_PER_RULE = 5000;
const TERM_KEYS = ['pattern', 'reason'] as const;
const CLAUSES_KEYS = ['paths'] as const;

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number format',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected `:`',
  CommaExpected: 'expected `,`',
  CloseBraceExpected: 'expected `}`',
  CloseBracketExpected: 'expected `]`',
  EndOfFileExpected: 'expected the end of the file',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'comment is not closed',
  UnexpectedEndOfString: 'string is not closed',
  UnexpectedEndOfNumber: 'number is not complete',
  InvalidUnicode: 'invalid Unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

const list = (values: readonly string[]): string => values.map((v) => `\`${v}\``).join(', ');

export { lineColumnAt } from '../lines.js';

function keyPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const safe = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  return parent === '' ? safe : `${parent}.${safe}`;
}

function describe(node: Node): string {
  switch (node.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return `the string ${JSON.stringify(node.value)}`;
    case 'number':
      return `the number ${String(node.value)}`;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    default:
      return node.type;
  }
}

class Validator {
  readonly errors: ConfigError[] = [];

  constructor(
    private readonly text: string,
    private readonly file: string | undefined,
  ) {}

  error(offset: number, key: string, message: string): void {
    const { line, column } = lineColumnAt(this.text, offset);
    this.errors.push({ ...(this.file !== undefined ? { file: this.file } : {}), line, column, key, message });
  }

  /** Properties of an object node, reporting unknown keys and duplicates. */
  properties(node: Node, path: string, known: readonly string[]): Map<string, Node> {
    const out = new Map<string, Node>();
    for (const prop of node.children ?? []) {
      const [keyNode, valueNode] = prop.children ?? [];
      if (!keyNode || !valueNode) continue;
      const key = String(keyNode.value);
      const p = keyPath(path, key);
      if (!known.includes(key)) {
        const where = path === '' ? 'a povlint config' : `\`${path}\``;
        this.error(keyNode.offset, p, `unknown key \`${key}\` in ${where}; expected one of ${list(known)}`);
        continue;
      }
      if (out.has(key)) {
        this.error(keyNode.offset, p, `duplicate key \`${key}\``);
        continue;
      }
      out.set(key, valueNode);
    }
    return out;
  }

  expectType(node: Node, path: string, type: Node['type'], expected: string): boolean {
    if (node.type === type) return true;
    this.error(node.offset, path, `expected ${expected}, got ${describe(node)}`);
    return false;
  }

  string(node: Node, path: string, expected = 'a string'): string | undefined {
    return this.expectType(node, path, 'string', expected) ? (node.value as string) : undefined;
  }

  oneOf<T extends string>(node: Node, path: string, allowed: readonly T[]): T | undefined {
    const expected = `one of ${list(allowed)}`;
    if (node.type !== 'string') {
      this.error(node.offset, path, `expected ${expected}, got ${describe(node)}`);
      return undefined;
    }
    const value = node.value as string;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.error(node.offset, path, `unknown value ${JSON.stringify(value)}; expected ${expected}`);
    return undefined;
  }

  stringArray(node: Node, path: string, check?: (value: string) => string | undefined): string[] | undefined {
    if (!this.expectType(node, path, 'array', 'an array of strings')) return undefined;
    const out: string[] = [];
    let ok = true;
    (node.children ?? []).forEach((item, i) => {
      const p = keyPath(path, i);
      const value = this.string(item, p);
      if (value === undefined) {
        ok = false;
        return;
      }
      const problem = check?.(value);
      if (problem) {
        this.error(item.offset, p, problem);
        ok = false;
        return;
      }
      out.push(value);
    });
    return ok ? out : undefined;
  }
}

function nonEmpty(value: string): string | undefined {
  return value.trim() === '' ? 'expected a non-empty string' : undefined;
}

function parseTerm(v: Validator, node: Node, path: string): CustomTerm | undefined {
  if (node.type === 'string') {
    const problem = nonEmpty(node.value as string);
    if (problem) {
      v.error(node.offset, path, problem);
      return undefined;
    }
    return node.value as string;
  }
  if (node.type !== 'object') {
    v.error(node.offset, path, `expected a term (a string, or an object with \`pattern\`), got ${describe(node)}`);
    return undefined;
  }
  const props = v.properties(node, path, TERM_KEYS);
  const patternNode = props.get('pattern');
  if (!patternNode) {
    v.error(node.offset, keyPath(path, 'pattern'), 'missing `pattern`: a term object needs a regular expression');
    return undefined;
  }
  const patternPath = keyPath(path, 'pattern');
  const pattern = v.string(patternNode, patternPath, 'a regular expression as a string');
  let ok = pattern !== undefined;
  if (pattern !== undefined) {
    const problem = checkPattern(pattern);
    if (problem) {
      v.error(patternNode.offset, patternPath, problem);
      ok = false;
    }
  }
  let reason: string | undefined;
  const reasonNode = props.get('reason');
  if (reasonNode) {
    reason = v.string(reasonNode, keyPath(path, 'reason'));
    if (reason === undefined) ok = false;
  }
  if (!ok || pattern === undefined) return undefined;
  return reason === undefined ? { pattern } : { pattern, reason };
}

function parseRuleSetting(v: Validator, node: Node, path: string): RuleSetting | undefined {
  if (node.type === 'string') return v.oneOf(node, path, SEVERITY_SETTINGS);
  if (node.type !== 'object') {
    v.error(node.offset, path, `expected a severity (${list(SEVERITY_SETTINGS)}) or an object with \`severity\`, \`terms\`, \`allow\`, got ${describe(node)}`);
    return undefined;
  }
  const props = v.properties(node, path, RULE_KEYS);
  const out: RuleOptions = {};
  let ok = true;
  const severityNode = props.get('severity');
  if (severityNode) {
    const severity = v.oneOf(severityNode, keyPath(path, 'severity'), SEVERITY_SETTINGS);
    if (severity === undefined) ok = false;
    else out.severity = severity;
  }
  const termsNode = props.get('terms');
  if (termsNode) {
    const termsPath = keyPath(path, 'terms');
    if (v.expectType(termsNode, termsPath, 'array', 'an array of terms')) {
      const terms: CustomTerm[] = [];
      const items = termsNode.children ?? [];
      if (items.length > MAX_TERMS_PER_RULE) {
        // Refused before anything is compiled: one matcher per rule holds every term.
        v.error(items[MAX_TERMS_PER_RULE]!.offset, termsPath, `at most ${MAX_TERMS_PER_RULE} terms per rule, got ${items.length}; split them over fewer, broader patterns`);
        ok = false;
      } else {
        items.forEach((item, i) => {
          const term = parseTerm(v, item, keyPath(termsPath, i));
          if (term === undefined) ok = false;
          else terms.push(term);
        });
        out.terms = terms;
      }
    } else ok = false;
  }
  const allowNode = props.get('allow');
  if (allowNode) {
    const allow = v.stringArray(allowNode, keyPath(path, 'allow'), nonEmpty);
    if (allow === undefined) ok = false;
    else out.allow = allow;
  }
  return ok ? out : undefined;
}

function parseRules(v: Validator, node: Node): PovlintConfig['rules'] {
  if (!v.expectType(node, 'rules', 'object', 'an object mapping rule ids to settings')) return undefined;
  const out: Partial<Record<RuleId, RuleSetting>> = {};
  for (const prop of node.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const id = String(keyNode.value);
    const path = keyPath('rules', id);
    if (!(RULE_IDS as readonly string[]).includes(id)) {
      v.error(keyNode.offset, path, `unknown rule id \`${id}\`; expected one of ${list(RULE_IDS)}`);
      continue;
    }
    if (id in out) {
      v.error(keyNode.offset, path, `duplicate rule \`${id}\``);
      continue;
    }
    const setting = parseRuleSetting(v, valueNode, path);
    if (setting !== undefined) out[id as RuleId] = setting;
  }
  return out;
}

export interface ParsedConfig {
  config: PovlintConfig;
  errors: ConfigError[];
}

/**
 * Parses and validates the text of a config file (JSON with comments and trailing commas).
 * `file` is copied into every error. Never throws.
 */
export function parseConfig(text: string, file?: string): ParsedConfig {
  const v = new Validator(text, file);
  const config: PovlintConfig = {};
  try {
    const syntax: ParseError[] = [];
    const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
    // An empty file (or one with only comments) is an empty config.
    if (stripComments(source).trim() === '') return { config, errors: [] };
    const root = parseTree(source, syntax, { allowTrailingComma: true, disallowComments: false });
    for (const e of syntax) {
      const name = printParseErrorCode(e.error);
      v.error(e.offset, '', `invalid JSONC: ${SYNTAX_MESSAGES[name] ?? name}`);
    }
    if (syntax.length > 0) return { config, errors: v.errors };
    if (!root) {
      if (source.trim() !== '') v.error(0, '', 'invalid JSONC: expected an object');
      return { config, errors: v.errors };
    }
    if (!v.expectType(root, '', 'object', 'an object at the top of the config file')) return { config, errors: v.errors };
    const props = v.properties(root, '', TOP_KEYS);
    for (const [key, node] of props) {
      switch (key) {
        case '$schema': {
          const value = v.string(node, key);
          if (value !== undefined) config.$schema = value;
          break;
        }
        case 'locale': {
          const value = v.oneOf(node, key, [...LOCALES, 'auto'] as const);
          if (value !== undefined) config.locale = value;
          break;
        }
        case 'docType': {
          const value = v.oneOf(node, key, [...DOC_TYPES, 'auto'] as const);
          if (value !== undefined) config.docType = value;
          break;
        }
        case 'rules': {
          const rules = parseRules(v, node);
          if (rules !== undefined) config.rules = rules;
          break;
        }
        case 'ignore': {
          const ignore = v.stringArray(node, key, checkGlob);
          if (ignore !== undefined) config.ignore = ignore;
          break;
        }
        case 'clauses': {
          if (!v.expectType(node, key, 'object', 'an object with `paths`')) break;
          const inner = v.properties(node, key, CLAUSES_KEYS);
          const pathsNode = inner.get('paths');
          if (pathsNode) {
            const paths = v.stringArray(pathsNode, 'clauses.paths', nonEmpty);
            if (paths !== undefined) config.clauses = { paths };
          } else config.clauses = {};
          break;
        }
        case 'maxFileSizeKB': {
          if (node.type !== 'number') {
            v.error(node.offset, key, `expected a positive number of kilobytes, got ${describe(node)}`);
            break;
          }
          const value = node.value as number;
          if (!Number.isFinite(value) || value <= 0) {
            v.error(node.offset, key, `expected a positive number of kilobytes, got ${String(value)}`);
            break;
          }
          config.maxFileSizeKB = value;
          break;
        }
        case 'baseline': {
          const value = v.string(node, key, 'the path of a baseline file, relative to the config file');
          if (value === undefined) break;
          if (value.trim() === '') {
            v.error(node.offset, key, 'expected the path of a baseline file, got an empty string');
            break;
          }
          config.baseline = value;
          break;
        }
      }
    }
  } catch (e) {
    v.error(0, '', `could not read the config: ${(e as Error).message}`);
  }
  const errors = [...v.errors].sort((a, b) => a.line - b.line || a.column - b.column);
  return { config, errors };
}

/**
 * The 1-based position of the value at `path` (e.g. `['clauses', 'paths', 0]`) in a config text,
 * for errors found after parsing (a clause folder that does not exist). Falls back to 1:1.
 */
export function locateKey(text: string, path: (string | number)[]): { line: number; column: number } {
  try {
    const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
    let node: Node | undefined = root;
    for (const segment of path) {
      if (!node) break;
      if (typeof segment === 'number') node = node.type === 'array' ? node.children?.[segment] : undefined;
      else {
        const prop: Node | undefined = node.type === 'object' ? node.children?.find((p) => p.children?.[0]?.value === segment) : undefined;
        node = prop?.children?.[1];
      }
    }
    return lineColumnAt(text, node?.offset ?? 0);
  } catch {
    return { line: 1, column: 1 };
  }
}
