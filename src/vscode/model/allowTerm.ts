/**
 * "Allow `<term>` in this workspace": adds the term to `rules.<rule>.allow` in `.povlint.jsonc`
 * with jsonc-parser, so comments and formatting of the file survive.
 */
import { applyEdits, modify, parse, type ParseError } from 'jsonc-parser';
import type { RuleId } from '../../core/host.js';

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/** The text a new config file starts with. */
export const NEW_CONFIG_TEXT = '{\n}\n';

export type AllowTermResult =
  | { ok: true; text: string; changed: boolean }
  | { ok: false; message: string };

/**
 * The config text with `term` allowed for `ruleId`. A rule set to a bare severity becomes
 * `{ "severity": ..., "allow": [term] }`. Refuses (never guesses) when the file does not parse.
 */
export function addAllowedTerm(configText: string | undefined, ruleId: RuleId, term: string): AllowTermResult {
  let text = configText === undefined || configText.trim() === '' ? NEW_CONFIG_TEXT : configText;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const fmt = { formattingOptions: { ...FORMAT.formattingOptions, eol } };
  const errors: ParseError[] = [];
  const root: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || typeof root !== 'object' || root === null || Array.isArray(root)) {
    return { ok: false, message: 'the config file is not a valid JSONC object; fix it first' };
  }
  const rules = (root as { rules?: unknown }).rules;
  const current = typeof rules === 'object' && rules !== null ? (rules as Record<string, unknown>)[ruleId] : undefined;
  const apply = (path: (string | number)[], value: unknown, isArrayInsertion = false): void => {
    text = applyEdits(text, modify(text, path, value, { ...fmt, isArrayInsertion }));
  };
  if (typeof current === 'object' && current !== null && !Array.isArray(current)) {
    const allow = (current as { allow?: unknown }).allow;
    if (Array.isArray(allow)) {
      if (allow.some((a) => typeof a === 'string' && a.toLowerCase() === term.toLowerCase())) return { ok: true, text, changed: false };
      apply(['rules', ruleId, 'allow', allow.length], term, true);
    } else {
      apply(['rules', ruleId, 'allow'], [term]);
    }
  } else if (typeof current === 'string') {
    apply(['rules', ruleId], { severity: current, allow: [term] });
  } else {
    apply(['rules', ruleId], { allow: [term] });
  }
  return { ok: true, text, changed: true };
}
