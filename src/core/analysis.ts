/**
 * What kind of sentence a unit is: a claim, a duty, an instruction to offerors, a question, a
 * definition, a title. Rules read these instead of guessing from single words.
 */
import { measure, partsPresent, type Measurement } from './measure/index.js';
import type { ProseUnit } from './parse/units.js';
import type { Locale, OutcomePart } from './types.js';
import { warm } from './regex-warm.js';

export interface UnitInfo {
  unit: ProseUnit;
  locale: Locale;
  /** The unit asks a question. (Fields are computed on first read.) */
  readonly question: boolean;
  /** The unit instructs offerors to describe or explain something (RFP instructions, evaluation factors). */
  readonly instruction: boolean;
  /** The unit defines a term. */
  readonly definition: boolean;
  /** The unit looks like a title or label (short, no verb, Title Case). */
  readonly title: boolean;
  /** The unit names a qualification asked of people ("Experience with …", "Ability to prioritise …"), not an outcome. */
  readonly qualification: boolean;
  readonly measurements: Measurement[];
  readonly parts: Set<OutcomePart>;
}

/** Imperatives that ask for a description, at the start of the sentence. */
const INSTRUCTION_START_EN =
  /^(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:please\s+)?(?:describe|explain|discuss|demonstrate|detail|outline|summari[sz]e|elaborate on|tell us|show how|indicate how|identify how|provide (?:a |an |the |your )?(?:description|narrative|explanation|overview|summary|discussion|examples?|approach|plan|details?))\b/i;
/**
 * Offerors asked to describe, and evaluation language. Asked to demonstrate an amount given only by
 * an intensifier ("demonstrate substantial experience"), they meet a requirement, not an instruction.
 */
