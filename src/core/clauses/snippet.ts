/**
 * A parser for VS Code snippet syntax, the format of clause bodies and rewrite templates.
 *
 *   any         ::= tabstop | placeholder | choice | variable | text
 *   tabstop     ::= '$' int | '${' int '}' | '${' int transform '}'
 *   placeholder ::= '${' int ':' any* '}'
 *   choice      ::= '${' int '|' text (',' text)* '|}'
 *   variable    ::= '$' var | '${' var '}' | '${' var ':' any* '}' | '${' var transform '}'
 *   transform   ::= '/' regex '/' format '/' options
 *
 * Escapes: `\$`, `\}` and `\\` in text (plus `\,` and `\|` inside choices). A `$` that starts
 * none of the forms above is literal text, as in VS Code; a `${` that is not closed is an error.
 */
import { lineColumnAt } from '../lines.js';

export interface SnippetText {
  kind: 'text';
  value: string;
  start: number;
  end: number;
}
export interface SnippetTabStop {
  kind: 'tabstop';
  index: number;
  transform?: SnippetTransform;
  start: number;
  end: number;
}
export interface SnippetPlaceholder {
  kind: 'placeholder';
  index: number;
  children: SnippetNode[];
  start: number;
  end: number;
}
export interface SnippetChoice {
  kind: 'choice';
  index: number;
  options: string[];
  start: number;
  end: number;
}
export interface SnippetVariable {
  kind: 'variable';
  name: string;
  /** The default (`${NAME:default}`), absent when none is given. */
  children?: SnippetNode[];
  transform?: SnippetTransform;
  start: number;
  end: number;
}
export interface SnippetTransform {
  regex: string;
  format: string;
  options: string;
}
export type SnippetNode = SnippetText | SnippetTabStop | SnippetPlaceholder | SnippetChoice | SnippetVariable;

export interface SnippetError {
  /** 0-based UTF-16 offset into the snippet. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, UTF-16 code units. */
  column: number;
  message: string;
}

export type SnippetParseResult = { ok: true; nodes: SnippetNode[] } | { ok: false; error: SnippetError };

export class SnippetSyntaxError extends Error {
  readonly detail: SnippetError;
  constructor(detail: SnippetError) {
    super(`snippet syntax error at ${detail.line}:${detail.column}: ${detail.message}`);
    this.name = 'SnippetSyntaxError';
    this.detail = detail;
  }
}

/** 1-based line and column of a 0-based offset (the core's one line index). */
export { lineColumnAt as lineColumn } from '../lines.js';

class Fail {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isVarStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);
const isVarChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);

class Parser {
  pos = 0;
  constructor(readonly src: string) {}

