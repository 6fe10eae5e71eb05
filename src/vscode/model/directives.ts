/**
 * The edits behind "Ignore on this line" and "Ignore in this file": they write the directive
 * comment so nobody has to remember its syntax. Pure text geometry; the meaning of the directives
 * lives in the core.
 */
import type { TextEdit } from '../../core/host.js';
import { eolOf, lineStartAt } from './geometry.js';

const NEXT_LINE = /^([ \t]*)<!--\s*povlint-disable-next-line\b([^>]*?)\s*-->[ \t]*$/;
const FILE = /^<!--\s*povlint-disable-file\b([^>]*?)\s*-->[ \t]*$/;

function lineBounds(text: string, lineStart: number): { start: number; end: number } {
  let end = lineStart;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start: lineStart, end };
}

function previousLineStart(text: string, lineStart: number): number | null {
  if (lineStart === 0) return null;
  let i = lineStart - 1;
  if (text[i] === '\n' && text[i - 1] === '\r') i--;
  return lineStartAt(text, i);
}

function ruleList(existing: string): string[] {
  return existing
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Inserts `<!-- povlint-disable-next-line RULE -->` above the line holding `offset`, indented like
 * that line; when such a directive is already there, adds the rule to it instead.
 */
export function ignoreNextLineEdit(text: string, offset: number, ruleId: string): TextEdit {
  const start = lineStartAt(text, offset);
  const prev = previousLineStart(text, start);
  if (prev !== null) {
    const { end } = lineBounds(text, prev);
    const m = NEXT_LINE.exec(text.slice(prev, end));
    if (m) {
      const rules = ruleList(m[2] ?? '');
      // An empty list already disables every rule on the next line.
      if (rules.length === 0 || rules.includes(ruleId)) return { start: prev, end: prev, text: '' };
      return { start: prev, end, text: `${m[1] ?? ''}<!-- povlint-disable-next-line ${[...rules, ruleId].join(' ')} -->` };
    }
  }
  const indent = /^[ \t]*(?:>[ \t]*)*/.exec(text.slice(start))?.[0] ?? '';
  return { start, end: start, text: `${indent}<!-- povlint-disable-next-line ${ruleId} -->${eolOf(text)}` };
}

/** Offset after YAML/TOML front matter (`---`/`+++` fenced at the top), else 0. */
export function afterFrontMatter(text: string): number {
  const body = text.startsWith('\uFEFF') ? 1 : 0;
  const m = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text.slice(body));
  if (!m) return body;
  const fence = m[1] ?? '---';
  let i = body + m[0].length;
  while (i < text.length) {
    const { end } = lineBounds(text, i);
    const line = text.slice(i, end).trimEnd();
    const next = end < text.length ? (text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1) : end;
    if (line === fence || (fence === '---' && line === '...')) return next;
    if (next === i) break;
    i = next;
  }
  return body; // unclosed: not front matter
}

/**
 * Inserts `<!-- povlint-disable-file RULE -->` at the top of the document (after front matter);
 * when a file directive is already there, adds the rule to it.
 */
export function ignoreFileEdit(text: string, ruleId: string): TextEdit {
  const at = afterFrontMatter(text);
  const { end } = lineBounds(text, at);
  const m = FILE.exec(text.slice(at, end));
  if (m) {
    const rules = ruleList(m[1] ?? '');
    if (rules.length === 0 || rules.includes(ruleId)) return { start: at, end: at, text: '' };
    return { start: at, end, text: `<!-- povlint-disable-file ${[...rules, ruleId].join(' ')} -->` };
  }
  const eol = eolOf(text);
  // Keep a blank line between the directive and a following block so Markdown renders as before.
  const blank = text.slice(at, end).trim() === '' ? '' : eol;
  return { start: at, end: at, text: `<!-- povlint-disable-file ${ruleId} -->${eol}${blank}` };
}
