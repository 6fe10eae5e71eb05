/**
 * Word lists as vocabulary patterns. A vocabulary entry may name a published word list (`lexicon`)
 * instead of spelling its pattern: the list is compiled once into one regular expression shaped as
 * a trie (`(?:good|great)` becomes `(?:g(?:ood|reat))`), so the matcher tries a few branches per
 * position however long the list is. The lists are data generated from their published source
 * (scripts/gen/lexicon.ts), with the source and licence recorded in the file.
 */
import type { VocabEntry } from './types.js';

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

/** A regular-expression source matching exactly the given words (lower-case letters and hyphens). */
export function triePattern(words: readonly string[]): string {
  const root: Trie = { end: false, next: new Map() };
  for (const w of words) {
    if (!/^[a-z]+(?:-[a-z]+)*$/.test(w)) throw new Error(`lexicon word "${w}" is not lower-case letters and hyphens`);
    let node = root;
    for (const ch of w) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  return emit(root);
}

function emit(node: Trie): string {
  // Collapse runs of single-child nodes into literal text.
  const branches: string[] = [];
  for (const [ch, child] of [...node.next].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let text = ch;
    let n = child;
    while (!n.end && n.next.size === 1) {
      const [c, only] = [...n.next][0]!;
      text += c;
      n = only;
    }
    branches.push(text + emit(n));
  }
  if (branches.length === 0) return '';
  if (branches.length > 1) return `(?:${branches.join('|')})${node.end ? '?' : ''}`;
  const only = branches[0]!;
  if (!node.end) return only;
  return only.length === 1 ? `${only}?` : `(?:${only})?`;
}

/** A published word list: its words, and where they come from. */
export interface Lexicon {
  /** The words, lower-case. */
  words: string[];
}

/** The entries with their `lexicon` resolved into a `pattern` (an unknown list name is an error naming the entry). */
export function resolveLexicons(entries: readonly VocabEntry[], lexicons: Readonly<Record<string, Lexicon>>): VocabEntry[] {
  return entries.map((e) => {
    if (e.lexicon === undefined) return e;
    const list = lexicons[e.lexicon];
    if (!list) throw new Error(`vocabulary entry "${e.term}": unknown lexicon "${e.lexicon}"`);
    return { ...e, pattern: triePattern(list.words) };
  });
}
