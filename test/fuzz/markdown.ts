/**
 * Hostile Markdown for the fuzz tests: every line ending, BOM, surrogate pairs, combining marks,
 * right-to-left and zero-width text, very long lines, deep lists and quotes, unclosed fences, raw
 * HTML and comments (povlint directives among them), ragged tables, front matter that is not
 * YAML, Chinese text, and the vocabularies' own trigger words so that rules actually fire.
 */
import fc from 'fast-check';
import type { Finding, Position } from '../../src/core/index.js';
import { VOCABULARIES } from '../../src/core/vocab/index.js';

/** Seed and case budget: `POVLINT_FUZZ_SEED` and `POVLINT_FUZZ_RUNS` (total over all properties). */
export const SEED = envInt('POVLINT_FUZZ_SEED', 20_260_501);
export const TOTAL_RUNS = envInt('POVLINT_FUZZ_RUNS', 10_000);

/** The runs of one property: its share of the total budget, at least one. */
export function runs(share: number): number {
  return Math.max(1, Math.round(TOTAL_RUNS * share));
}

/** fast-check parameters: a failure reports this seed, the path and the shrunk counterexample. */
export function params(share: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: runs(share) };
}

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Tokens

const TRIGGERS_EN = VOCABULARIES.en.entries.map((e) => e.term);
const TRIGGERS_ZH = VOCABULARIES.zh.entries.map((e) => e.term);

const WORDS_EN = [
  'the', 'vendor', 'shall', 'will', 'must', 'provide', 'system', 'response', 'time', 'availability',
  'uptime', 'support', 'within', 'hours', 'per', 'month', 'baseline', 'measured', 'by', 'credits',
  'refund', 'service', 'level', 'contractor', 'performance', 'data', 'of', 'and', 'to', 'a', 'Section',
  'Schedule', 'Exhibit', 'A', 'acceptance', 'criteria', 'users', 'incidents', 'latency', 'cost',
];
const WORDS_ZH = ['供应商', '应', '系统', '响应时间', '可用性', '每月', '服务', '承诺', '保证', '性能', '提升', '显著', '验收标准', '小时内', '附件', '第三条'];
const MEASURES = [
  '99.9%', '4 hours', '30 days', '$1,000', '1,000,000', 'Q3 2025', '2025-01-31', 'within 2 business days',
  'from 10 to 5 minutes', 'at least 95%', '≥ 99.95%', '百分之九十', '4小时内', '不低于99.9%', '三个9', 'per month',
];
const EMOJI = ['😀', '👍🏽', '🇺🇸', '👨‍👩‍👧', '🧑🏿‍💻', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '𠜎𠜱', '🏳️‍🌈', '❤️'];
const COMBINING = ['e\u0301', 'a\u0300\u0301\u0302', 'n\u0303', '\u0301', 'Z\u0336\u0337\u0338', 'ñ', 'क्षि'];
const RTL = ['مرحبا بالعالم', 'שלום עולם', '\u202Ebest\u202C', '\u200Fعربي\u200F', 'ملف 99.9%', '\u2067rtl\u2069'];
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '\u00AD', '\u034F'];
const ODD = ['\u0000', '\t', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029', '\uFFFD', '\uD800', '\uDFFF', '\\', '&amp;', '&#x1F600;'];
const INLINE = [
  '[TBD]', '[X]%', '${1:metric}', '${2|a,b|}', '{{ name }}', '<insert target>', '【待定】', 'XX%', 'TBD',
  '`best-in-class`', '**world-class**', '_seamless_', '[link](http://x.y "t")', '<span>significantly</span>',
  '<!-- c -->', '![img](a.png)', '<http://example.com>', '~~robust~~', '\\*', '*', '_', '[', ']', '|',
];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS_EN) },
  { weight: 5, arbitrary: fc.constantFrom(...TRIGGERS_EN) },
  { weight: 2, arbitrary: fc.constantFrom(...TRIGGERS_ZH) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS_ZH) },
  { weight: 2, arbitrary: fc.constantFrom(...MEASURES) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 1, arbitrary: fc.constantFrom(...COMBINING) },
  { weight: 1, arbitrary: fc.constantFrom(...RTL) },
  { weight: 1, arbitrary: fc.constantFrom(...ZERO_WIDTH) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.constantFrom(...INLINE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

/** Words joined by spaces, punctuation or nothing (Chinese), sometimes glued to a zero-width. */
const separator = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '', '\u200B', '\u00A0', '。', '，', '  ', '\t');

const sentence = fc
  .array(fc.tuple(word, separator), { minLength: 1, maxLength: 16 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

/** A paragraph's lines (soft line breaks inside a paragraph). */
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 });

// ---------------------------------------------------------------------------------------------
// Blocks, as arrays of lines (joined with the document's line ending later)

const DIRECTIVES = [
  '<!-- povlint-disable-next-line -->',
  '<!-- povlint-disable-next-line puffery -->',
  '<!-- povlint-disable-line weak-obligation -->',
  '<!-- povlint-disable -->',
  '<!-- povlint-disable unmeasured-claim, vague-quantifier -->',
  '<!-- povlint-enable -->',
  '<!-- povlint-disable-file -->',
  '<!-- povlint-disable no-such-rule -->',
  '<!-- povlint-',
  '<!--povlint-disable-next-line-->',
];

const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), sentence).map(([n, s]) => ['#'.repeat(n) + ' ' + s]);
const setext = fc.tuple(sentence, fc.constantFrom('===', '---', '=')).map(([s, u]) => [s, u]);

