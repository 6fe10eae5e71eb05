/** The lint worker of this extension host: started on the first lint, restarted when it fails. */
import type * as vscode from 'vscode';
import { LintClient } from './worker/client.js';
import { lintWorkerStarter } from './worker/spawn.js';

export function createLintWorker(extensionUri: vscode.Uri, output: vscode.LogOutputChannel): LintClient {
  const start = lintWorkerStarter(extensionUri);
  return new LintClient({
    spawn: () => {
      output.info(`[worker] starting the lint worker at ${Date.now()}`);
      return start();
    },
    log: (level, line) => output[level](line),
  });
}
