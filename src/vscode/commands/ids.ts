/** Command ids and the arguments of the internal ones. */
import type { RuleId } from '../../core/host.js';

export const COMMANDS = {
  lintWorkspace: 'povlint.lintWorkspace',
  showReport: 'povlint.showReport',
  insertClause: 'povlint.insertClause',
  openConfig: 'povlint.openConfig',
  showScorecard: 'povlint.showScorecard',
  copyScorecard: 'povlint.copyScorecard',
  exportScorecardCsv: 'povlint.exportScorecardCsv',
  openWordDocument: 'povlint.openWordDocument',
  // Internal: run by the scorecard's rows.
  revealInDocument: 'povlint.revealInDocument',
  // Internal: run by code actions.
  applyFix: 'povlint.applyFix',
  allowTerm: 'povlint.allowTerm',
  showRuleDocs: 'povlint.showRuleDocs',
} as const;

export type { ApplyFixArgs } from '../model/staleFix.js';

export interface AllowTermArgs {
  uri: string;
  ruleId: RuleId;
  term: string;
}

export interface RuleDocsArgs {
  ruleId: RuleId;
  url: string;
}

export interface RevealArgs {
  uri: string;
  /** 0-based UTF-16 offset the cursor moves to. */
  offset: number;
}