  /** Parses nodes until end of input or, when `nested`, an unescaped `}` (not consumed). */
  nodes(nested: boolean, openedAt: number): SnippetNode[] {
    const out: SnippetNode[] = [];
    let text = '';
    let textStart = this.pos;
    const flush = (): void => {
      if (text) out.push({ kind: 'text', value: text, start: textStart, end: this.pos });
      text = '';
    };
    const src = this.src;
    while (this.pos < src.length) {
      const c = src[this.pos];
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === '$' || n === '}' || n === '\\') {
          if (!text) textStart = this.pos;
          text += n;
          this.pos += 2;
          continue;
        }
        if (!text) textStart = this.pos;
        text += c;
        this.pos++;
        continue;
      }
      if (c === '}' && nested) {
        flush();
        return out;
      }
      if (c === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          out.push(node);
          textStart = this.pos;
          continue;
        }
        if (!text) textStart = this.pos;
        text += c;
        this.pos++;
        continue;
      }
      // Plain text up to the next character with a meaning (one slice, not one character at a time).
      if (!text) textStart = this.pos;
      let p = this.pos + 1;
      while (p < src.length) {
        const k = src.charCodeAt(p);
        if (k === 0x5c || k === 0x24 || k === 0x7d) break; // a backslash, `$` or `}`
        p++;
      }
      text += src.slice(this.pos, p);
      this.pos = p;
    }
    if (nested) throw new Fail(openedAt, 'unclosed `${`: expected `}`');
    flush();
    return out;
  }

  /** At a `$`: returns a node, or null when the `$` is literal text. */
  dollar(): SnippetNode | null {
    const src = this.src;
    const start = this.pos;
    const n = src[start + 1];
    if (isDigit(n)) {
      let p = start + 1;
      while (isDigit(src[p])) p++;
      this.pos = p;
      return { kind: 'tabstop', index: Number(src.slice(start + 1, p)), start, end: p };
    }
    if (isVarStart(n)) {
      let p = start + 1;
      while (isVarChar(src[p])) p++;
      this.pos = p;
      return { kind: 'variable', name: src.slice(start + 1, p), start, end: p };
    }
    if (n !== '{') return null;
    let p = start + 2;
    const c = src[p];
    if (isDigit(c)) {
      while (isDigit(src[p])) p++;
      const index = Number(src.slice(start + 2, p));
      const after = src[p];
      if (after === '}') {
        this.pos = p + 1;
        return { kind: 'tabstop', index, start, end: this.pos };
      }
      if (after === ':') {
        this.pos = p + 1;
        const children = this.nodes(true, start);
        this.pos++; // the closing brace
        return { kind: 'placeholder', index, children, start, end: this.pos };
      }
      if (after === '|') {
        this.pos = p + 1;
        const options = this.choiceOptions(start);
        return { kind: 'choice', index, options, start, end: this.pos };
      }
      if (after === '/') {
        this.pos = p;
        const transform = this.transform(start);
        return { kind: 'tabstop', index, transform, start, end: this.pos };
      }
      if (after === undefined) throw new Fail(start, 'unclosed `${`: expected `}`');
      throw new Fail(p, `unexpected \`${after}\` after tab stop number: expected \`}\`, \`:\`, \`|\` or \`/\``);
    }
    if (isVarStart(c)) {
      while (isVarChar(src[p])) p++;
      const name = src.slice(start + 2, p);
      const after = src[p];
      if (after === '}') {
        this.pos = p + 1;
        return { kind: 'variable', name, start, end: this.pos };
      }
      if (after === ':') {
        this.pos = p + 1;
        const children = this.nodes(true, start);
        this.pos++;
        return { kind: 'variable', name, children, start, end: this.pos };
      }
      if (after === '/') {
        this.pos = p;
        const transform = this.transform(start);
        return { kind: 'variable', name, transform, start, end: this.pos };
      }
      if (after === undefined) throw new Fail(start, 'unclosed `${`: expected `}`');
      throw new Fail(p, `unexpected \`${after}\` after variable name: expected \`}\`, \`:\` or \`/\``);
    }
    if (c === undefined) throw new Fail(start, 'unclosed `${`: expected a tab stop number or variable name');
    throw new Fail(p, `expected a tab stop number or variable name after \`\${\`, found \`${c}\``);
  }

  choiceOptions(openedAt: number): string[] {
    const src = this.src;
    const options: string[] = [];
    let current = '';
    while (this.pos < src.length) {
      const c = src[this.pos];
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === ',' || n === '|' || n === '\\' || n === '$' || n === '}') {
          current += n;
          this.pos += 2;
          continue;
        }
        current += c;
        this.pos++;
        continue;
      }
      if (c === ',') {
        options.push(current);
        current = '';
        this.pos++;
        continue;
      }
      if (c === '|') {
        if (src[this.pos + 1] !== '}') throw new Fail(this.pos, 'a choice must end with `|}`');
        options.push(current);
        this.pos += 2;
        if (options.some((o) => o === '')) throw new Fail(openedAt, 'a choice option is empty');
        return options;
      }
      current += c;
      this.pos++;
    }
    throw new Fail(openedAt, 'unclosed choice: expected `|}`');
  }

  /** At the `/` that starts a transform; consumes through the closing `}`. */
  transform(openedAt: number): SnippetTransform {
    const src = this.src;
    const parts: string[] = [];
    this.pos++; // first slash
    let current = '';
    while (this.pos < src.length && parts.length < 2) {
      const c = src[this.pos];
      if (c === '\\' && this.pos + 1 < src.length) {
        current += c + src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (parts.length === 1 && c === '$' && src[this.pos + 1] === '{') {
        // A format item such as `${1:/upcase}` may contain slashes.
        const close = src.indexOf('}', this.pos);
        if (close < 0) throw new Fail(this.pos, 'unclosed format item: expected `}`');
        current += src.slice(this.pos, close + 1);
        this.pos = close + 1;
        continue;
      }
      if (c === '/') {
        parts.push(current);
        current = '';
        this.pos++;
        continue;
      }
      current += c;
      this.pos++;
    }
    if (parts.length < 2) throw new Fail(openedAt, 'unclosed transform: expected `/regex/format/options}`');
    let p = this.pos;
    while (p < src.length && /[a-z]/.test(src[p] ?? '')) p++;
    if (src[p] !== '}') throw new Fail(p, 'a transform must end with `/options}`');
    const options = src.slice(this.pos, p);
    this.pos = p + 1;
    return { regex: parts[0] ?? '', format: parts[1] ?? '', options };
  }
}

