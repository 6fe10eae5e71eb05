/**
 * The baseline in the editor, as pure decisions: which file applies to a document, how the
 * document's path is spelled in it, and which findings it covers. The file is read through
 * `vscode.workspace.fs` by the adapter (../baselineStore.ts); the keys come from the lint worker.
 */
import { BaselineMatcher, baselineDocumentPath, baselineFileOf, type Baseline, type FindingKey, type PovlintConfig } from '../../core/host.js';

/** How findings recorded in the baseline are shown (`povlint.baselineFindings`). */
export const BASELINE_DISPLAYS = ['hint', 'hidden'] as const;
export type BaselineDisplay = (typeof BASELINE_DISPLAYS)[number];

/** The baseline file (absolute, `/`-separated) named by a document's config, or undefined. */
export function baselineFileFor(config: PovlintConfig | undefined, configDir: string | undefined): string | undefined {
  return configDir === undefined ? undefined : baselineFileOf(config?.baseline, configDir);
}

/**
 * For each finding of a document (by its key, in document order), whether the baseline covers it.
 * Counts apply per document, as in the CLI: of three identical claims with a count of two, the
 * first two are covered.
 */
export function coveredByBaseline(baseline: Baseline | undefined, baselineFile: string, documentPath: string, keys: readonly FindingKey[] | undefined): boolean[] | undefined {
  if (!baseline || !keys) return undefined;
  return new BaselineMatcher(baseline).match(baselineDocumentPath(baselineFile, documentPath), keys);
}
