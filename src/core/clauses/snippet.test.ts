import { describe, expect, it } from 'vitest';
import { escapeSnippetText, expandWithDefaults, parseSnippet, SnippetSyntaxError, tabStops } from './snippet.js';

describe('parseSnippet', () => {
  it('parses text, tab stops, placeholders, choices and variables with offsets', () => {
    const r = parseSnippet('a $1 ${2:b} ${3|x,y|} $TM_SELECTED_TEXT ${TM_FILENAME:f} $0');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.nodes.map((n) => n.kind)).toEqual([
      'text', 'tabstop', 'text', 'placeholder', 'text', 'choice', 'text', 'variable', 'text', 'variable', 'text', 'tabstop',
    ]);
    const placeholder = r.nodes[3];
    expect(placeholder).toMatchObject({ kind: 'placeholder', index: 2, start: 5, end: 11 });
    expect(r.nodes[5]).toMatchObject({ kind: 'choice', index: 3, options: ['x', 'y'] });
    expect(r.nodes[7]).toMatchObject({ kind: 'variable', name: 'TM_SELECTED_TEXT' });
  });

  it('parses nested placeholders', () => {
    const r = parseSnippet('${1:outer ${2:inner ${3:deep}} end}');
    expect(r.ok).toBe(true);
    expect(tabStops('${1:outer ${2:inner ${3:deep}} end}')).toEqual([1, 2, 3]);
    expect(expandWithDefaults('${1:outer ${2:inner ${3:deep}} end}')).toBe('outer inner deep end');
  });

  it('honours escapes of $, } and \\', () => {
    expect(expandWithDefaults('costs \\$500 \\\\ ok')).toBe('costs $500 \\ ok');
    expect(expandWithDefaults('${1:a \\} b}')).toBe('a } b');
    expect(expandWithDefaults('${1|a\\,b,c|}')).toBe('a,b');
    expect(tabStops('costs \\$500')).toEqual([]);
  });

  it('treats a lone $ and a top-level } as text', () => {
    expect(expandWithDefaults('USD $ 5 } end')).toBe('USD $ 5 } end');
  });

  it('parses transforms', () => {
    const r = parseSnippet('${1/(.*)/${1:/upcase}/g} ${TM_FILENAME/[.]md$//}');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.nodes[0]).toMatchObject({ kind: 'tabstop', index: 1, transform: { regex: '(.*)', options: 'g' } });
  });

  it.each([
    ['unclosed ${', 'text ${1:abc', 5, 'unclosed'],
    ['unclosed choice', 'x\n${2|a,b', 2, 'unclosed choice'],
    ['choice without |}', '${1|a,b|x}', 7, 'must end with'],
    ['bad character after number', '${1 oops}', 3, 'unexpected'],
    ['nothing after ${', 'end ${', 4, 'unclosed'],
    ['invalid start after ${', 'a ${-1}', 4, 'expected a tab stop number'],
    ['empty choice option', '${1|a,,b|}', 0, 'empty'],
  ])('reports %s with its offset', (_name, body, offset, message) => {
    const r = parseSnippet(body);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.offset).toBe(offset);
    expect(r.error.message).toContain(message);
  });

  it('gives 1-based line and column of an error', () => {
    const r = parseSnippet('line one\nline two ${3:x');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ line: 2, column: 10, offset: 18 });
  });
});

describe('expandWithDefaults', () => {
  it('uses defaults, first choices, mirrors and variables', () => {
    expect(expandWithDefaults('${1:alpha} and $1, ${2|one,two|} $2 $0')).toBe('alpha and alpha, one one ');
    expect(expandWithDefaults('$1 before ${1:x}')).toBe('x before x');
    expect(expandWithDefaults('[$TM_SELECTED_TEXT] ${CLIPBOARD:none}', { TM_SELECTED_TEXT: 'sel' })).toBe('[sel] none');
  });

  it('throws a SnippetSyntaxError with the position on bad input', () => {
    expect(() => expandWithDefaults('${1:x')).toThrow(SnippetSyntaxError);
  });
});

describe('tabStops', () => {
  it('lists distinct numbers ascending including 0', () => {
    expect(tabStops('$3 ${1:a} $0 ${2|x,y|} $1')).toEqual([0, 1, 2, 3]);
  });
});

describe('escapeSnippetText', () => {
  it('round-trips arbitrary text', () => {
    for (const s of ['plain', 'USD $5 {x} \\ y', '${1:not a stop}', '$0']) {
      expect(expandWithDefaults(escapeSnippetText(s))).toBe(s);
      expect(tabStops(escapeSnippetText(s))).toEqual([]);
    }
  });
});
