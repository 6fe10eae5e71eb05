/** The paragraph map on strings: markers out, segments in, lookups by line and column. */
import { describe, expect, it } from 'vitest';
import { describeSource, excerptOf, extractMarkers, marker, sourceAt, type SourceParagraph } from '../../src/docx/sourceMap.js';

const paragraphs: SourceParagraph[] = [
  { paragraph: 1, excerpt: 'Title' },
  { paragraph: 3, excerpt: 'Left' },
  { paragraph: 4, excerpt: 'Right' },
  { paragraph: 5, excerpt: 'First line Second line' },
  { paragraph: 5, excerpt: 'A note', note: '1' },
];

describe('extractMarkers', () => {
  const input = [
    `# Title${marker(0)}`,
    '',
    '|     |     |',
    '| --- | --- |',
    `| Left${marker(1)} | Right${marker(2)} |`,
    '',
    'First line  ',
    `Second line${marker(3)}`,
    '',
    `[^1]: A note${marker(4)}`,
    '',
  ].join('\n');
  const { markdown, map } = extractMarkers(input, paragraphs);

  it('removes every marker and keeps the lines', () => {
    expect(markdown).toBe('# Title\n\n|     |     |\n| --- | --- |\n| Left | Right |\n\nFirst line  \nSecond line\n\n[^1]: A note\n');
  });

  it('finds the paragraph of each column of a line with several', () => {
    expect(sourceAt(map, 5, 1)?.paragraph).toBe(3);
    expect(sourceAt(map, 5, 3)?.paragraph).toBe(3);
    expect(sourceAt(map, 5, 10)?.paragraph).toBe(4);
    // Past the last paragraph's end (the closing pipe): still the last one.
    expect(sourceAt(map, 5, 17)?.paragraph).toBe(4);
  });

  it('gives unmarked lines the next paragraph of their block, blank lines none', () => {
    expect(sourceAt(map, 3, 1)?.paragraph).toBe(3);
    expect(sourceAt(map, 4, 1)?.paragraph).toBe(3);
    expect(sourceAt(map, 7, 1)).toEqual(paragraphs[3]);
    expect(sourceAt(map, 2, 1)).toBeUndefined();
    expect(sourceAt(map, 99, 1)).toBeUndefined();
  });

  it('keeps the note of a footnote', () => {
    expect(sourceAt(map, 10, 8)).toEqual({ paragraph: 5, excerpt: 'A note', note: '1' });
  });

  it('drops stray marker characters and markers of unknown paragraphs', () => {
    const stray = extractMarkers(`a\uE000b${marker(9)}\uE001`, paragraphs);
    expect(stray.markdown).toBe('ab');
    expect(stray.map.lines[0]).toEqual([]);
  });

  it('an unmarked line after the last marked line of its block belongs to the paragraph before it', () => {
    const { map: tail } = extractMarkers(`Text${marker(0)}\nmore`, paragraphs);
    expect(sourceAt(tail, 2, 1)?.paragraph).toBe(1);
  });
});

describe('excerpts and descriptions', () => {
  it('collapses whitespace and cuts long text at a word', () => {
    expect(excerptOf('  a \n b\t c ')).toBe('a b c');
    const long = excerptOf('word '.repeat(40));
    expect(long.endsWith('…')).toBe(true);
    expect([...long].length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^(word )+word…$/);
    const chinese = excerptOf('供应商'.repeat(40));
    expect([...chinese]).toHaveLength(80);
  });

  it('describes paragraphs, footnotes and endnotes', () => {
    expect(describeSource({ paragraph: 42, excerpt: '' })).toBe('paragraph 42');
    expect(describeSource({ paragraph: 42, excerpt: '', note: '1' })).toBe('paragraph 42, footnote 1');
    expect(describeSource({ paragraph: 42, excerpt: '', note: 'endnote-2' })).toBe('paragraph 42, endnote 2');
  });
});
