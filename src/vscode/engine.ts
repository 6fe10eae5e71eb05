/** The adapter's one door into the core linter. */
import { createSession, lint } from '../core/index.js';
import type { LintOptions } from '../core/config/types.js';
import type { Finding } from '../core/types.js';
import { IncrementalLints } from './model/sessions.js';

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

/** Incremental lints of open documents, backed by the core's sessions. */
export function incrementalLints(): IncrementalLints {
  return new IncrementalLints((text, options) => createSession(text, options));
}