const INSTRUCTION_EN =
  /\b(?:offerors?|quoters?|vendors?|respondents?|bidders?|proposers?|applicants?)(?:['’]s?)?\s+(?:\w+\s+){0,2}(?:shall|should|must|will|may|are|is)\s+(?:\w+\s+){0,2}(?:describe|explain|discuss|demonstrate(?!\s+(?:significant|substantial|considerable|extensive|ample|sufficient|adequate)\b)|provide a description|address|detail|outline)\b|\b(?:will|shall) be (?:evaluated|assessed|scored|rated)\b|\bthe (?:extent|degree) to which\b|\bevaluat(?:e|es|ed|ion of) (?:the |how |whether )/i;

/**
 * A qualification asked of people, named at the start of a unit (a list of personnel requirements):
 * experience, knowledge or skill in something, or a person's ability to think, communicate or lead.
 * Its size or quality words describe the credential, not an outcome offered ("Ability to rapidly
 * prioritize competing requirements", "Proven knowledge of industry standards"). An ability of a
 * system ("Ability to block ransomware") is not one.
 */
const QUALIFICATION_EN =
  /^(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:(?:(?:demonstrated|proven|strong|excellent|extensive|deep|solid|good|working)\s+)?(?:experience|knowledge|familiarity|expertise|proficiency|skills?|understanding|background)\s+(?:with|in|of)|(?:(?:demonstrated|proven|strong)\s+)?abilit(?:y|ies)\s+(?:in|to\s+(?:[a-z]+ly\s+)?(?:prioriti[sz]e|understand|communicate|work|lead|manage|collaborate|learn|adapt|analy[sz]e|think|write|present|estimate|negotiate|facilitate|mentor|coach|translate|explain)))\b/i;

/**
 * A unit that opens with an interrogative asks or names a question even without its mark ("How to
 * improve detection", "Why choose us", "如何提升用户体验"): a topic or an ask, not an outcome claimed.
 * Up to a colon only: what follows one ("Why us: the fastest engine") is read as a statement.
 */
const INTERROGATIVE_EN = /^(?:how\s+(?:to|do|does|did|can|could|should|would|we|you|i)|why\s+(?:choose|use|pick|switch|should|would|do|does|is|are|we|you))\b[^:：]*$/i;
const INTERROGATIVE_ZH = /^(?:如何|怎样|怎么|为什么|为何)[^:：]*$/;

const INSTRUCTION_ZH = /(?:请(?:描述|说明|阐述|提供)|投标人(?:应|须)(?:描述|说明|阐述|提交|提供[^，。；]{0,12}?(?:说明|描述|方案|材料|文件|证明|报告|资料|承诺|清单|案例|介绍|计划|简历|复印件|扫描件))|描述.{0,10}如何|评分(?:标准|办法|细则|方法|因素|规则|表|项)|(?:综合|技术|商务|价格|专家)评分|评审)/;

// A pronoun or demonstrative before "means" states a consequence ("This means faster detection"),
// not a defined term. White space bounded like the term before it: with an open run the ReDoS analyser finds the
// pattern quadratic on some runs and not on others.
const DEFINITION_EN = /^(?:["“'‘][^"”'’]{1,60}["”'’]|\*\*[^*]{1,60}\*\*|(?!(?:This|That|It|These|Those|Which|What|Such|All of this)\s)[A-Z][\w -]{0,40})\s{0,40}(?:\([^)]{0,40}\)\s{0,40})?(?:means|shall mean|refers to|is defined as|has the meaning)\b/;
const DEFINITION_ZH = /^[“"「]?[\u4e00-\u9fff\w]{1,20}[”"」]?\s*(?:是指|指的是|系指)/;

function looksLikeTitle(text: string, locale: Locale, container: ProseUnit['container']): boolean {
  // Chinese has no capitals to tell a label from a claim: a short list item or table cell ("操作易用")
  // is as often a claim as a label, so only a table header counts as a title (the scorer weighs length).
  if (locale === 'zh') return container === 'table-header' && text.length <= 12 && !/[，。；：]/.test(text);
  // A sentence's closing punctuation rules it out before its words are split.
  if (/[.!?;:]$/.test(text)) return false;
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length > 10) return false;
  const content = words.filter((w) => /^[A-Za-z]/.test(w) && !/^(?:a|an|the|of|and|or|for|to|in|on|with|by|at|as|vs\.?)$/i.test(w));
  if (content.length === 0) return false;
  const capitalised = content.filter((w) => /^[A-Z]/.test(w)).length;
  return capitalised === content.length && words.length >= 2;
}

/** References that do not bind a metric: overrides ("unless otherwise set forth in") and self-references. */
const WEAK_REFERENCE_BEFORE = /(?:otherwise|unless|except as)\s+$/i;
const SELF_REFERENCE = /\b(?:this|the foregoing|such)\s+(?:section|agreement|schedule|exhibit|sow)\b/i;

/** A table cell holding a numbered label ("8 Choose a hosting model"): a row title, not a sentence. */
function numberedLabel(unit: ProseUnit): boolean {
  if (unit.container !== 'table-cell' && unit.container !== 'table-header') return false;
  const m = /^\d{1,3}(?:\.\d{1,3})*\.?\s+(.*)$/.exec(unit.text);
  return !!m && m[1]!.split(/\s+/).length <= 8 && !/[.!?;:]$/.test(m[1]!.replace(/\.{3}$/, ''));
}

/**
 * A unit's analysis, computed on first read: most units hold no trigger and need none of it. (A
 * class, so that the readers live once on its prototype: an object literal with getters builds
 * six closures and accessor properties for every unit.)
 */
