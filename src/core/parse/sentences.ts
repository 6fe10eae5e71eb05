/**
 * Sentence segmentation for prose units. English: ends at . ! ? followed by white space and a
 * capital, digit or opening quote, except after abbreviations, initials and section references.
 * Chinese: ends after 。！？； (and their ASCII forms followed by space).
 */

const ABBREVIATIONS = new Set(
  [
    'e.g', 'i.e', 'etc', 'vs', 'v', 'cf', 'al', 'approx', 'appx', 'incl', 'est',
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'co', 'corp', 'inc', 'ltd', 'llc', 'llp',
    'no', 'nos', 'sec', 'secs', 'art', 'para', 'paras', 'fig', 'figs', 'p', 'pp', 'ch', 'vol', 'ex', 'exh', 'sch', 'att', 'app',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'u.s', 'u.k', 'u.s.a', 'e.u', 'a.m', 'p.m', 'ph.d', 'dept', 'govt', 'min', 'max', 'avg', 'hr', 'hrs',
  ],
);

// The character tests of the loops below, made once: a literal in a loop is a new object at every
// evaluation, and the segmenter reads most characters of a document.
const SPACE = /\s/;
/** What may follow a Chinese terminator and still belong to its sentence. */
const CLOSING_ZH = /[”’」』）)"]/;
const REPEATED = /[.!?]/;
/** Closing quotes and brackets after an English terminator. */
const CLOSING = /["'”’)\]]/;
/** What a sentence after an English terminator may start with. */
const OPENING = /[A-Z0-9"“‘'([\u4e00-\u9fff•*-]/;
/** The word before a full stop (abbreviations, initials). */
const LAST_WORD = /([A-Za-z][A-Za-z.]*)$/;

function trimRange(text: string, a: number, z: number): [number, number] | null {
  while (a < z && SPACE.test(text[a]!)) a++;
  while (z > a && SPACE.test(text[z - 1]!)) z--;
  return z > a ? [a, z] : null;
}

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef);
}

/** The characters that can end a sentence (each is handled in `splitSentences`). */
const TERMINATOR = /[.!?。！？；]/g;

/** Returns [start, end) ranges of the sentences of `text`. */
export function splitSentences(text: string, locale: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const push = (z: number): void => {
    const r = trimRange(text, start, z);
    if (r) out.push(r);
    start = z;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    // Only a terminator can end a sentence: jump to the next one.
    TERMINATOR.lastIndex = i;
    const t = TERMINATOR.exec(text);
    if (!t) break;
    i = t.index;
    const ch = t[0];
    if (ch === '。' || ch === '！' || ch === '？' || ch === '；') {
      let z = i + 1;
      while (z < n && CLOSING_ZH.test(text[z]!)) z++;
      push(z);
      i = z - 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    // Absorb repeated terminators and closing quotes/brackets.
    let z = i + 1;
    while (z < n && REPEATED.test(text[z]!)) z++;
    while (z < n && CLOSING.test(text[z]!)) z++;
    if (z < n && !SPACE.test(text[z]!)) {
      // A terminator glued to the next character (99.9%, v2.1, e.g.) ends nothing, except before Han text.
      if (locale === 'zh' && isHan(text.charCodeAt(z))) {
        push(z);
        i = z - 1;
      }
      continue;
    }
    let k = z;
    while (k < n && SPACE.test(text[k]!)) k++;
    if (k >= n) continue;
    const next = text[k]!;
    if (!OPENING.test(next)) continue;
    if (ch === '.') {
      const m = LAST_WORD.exec(text.slice(Math.max(start, i - 12), i));
      if (m) {
        const word = m[1]!.toLowerCase();
        if (ABBREVIATIONS.has(word)) continue;
        // Initials (J. Smith) and single-letter list labels (a. b.).
        const beforeWord = text[i - m[1]!.length - 1];
        if (word.length === 1 && (beforeWord === undefined || !/[A-Za-z0-9$€£]/.test(beforeWord))) continue;
        // Section references: "Section 4." followed by a number is not an end.
      }
      const before = text.charCodeAt(i - 1);
      if (i > start && before >= 48 && before <= 57 && /\d/.test(next) && /(?:sec(?:tion)?|§|clause|article|item|para(?:graph)?|no)\.?\s*[\d.]+$/i.test(text.slice(Math.max(start, i - 20), i))) continue;
    }
    push(z);
    i = z - 1;
  }
  push(n);
  return out;
}