/** A list nested `depth` levels deep, with mixed markers and indentation. */
const list = fc
  .tuple(
    fc.integer({ min: 1, max: 40 }),
    fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] '),
    fc.constantFrom(2, 3, 4),
    fc.array(sentence, { minLength: 1, maxLength: 4 }),
  )
  .map(([depth, marker, indent, items]) => {
    const lines: string[] = [];
    for (let d = 0; d < depth; d++) lines.push(' '.repeat(d * indent) + marker + items[d % items.length]!);
    return lines;
  });

const quote = fc
  .tuple(fc.integer({ min: 1, max: 40 }), paragraph, fc.boolean())
  .map(([depth, lines, lazy]) => lines.map((l, i) => (lazy && i > 0 ? l : '> '.repeat(depth) + l)));

/** A list inside quotes inside a list, and so on: the structure a pre-scan has to follow. */
const mixedNesting = fc
  .array(fc.constantFrom('> ', '- ', '1. ', '  ', '>'), { minLength: 1, maxLength: 30 })
  .chain((prefixes) => sentence.map((s) => [prefixes.join('') + s, prefixes.join('') + s]));

const fence = fc
  .tuple(fc.constantFrom('```', '~~~', '````', '``', '   ```', '> ```', '- ```'), fc.constantFrom('', 'md', 'js', 'povlint'), fc.array(sentence, { maxLength: 4 }), fc.boolean())
  .map(([f, info, body, closed]) => [f + info, ...body, ...(closed ? [f.trim().replace(/^[->] /, '')] : [])]);

const indentedCode = paragraph.map((lines) => lines.map((l) => '    ' + l));

const html = fc.oneof(
  fc.constantFrom(...DIRECTIVES).map((d) => [d]),
  sentence.map((s) => ['<div>', s, '</div>']),
  sentence.map((s) => [`<details><summary>${s}</summary>`, s]),
  sentence.map((s) => ['<!--', s, '-->']),
  sentence.map((s) => ['<!-- ' + s]),
  sentence.map((s) => ['<script>', s, '</script>']),
  sentence.map((s) => ['<pre>', s]),
  sentence.map((s) => [`<p title="${s}">`, s, '</p>']),
  sentence.map((s) => ['<?xml ' + s + ' ?>']),
  sentence.map((s) => ['<![CDATA[', s, ']]>']),
);

