/**
 * The evaluative word lists of the English vocabulary (src/core/vocab/lexicon.en.json), selected
 * from a published sentiment lexicon, so that candidate claims come from the language's evaluative
 * words rather than from words seen in labelled sentences:
 *
 * - source: the VADER sentiment lexicon (C.J. Hutto and E. Gilbert, 2014; MIT licence), as shipped
 *   in the npm package `vader-sentiment` (Apache-2.0): words rated by ten people each on a scale
 *   from -4 to +4;
 * - kept: single words (letters and hyphens) whose mean rating is at least MIN_VALENCE;
 * - word class, from the part-of-speech lexicon of `wink-lexicon` (MIT; used here only to choose
 *   words, nothing of it is shipped): adjectives whose most frequent tag is an adjective, or
 *   an -ing form also tagged adjective ("amazing"), minus past participles (a state
 *   an event left, "approved", "protected", not a judgement of quality) and comparative or
 *   superlative forms (the comparative and superlative patterns of en.json cover them). A word the
 *   tagger does not know is kept when its suffix is an adjective's (-ous, -ful, -able ...);
 * - dropped: words another entry of en.json already matches whole (they are candidates already).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VocabEntry } from '../../src/core/vocab/types.js';
import { entrySource } from '../../src/core/vocab/matcher.js';

interface Artefact {
  path: string;
  content: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** Mean rating (on -4..+4) from which a word counts as positive evaluation. */
export const MIN_VALENCE = 1;

/** Adjective-forming suffixes, for the words the tagger does not know. */
const ADJECTIVE_SUFFIX = /(?:ous|ful|less|able|ible|ive|ic|al|ent|ant|ary|ory|some|proof|worthy)$/;

/** The notices the lexicon's licences ask to keep with copies of it. */
const NOTICES = [
  'VADER sentiment lexicon: The MIT License (MIT). Copyright (c) 2016 C.J. Hutto. Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions: The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.',
  'vaderSentiment-js: Copyright 2018 Comcast Cable Communications Management, LLC. Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0). This product includes software developed at Comcast (http://www.comcast.com/).',
];

/**
 * The evaluative adjectives among the lexicon's lines (`word<TAB>mean<TAB>...`), given each word's
 * part-of-speech tags (most frequent first; undefined for a word the tagger does not know) and
 * whether another entry already matches the word. Pure, for tests.
 */
export function selectAdjectives(lines: readonly string[], tags: (word: string) => readonly string[] | undefined, taken: (word: string) => boolean): string[] {
  const out = new Set<string>();
  for (const line of lines) {
    const [word, mean] = line.split('\t');
    if (!word || !/^[a-z]{3,}(?:-[a-z]+)*$/.test(word) || !(Number(mean) >= MIN_VALENCE) || taken(word)) continue;
    // Words in -ly are left out: mostly adverbs, whose use is not a predicate or an attribute.
    if (/ly$/.test(word)) continue;
    const t = tags(word);
    if (!t) {
      if (ADJECTIVE_SUFFIX.test(word)) out.add(word);
      continue;
    }
    const first = t[0]!;
    // Degree forms are left to the comparative and superlative patterns.
    if (t.some((x) => x === 'JJR' || x === 'JJS')) continue;
    // An adjective first, or an -ing form that is also an adjective ("amazing", "engaging").
    if (!t.includes('JJ') || !(first === 'JJ' || (first === 'VBG' && /ing$/.test(word)))) continue;
    // A past participle names the state an event left ("approved", "protected"), not a judgement.
    if (/ed$/.test(word) && (t.includes('VBN') || t.includes('VBD'))) continue;
    out.add(word);
  }
  return [...out].sort();
}

/** Where an installed source package is; an error that says how to install it when it is not. */
function packageFile(name: string): string {
  try {
    return require.resolve(`${name}/package.json`);
  } catch {
    throw new Error(`scripts/gen/lexicon.ts: the lexicon source package ${name} is not installed (it is a devDependency: run npm install)`);
  }
}

export async function generate(): Promise<Artefact[]> {
  const vaderPkg = packageFile('vader-sentiment');
  const vaderVersion = (JSON.parse(readFileSync(vaderPkg, 'utf8')) as { version: string }).version;
  const lines = readFileSync(join(dirname(vaderPkg), 'vader_lexicon.txt'), 'utf8').split(/\r?\n/);
  const winkPkg = packageFile('wink-lexicon');
  const winkVersion = (JSON.parse(readFileSync(winkPkg, 'utf8')) as { version: string }).version;
  const pos = require(join(dirname(winkPkg), 'src', 'lexicon.js')) as Record<string, string[] | undefined>;
  const en = JSON.parse(readFileSync(join(root, 'src', 'core', 'vocab', 'en.json'), 'utf8')) as { entries: VocabEntry[] };
  const whole = en.entries.filter((e) => e.lexicon === undefined).map((e) => new RegExp(`^(?:${entrySource(e)})$`, 'iu'));
  const adjectives = selectAdjectives(lines, (w) => (Object.hasOwn(pos, w) ? pos[w] : undefined), (w) => whole.some((re) => re.test(w)));
  const data = {
    source: {
      name: 'VADER sentiment lexicon (C.J. Hutto and E. Gilbert, 2014)',
      package: `vader-sentiment@${vaderVersion}`,
      file: 'vader_lexicon.txt',
      licence: 'MIT (the lexicon, Copyright (c) 2016 C.J. Hutto); Apache-2.0 (the npm package, Copyright 2018 Comcast Cable Communications Management, LLC)',
      notices: NOTICES,
      selection: `single words with a mean rating of at least ${MIN_VALENCE} (of -4..+4); word class from the part-of-speech lexicon of wink-lexicon@${winkVersion} (MIT), or the suffix where it has none; words another entry of en.json matches are left out. Generated by scripts/gen/lexicon.ts.`,
    },
    lists: {
      'evaluative-adjectives': { words: adjectives },
    },
  };
  return [{ path: 'src/core/vocab/lexicon.en.json', content: `${JSON.stringify(data, null, 1).replace(/\[\n\s+("[^\]]*?)\n\s*\]/g, (_, body: string) => `[${body.replace(/,\n\s+/g, ', ')}]`)}\n` }];
}