/** Parses a snippet body into nodes with offsets, or reports the first syntax error precisely. */
export function parseSnippet(body: string): SnippetParseResult {
  const parser = new Parser(body);
  try {
    return { ok: true, nodes: parser.nodes(false, 0) };
  } catch (e) {
    if (e instanceof Fail) {
      const { line, column } = lineColumnAt(body, e.offset);
      return { ok: false, error: { offset: e.offset, line, column, message: e.message } };
    }
    throw e;
  }
}

function parseOrThrow(body: string): SnippetNode[] {
  const r = parseSnippet(body);
  if (!r.ok) throw new SnippetSyntaxError(r.error);
  return r.nodes;
}

/** Calls `visit` for every node, depth first, in source order. */
export function walkSnippet(nodes: readonly SnippetNode[], visit: (node: SnippetNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if (node.kind === 'placeholder') walkSnippet(node.children, visit);
    else if (node.kind === 'variable' && node.children) walkSnippet(node.children, visit);
  }
}

/** The distinct tab stop numbers of a snippet (including 0 when present), ascending. Throws on a syntax error. */
export function tabStops(body: string | readonly SnippetNode[]): number[] {
  const nodes = typeof body === 'string' ? parseOrThrow(body) : body;
  const seen = new Set<number>();
  walkSnippet(nodes, (n) => {
    if (n.kind === 'tabstop' || n.kind === 'placeholder' || n.kind === 'choice') seen.add(n.index);
  });
  return [...seen].sort((a, b) => a - b);
}

/** Values for snippet variables such as `TM_SELECTED_TEXT` when expanding outside the editor. */
export type SnippetVariables = Readonly<Record<string, string>>;

/**
 * The text a snippet inserts when every tab stop keeps its default: placeholders give their
 * default, choices their first option, a bare tab stop mirrors the placeholder of the same
 * number (else nothing), variables their value in `variables`, else their default, else nothing.
 * Throws `SnippetSyntaxError` when the body does not parse.
 */
export function expandWithDefaults(body: string | readonly SnippetNode[], variables: SnippetVariables = {}): string {
  const nodes = typeof body === 'string' ? parseOrThrow(body) : body;
  const defaults = new Map<number, string>();
  // First pass: the default of each numbered placeholder or choice (the first one wins).
  const collect = (list: readonly SnippetNode[]): void => {
    walkSnippet(list, (n) => {
      if (n.kind === 'placeholder' && !defaults.has(n.index)) defaults.set(n.index, render(n.children));
      else if (n.kind === 'choice' && !defaults.has(n.index)) defaults.set(n.index, n.options[0] ?? '');
    });
  };
  const render = (list: readonly SnippetNode[]): string => {
    let out = '';
    for (const n of list) {
      switch (n.kind) {
        case 'text':
          out += n.value;
          break;
        case 'tabstop':
          out += defaults.get(n.index) ?? '';
          break;
        case 'placeholder':
          out += render(n.children);
          break;
        case 'choice':
          out += n.options[0] ?? '';
          break;
        case 'variable':
          out += variables[n.name] ?? (n.children ? render(n.children) : '');
          break;
      }
    }
    return out;
  };
  collect(nodes);
  return render(nodes);
}

/** Plain text of a snippet with its defaults; alias of `expandWithDefaults` for readers of prose. */
export const snippetToPlainText = expandWithDefaults;

/** Escapes plain text so it is inserted literally when used inside a snippet. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}
