/** The adapter's one door into the core linter. */
import { lint } from '../core/index.js';
import type { LintOptions } from '../core/config/types.js';
import type { Finding } from '../core/types.js';

export interface TimedLint {
  findings: Finding[];
  ms: number;
}

/** Lints text and measures how long the extension host was busy with it. */
export function lintTimed(text: string, options: LintOptions): TimedLint {
  const started = performance.now();
  const findings = lint(text, options);
  return { findings, ms: performance.now() - started };
}
