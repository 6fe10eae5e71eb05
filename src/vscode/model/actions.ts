/**
 * The quick fixes of one finding, as data: titles, edits (offsets into the document text, snippet
 * syntax where tab stops help) and the commands for actions that are not text edits. The adapter
 * turns them into `vscode.CodeAction`s; nothing here needs an editor.
 */
import type { Clause } from '../../core/host.js';
import type { Finding, RuleId, TextEdit } from '../../core/host.js';
import { ignoreFileEdit, ignoreNextLineEdit } from './directives.js';
import { eolOf, paragraphEndAt } from './geometry.js';

export type ActionData =
  | { type: 'edit'; title: string; preferred: boolean; edits: TextEdit[] }
  | { type: 'allowTerm'; title: string; ruleId: RuleId; term: string }
  | { type: 'docs'; title: string; ruleId: RuleId; url: string };

export interface ActionContext {
  /** The document text the finding's offsets refer to. */
  text: string;
  /** Looks up a clause by id (built-in or custom). */
  clause: (id: string) => Clause | undefined;
  /** How many "Insert POV clause" actions to offer. */
  clauseSuggestions: number;
}

/** The edit that inserts a clause as its own paragraph after the paragraph holding `offset`. */
export function insertClauseAfterParagraph(text: string, offset: number, clause: Clause): TextEdit {
  const at = paragraphEndAt(text, offset);
  const eol = eolOf(text);
  const body = clause.body.replace(/\r?\n/g, eol).replace(/\s+$/, '');
  return { start: at, end: at, text: `${eol}${eol}${body}`, snippet: true };
}

/** Every action for one finding, the preferred fix first. */
export function actionsForFinding(finding: Finding, ctx: ActionContext): ActionData[] {
  const out: ActionData[] = [];
  const fixes = [...finding.fixes].sort((a, b) => Number(!!b.preferred) - Number(!!a.preferred));
  let preferredGiven = false;
  for (const fix of fixes) {
    // A fix whose text is still pending (its lint deferred it and it was not resolved) is not offered.
    if (fix.edits.length === 0 || fix.pending) continue;
    const preferred: boolean = !!fix.preferred && !preferredGiven;
    preferredGiven ||= preferred;
    // The core titles its fixes in the document's language (src/core/messages.ts).
    out.push({ type: 'edit', title: fix.title, preferred, edits: fix.edits });
  }
  const offered = new Set(fixes.filter((f) => f.kind === 'insert-clause').map((f) => f.title));
  let clauses = 0;
  for (const id of finding.clauses) {
    if (clauses >= ctx.clauseSuggestions) break;
    const clause = ctx.clause(id);
    if (!clause) continue;
    const title = `Insert POV clause: ${clause.title}`;
    if (offered.has(title)) continue;
    clauses++;
    out.push({ type: 'edit', title, preferred: false, edits: [insertClauseAfterParagraph(ctx.text, finding.end.offset, clause)] });
  }
  out.push({
    type: 'edit',
    title: `Ignore \`${finding.ruleId}\` on this line`,
    preferred: false,
    edits: [ignoreNextLineEdit(ctx.text, finding.start.offset, finding.ruleId)],
  });
  out.push({
    type: 'edit',
    title: `Ignore \`${finding.ruleId}\` in this file`,
    preferred: false,
    edits: [ignoreFileEdit(ctx.text, finding.ruleId)],
  });
  if (finding.term) {
    out.push({ type: 'allowTerm', title: `Allow \`${finding.term}\` in this workspace`, ruleId: finding.ruleId, term: finding.term });
  }
  out.push({ type: 'docs', title: `Show documentation for \`${finding.ruleId}\``, ruleId: finding.ruleId, url: finding.docs });
  return out;
}