const table = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.array(fc.array(sentence, { maxLength: 8 }), { minLength: 0, maxLength: 6 }), fc.boolean())
  .chain(([cols, rows, pipes]) =>
    fc.array(sentence, { minLength: cols, maxLength: cols }).map((head) => {
      const row = (cells: string[]) => (pipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
      return [row(head), row(head.map(() => '---')), ...rows.map(row)];
    }),
  );

function repeatTo(unit: string, len: number): string {
  return unit.repeat(Math.ceil(len / unit.length)).slice(0, len);
}

/** Longest generated line (`POVLINT_FUZZ_LONG_LINE`, default 5,000 characters: a line full of
 * trigger words costs time that grows faster than its length, a `npm run bench` case). */
const LONG_LINE_MAX = Math.max(2_000, envInt('POVLINT_FUZZ_LONG_LINE', 5_000));

/** One line of 2,000 to LONG_LINE_MAX characters, with and without spaces. */
const longLine = fc
  .tuple(
    fc.constantFrom('significantly improve ', 'a', '1', '1,', ' ', '显著提升', '😀', 'best-in-class,', '[TBD]', 'from 1 ', 'within ', '${1:'),
    fc.integer({ min: 2_000, max: LONG_LINE_MAX }),
    sentence,
  )
  .map(([unit, len, tail]) => [repeatTo(unit, len) + tail]);

/**
 * Hundreds of container markers on one line. Kept to 400 characters: the Markdown parser's time
 * grows with the square of the nesting depth (a `npm run bench` case), which would only slow the
 * fuzz down without finding anything new.
 */
const deepLine = fc
  .tuple(fc.constantFrom('> ', '- ', '1. ', '> - ', '* > '), fc.integer({ min: 50, max: 400 }), sentence)
  .map(([unit, len, tail]) => [repeatTo(unit, len) + tail]);

/**
 * Service-level schedules with random figures (some agree, some contradict each other): an
 * availability with a downtime allowance, a service-credit tier table with a cap, a priority
 * table. Cells sometimes carry a hostile sentence, rows are sometimes short.
 */
const AVAILABILITY = ['99%', '99.5%', '99.9%', '99.95%', '99,9 %', '101%', '百分之九十九点九', '99.9 percent'];
const ALLOWANCE = ['43 minutes', '8 hours', '4.3 minutes', '8.76 hours', '2 hours', '3.6 hours', 'one hour'];
const slaSentence = fc
  .tuple(fc.constantFrom(...AVAILABILITY), fc.constantFrom(...ALLOWANCE), fc.constantFrom('per month', 'per calendar quarter', 'per year', 'each month', 'monthly', ''), fc.boolean())
  .map(([a, d, p, zh]) =>
    zh ? [`可用性不低于${a}，每月停机时间不超过${d.replace(' minutes', '分钟').replace(' hours', '小时')}。`] : [`Availability of ${a} ${p}, with no more than ${d} of downtime ${p}.`],
  );
const tierTable = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom('99.0%', '99.5%', '95.0%', '98.9%', '90%', 'below'), fc.constantFrom('99.9%', '99.0%', '95%', '98%', ''), fc.constantFrom('10%', '25%', '5%', 'none', '50%', '', '150%')), { minLength: 1, maxLength: 5 }),
    fc.constantFrom('10', '25', '50', '100'),
    fc.option(sentence, { freq: 3 }),
  )
  .map(([rows, cap, noise]) => [
    '| Monthly availability | Service credit |',
    '|---|---|',
    ...rows.map(([lo, hi, c], i) => (i === 2 ? `| ${lo} – ${hi}` : `| ${lo} – ${hi} | ${c} ${i === 1 && noise ? noise : ''}|`)),
    '',
    `Service credits shall not exceed ${cap}% of the monthly fee.`,
  ]);
