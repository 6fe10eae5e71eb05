/** The scorecard's commands: show the view, go to a row, copy as Markdown, export as CSV. */
import * as vscode from 'vscode';
import { formatScorecard, type Scorecard } from '../../core/host.js';
import type { DocumentLinter } from '../linter.js';
import { isLintable } from '../linter.js';
import { SCORECARD_VIEW, type ScorecardView } from '../scorecardView.js';
import type { RevealArgs } from './ids.js';

/** Focuses the POV Scorecard view (the CodeLenses run this). */
export async function showScorecard(view: ScorecardView): Promise<void> {
  await vscode.commands.executeCommand(`${SCORECARD_VIEW}.focus`);
  await view.refresh();
}

/** Moves the cursor to a row's place in its document and shows it. */
export async function revealInDocument(args: RevealArgs): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
  const at = document.positionAt(args.offset);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The scorecard of the active Markdown document, with its workspace-relative path; undefined (said) when there is none. */
async function activeScorecard(linter: DocumentLinter, what: string): Promise<{ path: string; uri: vscode.Uri; scorecard: Scorecard } | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || !isLintable(document)) {
    void vscode.window.showInformationMessage(`POV Lint: open a Markdown document to ${what} its scorecard.`);
    return undefined;
  }
  const card = await linter.scorecard(document);
  if (!card) {
    void vscode.window.showWarningMessage(`POV Lint: ${vscode.workspace.asRelativePath(document.uri)} has no scorecard (it is not linted: see the Problems panel or povlint.run).`);
    return undefined;
  }
  return { path: vscode.workspace.asRelativePath(document.uri), uri: document.uri, scorecard: card.scorecard };
}

/** Copies the active document's scorecard as a Markdown table; resolves to the text copied. */
export async function copyScorecard(linter: DocumentLinter): Promise<string | undefined> {
  const card = await activeScorecard(linter, 'copy');
  if (!card) return undefined;
  const text = formatScorecard([{ path: card.path, scorecard: card.scorecard }], 'md');
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage(`POV Lint: copied the scorecard of ${card.path} (${card.scorecard.summary.criteria} criteria).`);
  return text;
}

/** Saves the active document's scorecard as CSV where the user chooses; resolves to the file written. */
export async function exportScorecardCsv(linter: DocumentLinter, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const card = await activeScorecard(linter, 'export');
  if (!card) return undefined;
  const file =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: card.uri.with({ path: card.uri.path.replace(/\.[^./]*$/, '') + '.scorecard.csv' }),
      filters: { CSV: ['csv'] },
      title: 'Export the POV Scorecard as CSV',
    }));
  if (!file) return undefined;
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(formatScorecard([{ path: card.path, scorecard: card.scorecard }], 'csv')));
  return file;
}
