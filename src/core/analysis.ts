/**
 * What kind of sentence a unit is: a claim, a duty, an instruction to offerors, a question, a
 * definition, a title. Rules read these instead of guessing from single words.
 */
import { measure, partsPresent, type Measurement } from './measure/index.js';
import type { ProseUnit } from './parse/units.js';
import type { Locale, OutcomePart } from './types.js';

export interface UnitInfo {
  unit: ProseUnit;
  locale: Locale;
  /** The unit asks a question. */
  question: boolean;
  /** The unit instructs offerors to describe or explain something (RFP instructions, evaluation factors). */
  instruction: boolean;
  /** The unit defines a term. */
  definition: boolean;
  /** The unit looks like a title or label (short, no verb, Title Case). */
  title: boolean;
  measurements: Measurement[];
  parts: Set<OutcomePart>;
}

const INSTRUCTION_EN =
  /\b(?:describe|explain|discuss|demonstrate|detail|outline|indicate|identify|address|elaborate|summari[sz]e|propose|submit|provide (?:a |an |the )?(?:description|narrative|explanation|overview|summary|discussion|examples?|approach|plan)|(?:offerors?|quoters?|vendors?|respondents?|bidders?|proposers?|contractors?)(?:['’]s?)? (?:shall|should|must|will|may|are (?:asked|required|encouraged)|is (?:asked|required|encouraged)) (?:describe|explain|discuss|provide|submit|demonstrate|identify|propose|include|address|detail)|(?:will|shall) be evaluated|evaluat(?:e|es|ed|ion) (?:of |on |based on |the )?(?:the )?(?:extent|degree|offeror|quoter|vendor|proposal|quotation|approach)|the extent to which|how (?:the |your |their )?(?:offeror|quoter|vendor|contractor|team|approach|solution|proposal)\b)/i;

const INSTRUCTION_ZH = /(?:请(?:描述|说明|阐述|提供)|投标人(?:应|须)(?:描述|说明|提供|提交)|描述.{0,10}如何|评分|评审)/;

const DEFINITION_EN = /^(?:["“'‘][^"”'’]{1,60}["”'’]|\*\*[^*]{1,60}\*\*|[A-Z][\w -]{0,40})\s*(?:\([^)]{0,40}\)\s*)?(?:means|shall mean|refers to|is defined as|has the meaning)\b/;
const DEFINITION_ZH = /^[“"「]?[\u4e00-\u9fff\w]{1,20}[”"」]?\s*(?:是指|指的是|系指)/;

function looksLikeTitle(text: string, locale: Locale): boolean {
  if (locale === 'zh') return text.length <= 12 && !/[，。；：]/.test(text);
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length > 10 || /[.!?;:]$/.test(text)) return false;
  const content = words.filter((w) => /^[A-Za-z]/.test(w) && !/^(?:a|an|the|of|and|or|for|to|in|on|with|by|at|as|vs\.?)$/i.test(w));
  if (content.length === 0) return false;
  const capitalised = content.filter((w) => /^[A-Z]/.test(w)).length;
  return capitalised === content.length && words.length >= 2;
}

export function analyseUnit(unit: ProseUnit, locale: Locale): UnitInfo {
  const text = unit.text;
  const measurements = measure(text, locale);
  const zh = locale === 'zh';
  return {
    unit,
    locale,
    question: zh ? /[？?]\s*$/.test(text) : /\?["”')]*\s*$/.test(text),
    instruction: zh ? INSTRUCTION_ZH.test(text) : INSTRUCTION_EN.test(text),
    definition: zh ? DEFINITION_ZH.test(text) : DEFINITION_EN.test(text),
    title: looksLikeTitle(text, locale),
    measurements,
    parts: partsPresent(measurements),
  };
}

/** Whether the unit binds its claims to a measurable criterion (target, window, threshold or reference). */
export function hasCriterion(info: UnitInfo): boolean {
  return info.measurements.some((m) => m.id !== 'metric' && m.id !== 'baseline' && m.id !== 'period' && m.id !== 'method');
}
