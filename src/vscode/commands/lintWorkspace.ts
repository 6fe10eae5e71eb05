/**
 * "POV Lint: Lint Workspace": every Markdown file into the Problems panel, with a cancellable
 * progress notification. Files are read one at a time through `vscode.workspace.fs` and the host
 * gets a turn between files, so the editor stays responsive on large workspaces.
 */
import * as vscode from 'vscode';
import type { DocumentLinter } from '../linter.js';
import { yieldToHost } from '../model/scheduler.js';
import type { SettingsStore } from '../settingsStore.js';

export interface WorkspaceLintSummary {
  files: number;
  linted: number;
  claims: number;
  skipped: number;
  cancelled: boolean;
  ms: number;
}

/** How long the loop may hold the extension host before yielding. */
const SLICE_MS = 25;

export function lintWorkspace(linter: DocumentLinter, settings: SettingsStore): Thenable<WorkspaceLintSummary> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'POV Lint: linting workspace', cancellable: true },
    async (progress, token) => {
      const started = performance.now();
      const s = settings.current;
      const uris = await vscode.workspace.findFiles(s['lintWorkspace.include'], s['lintWorkspace.exclude'], undefined, token);
      const summary: WorkspaceLintSummary = { files: uris.length, linted: 0, claims: 0, skipped: 0, cancelled: false, ms: 0 };
      let slice = performance.now();
      for (const uri of uris) {
        if (token.isCancellationRequested) break;
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        try {
          const result = open ? await linter.lintDocument(open) : await linter.lintFile(uri);
          if (result?.skipped) summary.skipped++;
          summary.claims += result?.shown ?? 0;
        } catch {
          summary.skipped++; // deleted or unreadable meanwhile
        }
        summary.linted++;
        progress.report({ increment: 100 / uris.length, message: `${summary.linted} of ${uris.length} files` });
        if (performance.now() - slice > SLICE_MS) {
          await yieldToHost();
          slice = performance.now();
        }
      }
      summary.cancelled = token.isCancellationRequested;
      summary.ms = performance.now() - started;
      const what = `${summary.claims} unverifiable claim${summary.claims === 1 ? '' : 's'} in ${summary.linted} file${summary.linted === 1 ? '' : 's'}`;
      void vscode.window.showInformationMessage(
        summary.cancelled ? `POV Lint: cancelled after ${summary.linted} of ${summary.files} files; ${what} so far.` : `POV Lint: ${what}.`,
      );
      return summary;
    },
  );
}
