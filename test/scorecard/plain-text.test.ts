/**
 * `clean` reads a sentence as the scorecard does: marks dropped, tags dropped (a line break read as
 * a space), white space folded; `splitCells` splits a table row at its pipes. Both run on most of a
 * document's text, so their common cases are written with native string operations; this checks
 * them against the plain character loops that state the rules, on generated text made of the
 * characters that matter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellsByCharacter, clean, splitCells } from '../../src/core/scorecard/extract.js';

/** The rule, one character at a time. */
function reference(s: string): string {
  let out = '';
  let space = false;
  const emit = (text: string): void => {
    if (space && out) out += ' ';
    space = false;
    out += text;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 42 /* * */ || c === 96 /* ` */) continue;
    if (c === 60 /* < */ && /[A-Za-z/]/.test(s[i + 1] ?? '')) {
      const close = s.indexOf('>', i);
      if (close > 0 && close - i < 200) {
        if (s.slice(i + 1, i + 3).toLowerCase() === 'br') space = true;
        i = close;
        continue;
      }
    }
    if (c === 95 /* _ */ && (s.charCodeAt(i + 1) === 95 || s.charCodeAt(i - 1) === 95)) continue;
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) {
      space = true;
      continue;
    }
    emit(s[i]!);
  }
  return out;
}

const pieces = ['a', 'B', 'r', 'br', 'BR', 'x', '9', '<', '>', '/', '<br>', '<br/>', '<Br >', '<span class="x">', '</span>', '<b>', '<!-- c -->', '< ', '*', '**', '`', '_', '__', '___', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '中', '。', 'é'];

const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((xs) => xs.join(''));

describe('cleaning a sentence', () => {
  it('gives what the character loop gives, on generated text', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(clean(s)).toBe(reference(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a tag only up to 200 characters long', () => {
    for (const n of [195, 196, 197, 198, 199, 200]) {
      const s = `a <b${'x'.repeat(n)}> c`;
      expect(clean(s), String(n)).toBe(reference(s));
    }
    expect(clean(`a <b${'x'.repeat(197)}> c`)).toBe('a c');
    expect(clean(`a <b${'x'.repeat(198)}> c`)).toBe(`a <b${'x'.repeat(198)}> c`);
  });

  it('reads a tag from each `<`, a `<` inside an unclosed one included', () => {
    expect(clean('a <b <i>c</i> d')).toBe(reference('a <b <i>c</i> d'));
    expect(clean(`<a${'<'.repeat(300)}>x`)).toBe(reference(`<a${'<'.repeat(300)}>x`));
  });

  it('keeps the words a tag parts apart only at a line break', () => {
    expect(clean('one<br>two<b>three</b>four')).toBe('one twothreefour');
    expect(clean('__<b>__')).toBe('');
    expect(clean('_<b>_')).toBe('__');
  });
});

const row = fc.array(fc.constantFrom('|', '| ', ' |', 'a', 'b c', '99.9%', ' ', '\t', '\\', '\\|', '`', '`x|y`', '*', '__', '<br>', '中'), { maxLength: 30 }).map((xs) => xs.join(''));

describe('splitting a table row', () => {
  it('gives the cells of the character loop, on generated rows', () => {
    let plain = 0;
    fc.assert(
      fc.property(row, (r) => {
        if (!r.includes('`') && !r.includes('\\|')) plain++;
        expect(splitCells(r)).toEqual(cellsByCharacter(r));
      }),
      { numRuns: 5000 },
    );
    // Rows without escapes or code spans (the native split) are among them.
    expect(plain).toBeGreaterThan(500);
  });
});
