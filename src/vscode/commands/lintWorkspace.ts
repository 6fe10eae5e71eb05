/**
 * "POV Lint: Lint Workspace": every Markdown file into the Problems panel, with a cancellable
 * progress notification. Files are read through `vscode.workspace.fs`, a few at a time, and linted
 * in the lint worker; the host only publishes results, in batches, and gets a turn between them.
 * At most READERS texts are held at once, so memory stays bounded on large workspaces.
 */
import * as vscode from 'vscode';
import type { DocumentLinter, FileTiming, Linted } from '../linter.js';
import { chunksByWeight, yieldToHost } from '../model/scheduler.js';
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
/** Files read at the same time. */
const READERS = 8;
/** The most diagnostics (a file counting as one more) handed to the editor in one call. */
const PUBLISH_DIAGNOSTICS = 250;

export function lintWorkspace(linter: DocumentLinter, settings: SettingsStore): Thenable<WorkspaceLintSummary> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'POV Lint: linting workspace', cancellable: true },
    async (progress, token) => {
      const started = performance.now();
      const s = settings.current;
      const uris = await vscode.workspace.findFiles(s['lintWorkspace.include'], s['lintWorkspace.exclude'], undefined, token);
      const summary: WorkspaceLintSummary = { files: uris.length, linted: 0, claims: 0, skipped: 0, cancelled: false, ms: 0 };
      // Results go to the editor in batches, once per time slice: one message per file would keep
      // the renderer (and an open Problems panel) busy long after linting is done.
      let batch: Linted[] = [];
      let slice = performance.now();
      const timing: FileTiming = { configMs: 0, readMs: 0, lintMs: 0, publishMs: 0 };
      // Handing diagnostics to the editor is serialised inside the call that hands them over, on the
      // host's thread: a batch goes in runs of at most PUBLISH_DIAGNOSTICS, with a turn between runs.
      const flush = async (): Promise<void> => {
        const runs = chunksByWeight(batch, (l) => l.diagnostics.length + 1, PUBLISH_DIAGNOSTICS);
        batch = [];
        for (const [k, run] of runs.entries()) {
          if (k > 0) await yieldToHost();
          const t = performance.now();
          linter.publishMany(run);
          timing.publishMs += performance.now() - t;
        }
      };
      let reported = 0;
      let next = 0;
      const lintOne = async (uri: vscode.Uri): Promise<void> => {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        try {
          if (open) {
            const result = await linter.lintDocument(open);
            summary.claims += result?.shown ?? 0;
          } else {
            const linted = await linter.lintFile(uri, timing);
            if (linted.result.skipped) summary.skipped++;
            summary.claims += linted.result.shown;
            batch.push(linted);
          }
        } catch {
          summary.skipped++; // deleted or unreadable meanwhile
        }
        summary.linted++;
      };
      // A few files in flight: reading through the editor's file system is a round trip (through
      // the browser on code-server and vscode.dev), so waiting for one file at a time wastes most
      // of the time. Only READERS texts are held at once.
      const worker = async (): Promise<void> => {
        while (next < uris.length && !token.isCancellationRequested) {
          await lintOne(uris[next++]!);
          if (performance.now() - slice > SLICE_MS) {
            slice = performance.now();
            const percent = Math.floor((100 * summary.linted) / uris.length);
            progress.report({ increment: percent - reported, message: `${summary.linted} of ${uris.length} files` });
            reported = percent;
            await flush();
            await yieldToHost();
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(READERS, uris.length) }, worker));
      await flush();
      summary.cancelled = token.isCancellationRequested;
      summary.ms = performance.now() - started;
      const ms = (n: number): string => `${Math.round(n)} ms`;
      linter.log(
        `[lint workspace] ${summary.linted} of ${summary.files} files in ${ms(summary.ms)}; summed over files: config ${ms(timing.configMs)}, ` +
          `read ${ms(timing.readMs)}, lint ${ms(timing.lintMs)}, publish ${ms(timing.publishMs)}${summary.cancelled ? ' (cancelled)' : ''}`,
      );
      const what = `${summary.claims} unverifiable claim${summary.claims === 1 ? '' : 's'} in ${summary.linted} file${summary.linted === 1 ? '' : 's'}`;
      void vscode.window.showInformationMessage(
        summary.cancelled ? `POV Lint: cancelled after ${summary.linted} of ${summary.files} files; ${what} so far.` : `POV Lint: ${what}.`,
      );
      return summary;
    },
  );
}