class LazyUnitInfo implements UnitInfo {
  private q: boolean | undefined;
  private i: boolean | undefined;
  private d: boolean | undefined;
  private t: boolean | undefined;
  private k: boolean | undefined;
  private m: Measurement[] | undefined;
  private p: Set<OutcomePart> | undefined;
  constructor(
    readonly unit: ProseUnit,
    readonly locale: Locale,
  ) {}
  get question(): boolean {
    const text = this.unit.text;
    return (this.q ??= this.locale === 'zh' ? /[？?]\s*$/.test(text) || INTERROGATIVE_ZH.test(text) : /\?["”')]*\s*$/.test(text) || warm(INTERROGATIVE_EN, text).test(text));
  }
  get instruction(): boolean {
    const text = this.unit.text;
    return (this.i ??= this.locale === 'zh' ? INSTRUCTION_ZH.test(text) : warm(INSTRUCTION_START_EN, text).test(text) || warm(INSTRUCTION_EN, text).test(text));
  }
  get definition(): boolean {
    const text = this.unit.text;
    return (this.d ??= this.locale === 'zh' ? DEFINITION_ZH.test(text) : warm(DEFINITION_EN, text).test(text));
  }
  get title(): boolean {
    return (this.t ??= looksLikeTitle(this.unit.text, this.locale, this.unit.container) || numberedLabel(this.unit));
  }
  get qualification(): boolean {
    return (this.k ??= this.locale === 'en' && warm(QUALIFICATION_EN, this.unit.text).test(this.unit.text));
  }
  get measurements(): Measurement[] {
    const text = this.unit.text;
    return (this.m ??= measure(text, this.locale).filter(
      (m) => m.id !== 'reference' || !(WEAK_REFERENCE_BEFORE.test(text.slice(Math.max(0, m.start - 20), m.start)) || SELF_REFERENCE.test(m.text)),
    ));
  }
  get parts(): Set<OutcomePart> {
    return (this.p ??= partsPresent(this.measurements));
  }
}

export function analyseUnit(unit: ProseUnit, locale: Locale): UnitInfo {
  return new LazyUnitInfo(unit, locale);
}

/** In a long sentence a criterion binds only the claims near it. */
const NEAR = 200;
const LONG_UNIT = 280;

/** Measurements that bound when, not how much: they do not measure the size an intensifier gives. */
const TIME_ONLY: ReadonlySet<string> = new Set(['within', 'deadline', 'date']);

/**
 * Whether the unit binds its claims to a measurable criterion (target, window, threshold or
 * reference); with `at`, in a long unit only a criterion near that offset counts. With `sizeOnly`,
 * a time window or deadline alone does not count (it says when, not how much).
 */
export function hasCriterion(info: UnitInfo, at?: number, sizeOnly = false): boolean {
  const text = info.unit.text;
  let lo = 0;
  let hi = text.length;
  if (at !== undefined && info.locale === 'zh') {
    // Chinese run-on sentences chain claims with commas: a criterion binds only its own clause.
    const from = Math.max(0, at - NEAR);
    const before = text.slice(from, at);
    lo = from + Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), before.lastIndexOf('；'), before.lastIndexOf('：')) + 1;
    const rest = text.slice(at, at + NEAR).search(/[，,；：]/);
    hi = rest < 0 ? Math.min(text.length, at + NEAR) : at + rest;
    // A label that opens the unit ("高可用性：…") is specified by everything after its colon, up
    // to the end of the sentence.
    if (rest >= 0 && /[：:]/.test(text[hi]!) && !/[，,；。！？]/.test(text.slice(0, at))) {
      const end = text.slice(hi + 1, hi + 1 + NEAR).search(/[。；！？]/);
      hi = end < 0 ? Math.min(text.length, hi + 1 + NEAR) : hi + 1 + end;
    }
  } else if (at !== undefined && text.length > LONG_UNIT) {
    lo = at - NEAR;
    hi = at + NEAR;
  }
  return info.measurements.some((m) => m.id !== 'metric' && m.id !== 'baseline' && m.id !== 'period' && m.id !== 'method' && !(sizeOnly && TIME_ONLY.has(m.id)) && m.end > lo && m.start < hi);
}

/** The unit grants a permission ("may use ... to improve") and states no duty. */
export function permissionOnly(info: UnitInfo): boolean {
  if (info.locale !== 'en') return false;
  const t = info.unit.text;
  return /\bmay\b/i.test(t) && !/\b(?:shall|must|will|should|agrees?|warrants?|is required|are required|is responsible|are responsible)\b/i.test(t);
}
