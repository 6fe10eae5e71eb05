/** Rule metadata for output formats (SARIF rule descriptors, help links), from the core registry. */
import { docsUrl, rules } from '../core/index.js';
import type { RuleId, Severity } from '../core/index.js';

export interface RuleInfo {
  id: RuleId;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  docs: string;
}

/** The project's home page: the repository the rule docs live in. */
export const HOMEPAGE = docsUrl('puffery').replace(/\/blob\/.*$/, '');

export function ruleMetas(): RuleInfo[] {
  return rules.map(({ meta }) => ({
    id: meta.id,
    description: meta.description,
    defaultSeverity: meta.defaultSeverity,
    fixable: meta.fixes.length > 0,
    docs: docsUrl(meta.id),
  }));
}