const priorityTable = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom('P1', 'P2', 'P3', 'Critical', 'High', 'Low', '一级', 'Sev-2', 'Priority 4'), fc.constantFrom('15 minutes', '1 hour', '4 business hours', '2 business days', '30分钟', '8 hours', '')), { minLength: 1, maxLength: 5 }),
    fc.option(sentence, { freq: 3 }),
  )
  .map(([rows, noise]) => ['| Priority | Response time |', '|---|---|', ...rows.map(([p, t], i) => `| ${p} | ${t}${i === 0 && noise ? ' ' + noise : ''} |`)]);
const slaSchedule = fc.oneof(slaSentence, tierTable, priorityTable);

const thematic = fc.constantFrom('---', '***', '___', '- - -').map((l) => [l]);
const blank = fc.constantFrom('', '   ', '\t').map((l) => [l]);

const block: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 10, arbitrary: paragraph },
  { weight: 2, arbitrary: heading },
  { weight: 1, arbitrary: setext },
  { weight: 3, arbitrary: list },
  { weight: 2, arbitrary: quote },
  { weight: 1, arbitrary: mixedNesting },
  { weight: 2, arbitrary: fence },
  { weight: 1, arbitrary: indentedCode },
  { weight: 3, arbitrary: html },
  { weight: 2, arbitrary: table },
  { weight: 2, arbitrary: slaSchedule },
  { weight: 1, arbitrary: thematic },
  { weight: 1, arbitrary: blank },
);

/** Front matter that is not YAML (or is unclosed, or TOML), only ever at the very start. */
const frontMatter = fc.oneof(
  sentence.map((s) => ['---', s, '---']),
  sentence.map((s) => ['---', `key: [unclosed ${s}`, ': : :', '---']),
  sentence.map((s) => ['---', s]),
  sentence.map((s) => ['+++', `title = "${s}`, '+++']),
  sentence.map((s) => ['---', '- ' + s, '  bad: indent', '---', '---']),
);

/**
 * One document in EXTREME_FREQ carries a very long or very deep line: they cost a hundred times
 * more to lint than the rest, and the bench measures them at full size.
 */
const EXTREME_FREQ = 12;

export type Eol = '\n' | '\r\n' | '\r';
export const eol: fc.Arbitrary<Eol> = fc.constantFrom('\n', '\r\n', '\r');

export interface Doc {
  bom: boolean;
  front: string[] | null;
  blocks: string[][];
  eol: Eol;
  /** Line endings of individual lines differ from `eol` (mixed files). */
  mixed: Array<Eol | null>;
  /** One very long or very deeply nested line, and where among the blocks it goes. */
  extreme: [string[], number] | null;
  /** Blank lines between blocks: 0 glues blocks together (lazy continuation and the like). */
  gaps: number[];
}

export const docParts: fc.Arbitrary<Doc> = fc.record({
  bom: fc.boolean(),
  front: fc.option(frontMatter, { freq: 4 }),
  blocks: fc.array(block, { minLength: 1, maxLength: 6 }),
  extreme: fc.option(fc.tuple(fc.oneof(longLine, deepLine), fc.nat()), { freq: EXTREME_FREQ, nil: null }),
  eol,
  mixed: fc.array(fc.option(eol, { freq: 1, nil: null }), { maxLength: 6 }),
  gaps: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 8 }),
});

/** The document's lines, before line endings. */
export function lines(d: Doc): string[] {
  const out: string[] = [...(d.front ?? [])];
  const blocks = [...d.blocks];
  if (d.extreme) blocks.splice(d.extreme[1] % (blocks.length + 1), 0, d.extreme[0]);
  blocks.forEach((b, i) => {
    if (i > 0 || d.front) for (let g = 0; g < (d.gaps[i] ?? 1); g++) out.push('');
    out.push(...b);
  });
  return out;
}

/** Renders the document with one line ending, or with `mixed` endings when `uniform` is false. */
export function render(d: Doc, ending: Eol = d.eol, uniform = false): string {
  const ls = lines(d);
  let s = d.bom ? '\uFEFF' : '';
  ls.forEach((l, i) => {
    s += l;
    if (i < ls.length - 1) s += uniform ? ending : (d.mixed[i % Math.max(1, d.mixed.length)] ?? ending);
  });
  return s;
}

