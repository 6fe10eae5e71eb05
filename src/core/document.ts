/** Document-level facts: locale and document type, read cheaply from the text. */
import type { DocType, LintOptions } from './config/types.js';
import { frontMatterLang } from './parse/markdown.js';
import type { Block } from './parse/scan.js';
import type { Locale } from './types.js';

/** Counts Han characters and Latin letters (the locale detector's evidence). */
export function scriptCounts(text: string, start = 0, end = text.length): { han: number; latin: number } {
  let han = 0;
  let latin = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    } else if (c >= 0x4e00 && c <= 0x9fff) han++;
  }
  return { han, latin };
}

const HAN = /[\u4e00-\u9fff]/;

/** Han characters carry about as much as a four-letter word: weigh them so. */
export function localeFromCounts(han: number, latin: number): Locale {
  return han * 4 > latin ? 'zh' : 'en';
}

/** The locale a front matter block names (`lang`, `language` or `locale`), if any. */
export function frontMatterLocale(text: string, blocks: readonly Block[]): Locale | undefined {
  const fm = blocks[0]?.kind === 'frontmatter' ? blocks[0] : undefined;
  if (!fm) return undefined;
  const lang = frontMatterLang(text.slice(fm.start, fm.end));
  return lang === 'zh' || lang === 'en' ? lang : undefined;
}

/**
 * The document's locale: from options, else from front matter, else from the script counts of
 * the whole text (`counts` may be given as the sum over blocks: the text between blocks is blank).
 */
export function resolveLocale(text: string, blocks: readonly Block[], options: LintOptions, counts?: { han: number; latin: number }): Locale {
  if (options.locale && options.locale !== 'auto') return options.locale;
  const fm = frontMatterLocale(text, blocks);
  if (fm) return fm;
  // Without a single Han character the answer is English, whatever the letters count.
  if (!counts && !HAN.test(text)) return 'en';
  const c = counts ?? scriptCounts(text);
  return localeFromCounts(c.han, c.latin);
}

/** The locale every block is read in when the options or the front matter name one; else undefined. */
export function fixedLocale(text: string, blocks: readonly Block[], options: LintOptions): Locale | undefined {
  if (options.locale && options.locale !== 'auto') return options.locale;
  return frontMatterLocale(text, blocks);
}

/**
 * The locale a block is read in: the fixed locale when there is one, else the block's own script,
 * so a Chinese paragraph in an English document (or English badges and product names in a Chinese
 * README) is read in its own language.
 */
export function blockLocale(fixed: Locale | undefined, han: number, latin: number): Locale {
  return fixed ?? (han === 0 ? 'en' : localeFromCounts(han, latin));
}

/**
 * Whether a block's units are each read in the language of their own script rather than the
 * block's: a block holding both Han characters and Latin letters (a Chinese paragraph with an
 * English sentence, a table with English and Chinese cells), when no locale is fixed.
 */
export function blockMixed(fixed: Locale | undefined, han: number, latin: number): boolean {
  return fixed === undefined && han > 0 && latin > 0;
}

/**
 * The language a unit of a mixed block is read in: its own script's, weighed as for a block; a
 * unit with neither Han characters nor Latin letters keeps the block's.
 */
export function unitLocale(text: string, blockLocale: Locale): Locale {
  const c = scriptCounts(text);
  if (c.han === 0) return c.latin === 0 ? blockLocale : 'en';
  return localeFromCounts(c.han, c.latin);
}

/** How a block is read: its locale, and whether its units are read each in its own (see `blockMixed`). */
export interface BlockReading {
  locale: Locale;
  mixed: boolean;
}

/** A block's reading from its script counts (see `blockLocale`, `blockMixed`). */
export function blockReading(fixed: Locale | undefined, han: number, latin: number): BlockReading {
  return { locale: blockLocale(fixed, han, latin), mixed: blockMixed(fixed, han, latin) };
}

/** Each block's reading (see `blockReading`); a text without Han characters is English throughout. */
export function blockReadings(text: string, blocks: readonly Block[], options: LintOptions): BlockReading[] {
  const fixed = fixedLocale(text, blocks, options);
  if (fixed || !HAN.test(text)) return blocks.map(() => ({ locale: fixed ?? 'en', mixed: false }));
  return blocks.map((b) => {
    const c = scriptCounts(text, b.start, b.end);
    return blockReading(undefined, c.han, c.latin);
  });
}

/** Each block's locale (see `blockLocale`); a text without Han characters is English throughout. */
export function blockLocales(text: string, blocks: readonly Block[], options: LintOptions): Locale[] {
  return blockReadings(text, blocks, options).map((r) => r.locale);
}

const DOC_TYPE_CUES: Array<[DocType, RegExp]> = [
  ['sla', /\bservice level agreement\b|\bSLA\b|服务等级协议|服务水平协议|\bSLA\b/i],
  ['rfp', /\brequest for (?:proposals?|quotations?|quotes?|information)\b|\bRF[PQI]\b|招标|投标人须知|采购需求/i],
  ['sow', /\bstatement of (?:work|objectives)\b|\bperformance work statement\b|\bSOW\b|\bSOO\b|\bPWS\b|工作说明书/i],
  ['proposal', /\bproposal\b|\bour (?:team|approach|solution|platform)\b|方案|建议书/i],
  ['contract', /\bagreement\b|\bterms\b|\bcontract\b|合同|协议|条款/i],
];

/** How much of the text's head the document type is read from. */
export const DOC_TYPE_HEAD = 4000;

/** The document type: from options, else from cues in the first part of the text. */
export function resolveDocType(text: string, options: LintOptions): DocType {
  if (options.docType && options.docType !== 'auto') return options.docType;
  const head = text.slice(0, DOC_TYPE_HEAD);
  for (const [type, re] of DOC_TYPE_CUES) if (re.test(head)) return type;
  return 'contract';
}
