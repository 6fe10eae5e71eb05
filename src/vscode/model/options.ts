/**
 * What one lint of one document uses: the editor settings, the workspace config file and the
 * workspace trust, merged in the core's merge order. Pure.
 */
import { DEFAULT_MAX_FILE_SIZE_KB, mergeConfigs, toLintOptions } from '../../core/host.js';
import type { LintOptions, PovlintConfig, RuleSetting } from '../../core/host.js';
import type { Clause } from '../../core/host.js';
import type { RuleId } from '../../core/host.js';
import type { Settings } from './settings.js';

export interface EffectiveOptions {
  lint: LintOptions;
  maxFileSizeKB: number;
  /** Ignore globs of the config file, relative to its folder. */
  ignore: string[];
}

/**
 * Later wins: the settings `povlint.locale`, `povlint.docType`, `povlint.maxFileSizeKB` → the
 * config file (the project's decision) → `off` in `povlint.severity` (a personal choice to stop a
 * rule; the other severities there only change how findings are shown). In an untrusted workspace
 * regular expressions from the config are dropped and the core told to ignore any.
 */
export function effectiveOptions(
  config: PovlintConfig | undefined,
  settings: Settings,
  trusted: boolean,
  clauses: readonly Clause[] = [],
): EffectiveOptions {
  const off: Partial<Record<RuleId, RuleSetting>> = {};
  for (const [id, sev] of Object.entries(settings.severity) as [RuleId, string][]) if (sev === 'off') off[id] = 'off';
  const merged = mergeConfigs(
    { locale: settings.locale, docType: settings.docType, maxFileSizeKB: settings.maxFileSizeKB },
    config,
    { rules: off },
  );
  const lint = toLintOptions(merged, { allowPatterns: trusted });
  if (clauses.length) lint.clauses = clauses;
  // The worker posts every finding to the host: fix texts and clause suggestions are made only
  // for the findings a quick fix or a hover asks about (`DocumentLinter.resolve`).
  lint.deferDetails = true;
  return { lint, maxFileSizeKB: merged.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB, ignore: merged.ignore ?? [] };
}