export const markdown: fc.Arbitrary<string> = docParts.map((d) => render(d));

/** What an editor inserts for a snippet edit: placeholders become their default text. */
export function expandSnippet(text: string): string {
  return text
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

// ---------------------------------------------------------------------------------------------
// Checks shared by the properties

/** Independent offset → line/column (LF, CRLF and CR each end a line). */
export function referencePosition(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    } else if (c === 13 && i + 1 < offset) {
      line++;
      lineStart = i + 2;
      i++;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}

function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const hi = text.charCodeAt(offset - 1);
  const lo = text.charCodeAt(offset);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

function splitsCrlf(text: string, offset: number): boolean {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
}

/** Problems with one offset (for messages: empty when fine). */
function offsetProblems(text: string, offset: number, what: string): string[] {
  const out: string[] = [];
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) out.push(`${what} ${offset} outside [0, ${text.length}]`);
  else {
    if (splitsPair(text, offset)) out.push(`${what} ${offset} splits a surrogate pair`);
    if (splitsCrlf(text, offset)) out.push(`${what} ${offset} splits a CRLF`);
  }
  return out;
}

function positionProblems(text: string, p: Position, what: string): string[] {
  const out = offsetProblems(text, p.offset, what);
  if (out.length > 0) return out;
  const ref = referencePosition(text, p.offset);
  if (ref.line !== p.line || ref.column !== p.column) {
    out.push(`${what} ${p.line}:${p.column} at offset ${p.offset}, expected ${ref.line}:${ref.column}`);
  }
  return out;
}

/** Everything wrong with the ranges and fixes of `findings` on `text` (empty when all is well). */
export function findingProblems(text: string, findings: readonly Finding[]): string[] {
  const out: string[] = [];
  findings.forEach((f, i) => {
    const tag = `#${i} ${f.ruleId}`;
    out.push(...positionProblems(text, f.start, `${tag} start`), ...positionProblems(text, f.end, `${tag} end`));
    if (f.start.offset > f.end.offset) out.push(`${tag} start ${f.start.offset} > end ${f.end.offset}`);
    for (const r of f.related ?? []) {
      out.push(...positionProblems(text, r.start, `${tag} related start`), ...positionProblems(text, r.end, `${tag} related end`));
      if (r.start.offset > r.end.offset) out.push(`${tag} related start > end`);
    }
    f.fixes.forEach((fix, k) => {
      const sorted = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
      sorted.forEach((e, j) => {
        out.push(...offsetProblems(text, e.start, `${tag} fix ${k} edit start`), ...offsetProblems(text, e.end, `${tag} fix ${k} edit end`));
        if (e.start > e.end) out.push(`${tag} fix ${k} edit start > end`);
        if (typeof e.text !== 'string') out.push(`${tag} fix ${k} edit text is not a string`);
        const prev = sorted[j - 1];
        if (prev && prev.end > e.start) out.push(`${tag} fix ${k} edits overlap`);
      });
    });
  });
  return out;
}

/** `text` with the edits applied (edits must not overlap). */
export function applyEdits(text: string, edits: ReadonlyArray<{ start: number; end: number; text: string }>): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * Whether `after` equals `before` outside the edits: the text between consecutive edits, before
 * the first and after the last is unchanged and in place.
 */
export function onlyEditsChanged(before: string, after: string, edits: ReadonlyArray<{ start: number; end: number; text: string }>): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let from = 0;
  let at = 0;
  for (const e of sorted) {
    const keep = before.slice(from, e.start);
    if (after.slice(at, at + keep.length) !== keep) return false;
    at += keep.length;
    if (after.slice(at, at + e.text.length) !== e.text) return false;
    at += e.text.length;
    from = e.end;
  }
  return after.slice(at) === before.slice(from);
}
