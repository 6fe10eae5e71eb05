import { describe, expect, it } from 'vitest';
import { DOC_TYPES } from '../config/types.js';
import { builtinClauses } from './builtin.js';
import { loadLibrary, parseClauseFile } from './library.js';
import { expandWithDefaults, tabStops } from './snippet.js';
import { CLAUSE_CATEGORIES, TOPICS } from './types.js';

const clauseText = (front: Record<string, string>, body = 'The Supplier shall meet ${1:99.9 %}.$0'): string =>
  `---\n${Object.entries(front)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n${body}\n`;

const valid = {
  id: 'my-clause',
  title: 'My clause',
  category: 'service-levels',
  topics: '[availability]',
  docTypes: '[sla, contract]',
  description: 'A test clause.',
  locale: 'en',
};

/** Tokens the `unresolved-placeholder` rule flags. */
const LEFTOVER = /\$\d|\$\{|\{\{|\[TBD|\[X\]|\bTBD\b|\bXXX\b/;

describe('built-in clauses', () => {
  const all = builtinClauses();

  it('has at least 32 English and 16 Chinese clauses', () => {
    expect(builtinClauses('en').length).toBeGreaterThanOrEqual(32);
    expect(builtinClauses('zh').length).toBeGreaterThanOrEqual(16);
  });

  it('has unique ids per locale', () => {
    const keys = all.map((c) => `${c.locale}:${c.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('covers every category, topic and document type in each locale', () => {
    for (const locale of ['en', 'zh'] as const) {
      const mine = builtinClauses(locale);
      expect(new Set(mine.map((c) => c.category))).toEqual(new Set(CLAUSE_CATEGORIES));
      if (locale === 'en') expect(new Set(mine.flatMap((c) => c.topics))).toEqual(new Set(TOPICS));
      expect(new Set(mine.flatMap((c) => c.docTypes))).toEqual(new Set(DOC_TYPES));
    }
  });

  it.each(all.map((c) => [`${c.locale}/${c.id}`, c] as const))('%s validates and expands to complete text', (_name, c) => {
    const stops = tabStops(c.body).filter((n) => n !== 0);
    expect(stops).toEqual(stops.map((_, i) => i + 1));
    expect(stops.length).toBeGreaterThan(0);
    const text = expandWithDefaults(c.body);
    expect(text).not.toMatch(LEFTOVER);
    expect(text.trim().length).toBeGreaterThan(100);
    if (c.locale === 'zh') expect(text).toMatch(/\p{Script=Han}/u);
  });
});

describe('parseClauseFile', () => {
  it('parses a valid clause and records its source', () => {
    const r = parseClauseFile(clauseText(valid), '.povlint/clauses/my-clause.md');
    expect('clause' in r && r.clause).toMatchObject({
      id: 'my-clause',
      topics: ['availability'],
      docTypes: ['sla', 'contract'],
      body: 'The Supplier shall meet ${1:99.9 %}.$0',
      source: '.povlint/clauses/my-clause.md',
    });
  });

  it.each([
    ['an unknown category', { ...valid, category: 'warranties' }, 4, 'category', 'expected one of'],
    ['an unknown topic', { ...valid, topics: '[availability, speed]' }, 5, 'topics', '`speed`'],
    ['an unknown doc type', { ...valid, docTypes: '[sla, memo]' }, 6, 'docTypes', '`memo`'],
    ['a bad locale', { ...valid, locale: 'fr' }, 8, 'locale', 'expected one of'],
    ['a non-kebab id', { ...valid, id: 'My_Clause' }, 2, 'id', 'kebab-case'],
    ['an id that is not the file name', { ...valid, id: 'other' }, 2, 'id', 'file name'],
    ['an empty title', { ...valid, title: '""' }, 3, 'title', 'non-empty string'],
    ['topics as a string', { ...valid, topics: 'availability' }, 5, 'topics', 'non-empty list'],
    ['an unknown key', { ...valid, tags: '[x]' }, 9, 'tags', 'unknown key'],
  ])('reports %s with line and key', (_name, front, line, key, message) => {
    const r = parseClauseFile(clauseText(front as Record<string, string>), 'my-clause.md');
    expect('error' in r).toBe(true);
    if (!('error' in r)) return;
    expect(r.error).toMatchObject({ source: 'my-clause.md', line, key });
    expect(r.error.message).toContain(message);
  });

  it('reports a missing key', () => {
    const { description: _d, ...front } = valid;
    const r = parseClauseFile(clauseText(front), 'my-clause.md');
    expect('error' in r && r.error).toMatchObject({ key: 'description', message: expect.stringContaining('missing') });
  });

  it('reports bad YAML at its line', () => {
    const r = parseClauseFile(clauseText({ ...valid, topics: '[availability, cost' }), 'my-clause.md');
    expect('error' in r && r.error).toMatchObject({ message: expect.stringContaining('invalid YAML') });
    if ('error' in r) expect(r.error.line).toBeGreaterThanOrEqual(5);
  });

  it('reports a snippet syntax error at its line and column in the file', () => {
    const r = parseClauseFile(clauseText(valid, 'First line.\nSecond ${2:oops'), 'my-clause.md');
    expect('error' in r && r.error).toMatchObject({ line: 11, column: 8, message: expect.stringContaining('snippet syntax') });
  });

  it('reports gaps in tab stop numbers', () => {
    const r = parseClauseFile(clauseText(valid, '${1:a} and ${3:c}'), 'my-clause.md');
    expect('error' in r && r.error.message).toContain('without gaps');
  });

  it('requires front matter and a body', () => {
    expect(parseClauseFile('just text', 'a.md')).toMatchObject({ error: { line: 1, column: 1 } });
    expect(parseClauseFile(clauseText(valid, ''), 'my-clause.md')).toMatchObject({ error: { message: expect.stringContaining('empty') } });
  });
});

describe('loadLibrary', () => {
  const override = clauseText(
    { ...valid, id: 'availability-sla', title: 'Our availability clause' },
    'Availability of ${1:99.95 %} per month, measured by ${2:our probes}.',
  );
  const files = [
    { path: 'lib/availability-sla.md', text: override },
    { path: 'lib/bad-yaml.md', text: clauseText({ ...valid, id: 'bad-yaml', topics: '[a, b' }) },
    { path: 'lib/bad-category.md', text: clauseText({ ...valid, id: 'bad-category', category: 'nope' }) },
    { path: 'lib/bad-snippet.md', text: clauseText({ ...valid, id: 'bad-snippet' }, 'Target ${1|a,b') },
    { path: 'lib/extra.md', text: clauseText({ ...valid, id: 'extra' }) },
    { path: 'lib/readme.txt', text: 'not a clause' },
  ];

  it('reports each broken file with file and line and still loads the others', () => {
    const { clauses, errors } = loadLibrary(files);
    expect(errors.map((e) => [e.source, e.line])).toEqual([
      ['lib/bad-category.md', 4],
      ['lib/bad-snippet.md', 10],
      ['lib/bad-yaml.md', 6], // the YAML parser notices the unclosed list on the next line
    ]);
    expect(clauses.find((c) => c.id === 'extra')?.source).toBe('lib/extra.md');
    expect(clauses.length).toBe(builtinClauses().length + 1);
  });

  it('overrides a built-in clause by id and locale only', () => {
    const { clauses } = loadLibrary(files);
    const en = clauses.filter((c) => c.id === 'availability-sla');
    expect(en.find((c) => c.locale === 'en')?.title).toBe('Our availability clause');
    expect(en.find((c) => c.locale === 'zh')?.title).toBe('服务可用性');
  });

  it('loads over an explicit base', () => {
    expect(loadLibrary(files, []).clauses.map((c) => c.id).sort()).toEqual(['availability-sla', 'extra']);
  });

  it('reports a duplicate id in the custom library and keeps the later file', () => {
    const { clauses, errors } = loadLibrary(
      [
        { path: 'a/extra.md', text: clauseText({ ...valid, id: 'extra', title: 'First' }) },
        { path: 'b/extra.md', text: clauseText({ ...valid, id: 'extra', title: 'Second' }) },
      ],
      [],
    );
    expect(clauses.map((c) => c.title)).toEqual(['Second']);
    expect(errors[0]?.message).toContain('also defined in a/extra.md');
  });
});
