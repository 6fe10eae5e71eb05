/** Command ids and the arguments of the internal ones. */
import type { RuleId, TextEdit } from '../../core/types.js';

export const COMMANDS = {
  lintWorkspace: 'povlint.lintWorkspace',
  showReport: 'povlint.showReport',
  insertClause: 'povlint.insertClause',
  openConfig: 'povlint.openConfig',
  // Internal: run by code actions.
  applyFix: 'povlint.applyFix',
  allowTerm: 'povlint.allowTerm',
  showRuleDocs: 'povlint.showRuleDocs',
} as const;

export interface ApplyFixArgs {
  uri: string;
  /** The document version the edits were computed for. */
  version: number;
  edits: TextEdit[];
  title: string;
}

export interface AllowTermArgs {
  uri: string;
  ruleId: RuleId;
  term: string;
}

export interface RuleDocsArgs {
  ruleId: RuleId;
  url: string;
}
