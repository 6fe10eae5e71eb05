import { describe, expect, it } from 'vitest';
import { parseBlock } from '../../src/core/parse/markdown.js';
import { scanBlocks } from '../../src/core/parse/scan.js';
import { splitSentences } from '../../src/core/parse/sentences.js';
import { proseUnits } from '../../src/core/parse/units.js';

const sentences = (text: string, locale = 'en'): string[] => splitSentences(text, locale).map(([a, z]) => text.slice(a, z));

describe('sentence segmentation', () => {
  it('splits at terminators followed by a capital', () => {
    expect(sentences('The vendor shall report. The agency will review it! Is it done? Yes.')).toEqual([
      'The vendor shall report.',
      'The agency will review it!',
      'Is it done?',
      'Yes.',
    ]);
  });

  it('keeps abbreviations, numbers and section references inside a sentence', () => {
    expect(sentences('Uptime is 99.9% per month, e.g. for the portal. See Sec. 4.2 for details. Version v2.1 costs $1.5M. Done.')).toEqual([
      'Uptime is 99.9% per month, e.g. for the portal.',
      'See Sec. 4.2 for details.',
      'Version v2.1 costs $1.5M.',
      'Done.',
    ]);
  });

  it('keeps a numbered section reference before a number, and only after a digit', () => {
    expect(sentences('The terms are in Section 4. 2 copies are kept. Fine.')).toEqual(['The terms are in Section 4. 2 copies are kept.', 'Fine.']);
    expect(sentences('See clause 12. 3 parties sign.')).toEqual(['See clause 12. 3 parties sign.']);
    expect(sentences('It is in the Section. 2 copies are kept.')).toEqual(['It is in the Section.', '2 copies are kept.']);
  });

  it('does not split before a lower-case word', () => {
    expect(sentences('Logs, metrics, etc. are retained.')).toEqual(['Logs, metrics, etc. are retained.']);
  });

  it('splits Chinese on 。！？；', () => {
    expect(sentences('平台更快。成本更低！真的吗？是的；没错', 'zh')).toEqual(['平台更快。', '成本更低！', '真的吗？', '是的；', '没错']);
  });
});

describe('block pre-scan', () => {
  it('splits at blank lines and keeps fences, comments and front matter whole', () => {
    const text = '---\na: 1\n---\n\nPara one.\n\n```\ncode\n\nmore code\n```\n\n<!-- a\n\nb -->\n\nLast.\n';
    const blocks = scanBlocks(text).map((b) => [b.kind, text.slice(b.start, b.end)]);
    expect(blocks).toEqual([
      ['frontmatter', '---\na: 1\n---'],
      ['content', 'Para one.'],
      ['content', '```\ncode\n\nmore code\n```'],
      ['content', '<!-- a\n\nb -->'],
      ['content', 'Last.'],
    ]);
  });

  it('attaches indented continuation lines to the list before them', () => {
    const text = '- item one\n\n  continued body\n\nNext para.';
    expect(scanBlocks(text).map((b) => text.slice(b.start, b.end))).toEqual(['- item one\n\n  continued body', 'Next para.']);
  });

  it('gives a fenced code block at the left margin a block of its own', () => {
    const text = 'Intro text.\n```sh\nmake better\n```\nAfter the fence.\n    indented code';
    expect(scanBlocks(text).map((b) => text.slice(b.start, b.end))).toEqual(['Intro text.', '```sh\nmake better\n```', 'After the fence.\n    indented code']);
    // Not when an HTML block may be open (the fence line is part of it), nor for an indented closer.
    const html = '<div>\n```\nx\n```';
    expect(scanBlocks(html).map((b) => html.slice(b.start, b.end))).toEqual([html]);
    const indented = '```\nx\n    ```\ny';
    expect(scanBlocks(indented).map((b) => indented.slice(b.start, b.end))).toEqual([indented]);
  });

  it('starts a new block at an indented line after a blank line unless a list item may go on there', () => {
    const text = '#### Stories\n\n  - As a user, I can file faster\n\n    more of the same item\n\nPara.\n\n  indented para';
    expect(scanBlocks(text).map((b) => text.slice(b.start, b.end))).toEqual([
      '#### Stories',
      '  - As a user, I can file faster\n\n    more of the same item',
      'Para.',
      '  indented para',
    ]);
    const loose = '  - one item\n\n  - the next item\n\n    its second paragraph';
    expect(scanBlocks(loose).map((b) => loose.slice(b.start, b.end))).toEqual(['  - one item', '  - the next item\n\n    its second paragraph']);
  });

  it('handles CRLF and CR line endings', () => {
    expect(scanBlocks('A.\r\n\r\nB.').length).toBe(2);
    expect(scanBlocks('A.\r\rB.').length).toBe(2);
  });
});

describe('prose units', () => {
  const units = (src: string): Array<[string, string]> =>
    proseUnits(parseBlock(src), src, 'en').map((u) => [u.text, src.slice(u.start, u.end)]);

  it('maps sentences back to exact source across inline formatting', () => {
    expect(units('Our **significantly** better tool. See [industry-leading](https://x.test) support.')).toEqual([
      ['Our significantly better tool.', 'Our **significantly** better tool.'],
      ['See industry-leading support.', 'See [industry-leading](https://x.test) support.'],
    ]);
  });

  it('reads list items and table cells, not headings or code', () => {
    const src = '- First item\n- Second item\n\n| Head | Col |\n|---|---|\n| cell text | `code` |';
    expect(units(src).map(([t]) => t)).toEqual(['First item', 'Second item', 'Head', 'Col', 'cell text', '\uFFFC']);
    expect(units('# A heading\n\n```\ncode\n```')).toEqual([]);
  });

  it('reads prose inside raw HTML blocks', () => {
    expect(units('<table><tr><td><p>Testing must be regular.</p></td></tr></table>').map(([t]) => t)).toEqual(['Testing must be regular.']);
  });

  it('handles escapes and entities without losing the mapping', () => {
    const [[text, source]] = units('Price is 5 \\* 3 &amp; more.') as [[string, string]];
    expect(text).toBe('Price is 5 * 3 & more.');
    expect(source).toBe('Price is 5 \\* 3 &amp; more.');
  });
});

describe('one line index for every offset → line/column', () => {
  it('config errors, clause snippets and findings count CRLF, LF and CR line ends alike', async () => {
    const { lineColumnAt, LineIndex } = await import('../../src/core/index.js');
    const { parseSnippet } = await import('../../src/core/clauses/snippet.js');
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `a${eol}bc${eol}\${1:x`;
      const at = text.indexOf('${');
      expect(lineColumnAt(text, at)).toEqual({ line: 3, column: 1 });
      expect(new LineIndex(text).position(at)).toMatchObject({ line: 3, column: 1 });
      const parsed = parseSnippet(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect([parsed.error.line, parsed.error.column]).toEqual([3, lineColumnAt(text, parsed.error.offset).column]);
    }
  });
});
