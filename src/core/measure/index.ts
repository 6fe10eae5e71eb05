/**
 * Measurement recognisers: find, in a unit's text, what a verifiable outcome needs (targets,
 * windows, baselines, methods, references to where a metric is defined).
 */
import type { Locale, OutcomePart } from '../types.js';
import { EN_RECOGNISERS } from './en.js';
import type { Measurement, Recogniser } from './types.js';
import { NEEDS_UNICODE, withoutUnicode, withStandIn } from '../unicode-regex.js';
import { warm } from '../regex-warm.js';
import { folded, lowerText } from '../case-fold.js';
import { ZH_RECOGNISERS } from './zh.js';

export type { Measurement, Recogniser } from './types.js';

export const RECOGNISERS: Record<Locale, readonly Recogniser[]> = { en: EN_RECOGNISERS, zh: ZH_RECOGNISERS };

export interface Compiled {
  rec: Recogniser;
  /** The pattern with Unicode semantics. */
  readonly re: RegExp;
  /** The same without the `u` flag, for texts where it matches alike (see unicode-regex.ts). */
  ascii: RegExp | undefined;
}


const compiled = new Map<Locale, Compiled[]>();

/** A recogniser's patterns; the Unicode one is made on first use when a stand-in reads most texts. */
export function compileRecogniser(rec: Recogniser): Compiled {
  const p = withStandIn(rec.pattern, 'giu', withoutUnicode);
  return {
    rec,
    get re() {
      return p.exact;
    },
    ascii: p.standIn,
  };
}

function compile(locale: Locale): Compiled[] {
  let c = compiled.get(locale);
  if (!c) {
    c = RECOGNISERS[locale].map(compileRecogniser);
    compiled.set(locale, c);
  }
  return c;
}

/** Per locale and id set, the recognisers it names and the others (callers pass the same sets again and again). */
const subsets = new Map<Locale, WeakMap<ReadonlySet<string>, [named: Compiled[], others: Compiled[]]>>();

function select(locale: Locale, ids: ReadonlySet<string> | undefined, exclude: boolean): Compiled[] {
  const all = compile(locale);
  if (!ids) return all;
  let byIds = subsets.get(locale);
  if (!byIds) subsets.set(locale, (byIds = new WeakMap()));
  let split = byIds.get(ids);
  if (!split) byIds.set(ids, (split = [all.filter((c) => ids.has(c.rec.id)), all.filter((c) => !ids.has(c.rec.id))]));
  return split[exclude ? 1 : 0];
}

/**
 * Every measurement in `text`, in order of position. With `ids`, only the recognisers named there
 * run (or, with `exclude`, only the others). `folds` is whether the text needs the recognisers'
 * Unicode semantics (`NEEDS_UNICODE`), for a caller that knows already.
 */
export function measure(text: string, locale: Locale, ids?: ReadonlySet<string>, exclude = false, folds = NEEDS_UNICODE.test(text)): Measurement[] {
  const out: Measurement[] = [];
  // The stand-ins run in one case on the lower-cased text, where they can (case-fold.ts).
  const low = folds ? undefined : lowerText(text);
  for (const c of select(locale, ids, exclude)) {
    const rec = c.rec;
    const one = low !== undefined && c.ascii ? folded(c.ascii) : undefined;
    const subject = one ? low! : text;
    const re = warm(one ?? (folds || !c.ascii ? c.re : c.ascii), subject);
    re.lastIndex = 0;
    for (let m = re.exec(subject); m; m = re.exec(subject)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const end = m.index + m[0].length;
      out.push({ id: rec.id, parts: rec.parts, start: m.index, end, text: one ? text.slice(m.index, end) : m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The outcome parts that the measurements supply. */
export function partsPresent(ms: readonly Measurement[]): Set<OutcomePart> {
  const s = new Set<OutcomePart>();
  for (const m of ms) for (const p of m.parts) s.add(p);
  return s;
}
