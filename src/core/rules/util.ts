import type { UnitInfo } from '../analysis.js';
import { headMatch, matchRules, type CompiledVocabulary, type TermMatch } from '../vocab/matcher.js';
import { TextMemo } from '../memo.js';
import { escapeSnippetText } from '../clauses/snippet.js';
import { warm } from '../regex-warm.js';
import type { Fix, Locale, RuleId } from '../types.js';
import type { UnitRuleContext } from './define.js';

/**
 * Part of a proper name: a capitalised term inside a run of capitalised words, not at the start of
 * the sentence ("the Office of Citizen Services and Innovative Technologies").
 */
function inProperName(text: string, start: number, end: number): boolean {
  if (!/^[A-Z]/.test(text.slice(start, end))) return false;
  const before = text.slice(Math.max(0, start - 80), start);
  if (start <= 80 && !/\S/.test(before)) return false;
  if (!/\S/.test(before) || /(?:^|[.!?:;]\s*|^\W*)$/.test(before.replace(/["'“‘([*_\s-]+$/, ''))) return false;
  const prev = /([A-Za-z][\w'’-]*)\s+(?:(?:and|of|for|the|&)\s+)?$/.exec(before);
  const next = /^\s+(?:(?:and|of|for|the|&)\s+)?([A-Za-z][\w'’-]*)/.exec(text.slice(end, end + 80));
  return (!!prev && /^[A-Z]/.test(prev[1]!)) || (!!next && /^[A-Z]/.test(next[1]!));
}

/**
 * Part of a name that its acronym follows ("High Performance Computing (HPC)", "Cryptography API:
 * Next Generation (CNG)"): a capitalised term, then capitalised words up to a parenthesised
 * acronym. Wherever it stands, even first in a sentence, it names a thing; it does not praise one.
 */
function beforeAcronym(text: string, start: number, end: number): boolean {
  if (!/^[A-Z]/.test(text.slice(start, end))) return false;
  return /^(?:\s+[A-Z][\w'’-]*){0,4}\s*\([A-Z][A-Za-z0-9&]{1,7}\)/.test(text.slice(end, end + 120));
}

/**
 * A single capitalised word in the middle of a sentence that is otherwise in lower case ("returned
 * in Excel format"): a product or a name, not the common word. Headings and Title Case labels,
 * where every word is capitalised, are left to the other tests.
 */
function capitalisedMidSentence(text: string, start: number, end: number): boolean {
  const term = text.slice(start, end);
  if (!/^[A-Z][a-z]+$/.test(term)) return false;
  const before = text.slice(Math.max(0, start - 80), start);
  if (!/[a-z,]\s+$/.test(before)) return false;
  const words = text.match(/[A-Za-z][\w'’-]*/g) ?? [];
  const capitals = words.filter((w) => /^[A-Z]/.test(w)).length;
  return words.length >= 4 && capitals * 3 < words.length;
}

/** Inside a short quoted span: a title or a name being cited, not a claim being made. */
function inQuotedTitle(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 120);
  const window = text.slice(from, start);
  const at = Math.max(window.lastIndexOf('“'), window.lastIndexOf('"'));
  if (at < 0) return false;
  const open = from + at;
  const close = text.slice(end, end + 120).indexOf(text[open] === '“' ? '”' : '"');
  if (close < 0) return false;
  const inner = text.slice(open + 1, end + close);
  return inner.split(/\s+/).length <= 12 && !/[.;]\s/.test(inner);
}

/** Every rule's vocabulary matches in a unit, read once per unit (the rules ask in turn; most units of a candidate block hold none). */
const unitMatches = new WeakMap<UnitInfo, ReadonlyMap<RuleId, readonly TermMatch[]>>();
/**
 * The same by the unit's text, per vocabulary: a keystroke in a long list or table analyses its
 * whole block again, and every unit but the edited one is read as before. Matches are offsets in
 * the text and the vocabulary's entries, so the same text has the same matches. Units longer than
 * `MEMO_UNIT` are read each time: they are rare, and the memo would keep a copy of each version.
 */
const byText = new WeakMap<CompiledVocabulary, TextMemo<ReadonlyMap<RuleId, readonly TermMatch[]>>>();
const MEMO_UNIT = 4_000;
function matchesIn(ctx: UnitRuleContext, info: UnitInfo): ReadonlyMap<RuleId, readonly TermMatch[]> {
  let v = unitMatches.get(info);
  if (v !== undefined) return v;
  const text = info.unit.text;
  if (text.length > MEMO_UNIT) v = matchRules(ctx.vocab, text, MAX_MATCHES_PER_UNIT);
  else {
    let memo = byText.get(ctx.vocab);
    if (!memo) byText.set(ctx.vocab, (memo = new TextMemo(4_096, 400_000)));
    v = memo.get(text);
    if (v === undefined) memo.set(text, (v = matchRules(ctx.vocab, text, MAX_MATCHES_PER_UNIT)));
  }
  unitMatches.set(info, v);
  return v;
}

/**
 * The rules whose terms name a quality, a size or praise: under a negation they describe a lack
 * ("does not provide the flexibility needed", "缺少精准用户画像"), the problem or the state before the
 * work, not an outcome offered or demanded. Absolutes and escapes keep their meaning negated ("never
 * fails", "不存在任何后门").
 */
const NEGATABLE: ReadonlySet<RuleId> = new Set<RuleId>(['unmeasured-claim', 'puffery', 'vague-quantifier']);
/** A negation that governs the next word or two ("not only", "no more than" and "no longer" do not). */
const NEGATION_BEFORE_EN = /\b(?:not|no|cannot|can['’]t|doesn['’]t|don['’]t|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|won['’]t|lacks?|lacking|nor)\s+(?!(?:only|just|merely|more|less|fewer|longer)\b)(?:(?:be|been|being|a|an|the|any|very|so|as|that|too|have|has|provide|offer|deliver|support|take\s+advantage\s+of)\s+){0,2}$/i;
/** A negation directly before the term, or with a degree word between (不够灵活, 无法有效, 缺少精准, 难以). */
const NEGATION_BEFORE_ZH = /(?:不(?:够|太|很|是很|是那么)?|没有|无法|未能|缺乏|缺少|难以)$/;
function negatedTerm(locale: Locale, text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 50), start);
  return locale === 'zh' ? NEGATION_BEFORE_ZH.test(before) : warm(NEGATION_BEFORE_EN, before).test(before);
}

/**
 * A disclaimer or a reservation of rights before the term, in the same clause: the party declines
 * to promise what follows ("makes no guarantee that the portal will always be fast", "does not
 * warrant that the service will be timely or error-free") or keeps a right to do it ("reserves the
 * right, at its sole discretion, to amend", 保留……降低黑洞阈值的权利, 有权降低). Declining an outcome
 * or reserving a right offers none, so nothing in its scope is a claim. The scope ends at a sentence
 * end, a semicolon or a contrast ("but", "however", 但), after which the writer speaks for itself
 * again; a semicolon that goes on with another "that" clause continues the list of what is
 * disclaimed.
 */
const DISCLAIMER_EN = /\b(?:(?:does|do|did|will|shall|can|could|would) not|doesn['’]t|don['’]t|didn['’]t|won['’]t|cannot|makes? no|gives? no|provides? no|offers? no|without(?: any)?|(?:expressly )?disclaims?(?: any| all)?) (?:warrant(?:s|y|ies)?|guarantee(?:s|d)?|represent(?:s|ations?)?|promise(?:s)?|assurances?)\b/i;
const RESERVATION_EN = /\b(?:reserves?|retains?) the right\b/i;
const CONTRAST_EN = /\b(?:but|however)\b/i;
/** What `DISCLAIMER_EN` or `RESERVATION_EN` needs in the text: a stem of one of their nouns. */
const DISCLAIMER_STEMS = /warrant|guarantee|represent|promise|assurance|right/i;
/** 不保证, 不作承诺: the clause holding one declines what it names, before or after it; 不对……做出承诺 too. */
const DISCLAIMER_ZH = /不(?:作|做|作出|做出)?(?:任何)?(?:承诺|保证|担保)/;
const PROMISE_ZH = /(?:作|做)出?(?:任何)?(?:承诺|保证|担保)/;
function disclaimed(locale: Locale, text: string, start: number, end: number): boolean {
  if (locale === 'zh') {
    const from = Math.max(text.lastIndexOf('。', start), text.lastIndexOf('；', start), text.lastIndexOf('但', start)) + 1;
    const stop = text.slice(end).search(/[。；但]/);
    const clause = text.slice(from, stop < 0 ? text.length : end + stop);
    if (DISCLAIMER_ZH.test(clause)) return true;
    const at = clause.indexOf('不对');
    if (at >= 0 && PROMISE_ZH.test(clause.slice(at + 2))) return true;
    const term = start - from;
    const keep = clause.lastIndexOf('保留', term);
    return clause.lastIndexOf('有权', term) >= 0 || (keep >= 0 && /权利|权力/.test(clause.slice(term)));
  }
  // The clause before the term: from the last sentence end or semicolon, where a semicolon that
  // goes on with "that" does not end it. Both patterns need one of their nouns' stems, which the
  // clean-up below neither makes nor breaks: most terms have none before them and stop here.
  const raw = text.slice(Math.max(0, start - 300), start);
  if (!warm(DISCLAIMER_STEMS, raw).test(raw)) return false;
  const before = raw
    .replace(/\s+/g, ' ')
    .replace(/; (?=(?:and |or )?that\b)/gi, ', ');
  const clause = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf('!'), before.lastIndexOf('?')) + 1);
  const m = warm(DISCLAIMER_EN, clause).exec(clause) ?? RESERVATION_EN.exec(clause);
  return m !== null && !CONTRAST_EN.test(clause.slice(m.index + m[0].length));
}

/**
 * The term describes the adversary, not the offer: an evaluative word on a threat ("detect
 * sophisticated threats", "advanced persistent attackers") or predicated of one ("threats are
 * growing more sophisticated"). Who attacks, and how well, is the problem the offer meets, the
 * background of a claim rather than an outcome promised.
 */
const THREAT_NOUN_EN = '(?:threats?|attacks?|attackers?|adversar(?:y|ies)|malware|ransomware|phishing|hackers?|threat\\s+actors?|exploits?|cyber-?criminals?|criminals?)';
/**
 * The threat noun heads its phrase ("sophisticated threats in the cloud", not "advanced threat
 * detection"). A threat after "than" is the standard a comparison is measured against ("responds
 * faster than attackers"): the comparison is the offer's, and stays a claim.
 */
const THREAT_AFTER_EN = new RegExp(`^(?:,?\\s+(?!(?:against|from|for|to|of|by|with|in|on|at|and|or|the|a|an|all|any|every|most|many|than)\\b)[a-z-]+)?\\s+${THREAT_NOUN_EN}(?=\\s*(?:$|[.,;:!?)—–-]|(?:and|or|in|on|at|from|to|that|which|who|with|before|across|by|targeting|against|for|like|such|are|is|can|will|may|might|could|have|has)\\b))`, 'i');
const THREAT_BEFORE_EN = new RegExp(`\\b${THREAT_NOUN_EN}\\s+(?:(?:are|is|have|has|keep|continue|become|becomes|becoming|grow|grows|growing|getting|increasingly|ever|more|even|only)\\s+){1,4}$`, 'i');
function describesThreat(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 60);
  if (warm(THREAT_AFTER_EN, after).test(after)) return true;
  const before = text.slice(Math.max(0, start - 80), start);
  return warm(THREAT_BEFORE_EN, before).test(before);
}

/**
 * A purpose clause opened by 为了 ("为了更好地处理您的投诉", "为了给您带来更好的体验，……"): the aim
 * the sentence serves, stated before what is done for it, not an outcome promised. The clause runs
 * to its first comma or stop, or past a comma that goes on with the aim (并且, 以及, 同时).
 */
function inPurposeClause(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  const at = before.lastIndexOf('为了');
  if (at < 0 || (at > 0 && !/[，。；：:,\s]/.test(before[at - 1]!))) return false;
  const [, ...after] = before.slice(at + 2).split(/[，,]/);
  return !/[。；;]/.test(before.slice(at)) && after.every((part) => /^(?:并且|并|以及|同时)/.test(part));
}

/**
 * A quality named as what is measured ("evaluate the effectiveness of the controls", "validate the
 * reliability of the infrastructure", "monitor contractor performance"): the method of a check,
 * not an outcome claimed. The quality noun follows a verb or noun of evaluation, with at most a
 * determiner, "of" and one more word between.
 */
const QUALITY_NOUN_EN = /(?:ness|ity|ance|ency|acy|quality)$/i;
const EVALUATION_WORD_EN = /^(?:evaluat|assess|test|measur|review|confirm|verif|validat|monitor|determin|track|benchmark|audit|quantif|insight)[a-z]*,?$/i;
const BETWEEN_EN = /^(?:and|or|of|on|into|the|its|their|our|your|overall|a|an)$/i;
function evaluatedQuality(text: string, start: number, end: number): boolean {
  if (!QUALITY_NOUN_EN.test(text.slice(start, end))) return false;
  const words = text.slice(Math.max(0, start - 60), start).split(/\s+/).filter(Boolean).slice(-5);
  for (let i = words.length - 1, other = 0; i >= 0; i--) {
    const w = words[i]!;
    if (EVALUATION_WORD_EN.test(w)) return true;
    if (BETWEEN_EN.test(w)) continue;
    if (/[.;:!?]$/.test(w) || ++other > 1) return false;
  }
  return false;
}

/**
 * The text itself is what the term improves or judges: an invitation to send feedback on the page
 * ("Improve this page", "make these docs better", "Help us improve: rate this article",
 * 帮助我们改进本文档). Page furniture around the text, not an outcome offered or demanded. The
 * document is named with "this" or "these" (本, 此, 该 …) right after the term, or made better
 * ("make this guide better"); "help us improve" counts only as a request opening the unit, where
 * nobody is said to do it ("Vendors will help us improve response times" stays a claim).
 */
const THIS_TEXT_EN = String.raw`(?:this|these)\s+(?:page|pages|article|articles|doc|docs|document|documentation|guide|guides|section|site|website|readme|tutorial|tutorials|content|wiki|faq|translation|post|blog\s+post)\b`;
const THIS_TEXT_AFTER_EN = new RegExp(String.raw`^\s+(?:on\s+|of\s+)?${THIS_TEXT_EN}`, 'i');
const THIS_TEXT_BEFORE_EN = new RegExp(String.raw`\bmak(?:e|es|ing)\s+${THIS_TEXT_EN}\s+(?:even\s+|a\s+lot\s+|much\s+)?$`, 'i');
const HELP_US_EN = /^\W*(?:please\s+)?help\s+us\s+(?:to\s+)?$/i;
const THIS_TEXT_AFTER_ZH = /^(?:一下)?(?:本|此|该|这篇|这个|这份|这些)(?:篇|份|个)?(?:文档|页面|网页|文章|教程|手册|指南|说明|内容|翻译)/;
const HELP_US_ZH = /^\W*(?:请|欢迎)?(?:帮助|帮)我们$/;
function aboutThisText(locale: Locale, text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 60);
  if (locale === 'zh') return THIS_TEXT_AFTER_ZH.test(after) || HELP_US_ZH.test(before);
  return warm(THIS_TEXT_AFTER_EN, after).test(after) || warm(THIS_TEXT_BEFORE_EN, before).test(before) || HELP_US_EN.test(before);
}

/** A sentence repeating a trigger thousands of times gets this many findings per rule, no more. */
export const MAX_MATCHES_PER_UNIT = 20;

/** The rule's vocabulary matches in a unit, minus allowed terms, names, quoted titles and matches outside their entry's context (`unless…`, `onlyBefore`). */
export function termMatches(ctx: UnitRuleContext, rule: RuleId, info: UnitInfo): TermMatch[] {
  // A qualification asked of people grades a credential, not an outcome (the adjudicators' reading).
  if (!ctx.vocab.byRule.has(rule) || info.qualification) return [];
  const text = info.unit.text;
  // A copy: head matches are replaced below.
  const matches = [...(matchesIn(ctx, info).get(rule) ?? [])];
  for (let i = 0; i < matches.length; i++) {
    const head = ctx.vocab.heads.get(matches[i]!.entry);
    if (head) matches[i] = headMatch(matches[i]!, head, text)!;
  }
  return matches.filter((m) => {
    if (!m) return false;
    if (ctx.allowed.has(m.text.toLowerCase()) || ctx.allowed.has(m.entry.term.toLowerCase())) return false;
    if (ctx.locale === 'en' && (inProperName(text, m.start, m.end) || beforeAcronym(text, m.start, m.end) || capitalisedMidSentence(text, m.start, m.end) || inQuotedTitle(text, m.start, m.end))) return false;
    if (NEGATABLE.has(rule) && negatedTerm(ctx.locale, text, m.start)) return false;
    if (disclaimed(ctx.locale, text, m.start, m.end)) return false;
    if (NEGATABLE.has(rule) && ctx.locale === 'en' && (describesThreat(text, m.start, m.end) || evaluatedQuality(text, m.start, m.end))) return false;
    if (NEGATABLE.has(rule) && ctx.locale === 'zh' && inPurposeClause(text, m.start)) return false;
    if (NEGATABLE.has(rule) && aboutThisText(ctx.locale, text, m.start, m.end)) return false;
    const unless = ctx.vocab.unless.get(m.entry);
    if (unless) {
      const before = text.slice(Math.max(0, m.start - 40), m.start);
      const after = text.slice(m.end, m.end + 40);
      // Warmed: a context pattern is a long case-insensitive Unicode alternation, whose bytecode (what V8
      // makes for a first run on a short text) costs several times its machine code.
      if ((unless.before && warm(unless.before, before).test(before)) || (unless.after && warm(unless.after, after).test(after))) return false;
      if (unless.onlyBefore && !warm(unless.onlyBefore, before).test(before)) return false;
    }
    return true;
  });
}

/** Source range of a match, or null when the mapping does not reproduce the term. */
export function sourceRange(ctx: UnitRuleContext, info: UnitInfo, m: { start: number; end: number; text: string }): [number, number] {
  const s = ctx.sourceOffset(info, m.start, 'start');
  const e = ctx.sourceOffset(info, m.end, 'end');
  return [s, Math.max(s, e)];
}

/** Whether the source text of the range is exactly the term (so a replacement fix is safe). */
export function exact(ctx: UnitRuleContext, range: [number, number], text: string): boolean {
  return ctx.source.slice(range[0], range[1]) === text;
}

export function replaceFix(kind: Fix['kind'], title: string, range: [number, number], text: string, snippet: boolean, preferred = false): Fix {
  return { kind, title, edits: [{ start: range[0], end: range[1], text, ...(snippet ? { snippet: true } : {}) }], ...(preferred ? { preferred: true } : {}) };
}

/**
 * "Rewrite as a measurable outcome": rewrites the claim from its trigger to the end of its clause,
 * appending the template that follows the claim (the metric of the clause that best answers it, else
 * its topic; tab stops: metric, target, baseline, time window, method). With
 * `drop`, the trigger itself (an intensifier) is removed. Choosing the template ranks the clause
 * library against the claim (the unit's text, which the finding carries), so the fix is made
 * `pending` (see `resolveFindings`): most candidates are dropped by the unit scorer, and a lint
 * that defers details never chooses one unless a quick fix asks.
 */
export function rewriteFix(ctx: UnitRuleContext, info: UnitInfo, m: { start: number; end: number }, drop = false): Fix | undefined {
  const text = info.unit.text;
  const zh = ctx.locale === 'zh';
  const rest = text.slice(m.end, m.end + 400).search(zh ? /[，。；！？,;:!?]/ : /[,;:!?]|\.(?:\s|$)/);
  const clauseEnd = (rest < 0 ? text.length : m.end + rest) - (/\s+$/.exec(text.slice(m.end, rest < 0 ? undefined : m.end + rest))?.[0].length ?? 0);
  const span = text.slice(m.start, clauseEnd);
  const range = sourceRange(ctx, info, { start: m.start, end: clauseEnd, text: span });
  if (!exact(ctx, range, span)) return undefined;
  const keep = drop ? span.slice(m.end - m.start).replace(/^(?:\s+|[地的])/, '') : span;
  if (!keep) return undefined;
  // In Chinese the template goes in brackets: a comma would start a new clause and unbind it.
  const [open, close] = zh ? ['（', '）'] : [' ', ''];
  const fix = replaceFix('rewrite-measurable', ctx.messages.fix.rewrite, range, '', true, true);
  fix.pending = { before: `${escapeSnippetText(keep)}${open}`, after: close };
  return fix;
}
