/**
 * The POV Scorecard view (Explorer) for the active Markdown document, and the CodeLens above each
 * criteria table. The scorecard is computed in the lint worker; this file draws the rows of
 * ./model/scorecard.ts and refreshes them when the active document is linted again.
 */
import * as vscode from 'vscode';
import type { Scorecard } from '../core/host.js';
import { COMMANDS, type RevealArgs } from './commands/ids.js';
import { isLintable, type DocumentLinter } from './linter.js';
import { scorecardRows, tableLenses, tableStartLine, type ScorecardRow } from './model/scorecard.js';

export const SCORECARD_VIEW = 'povlint.scorecard';

export class ScorecardView implements vscode.TreeDataProvider<ScorecardRow>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ScorecardRow | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<ScorecardRow>;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The document the rows are for, and its scorecard. */
  private shown: { uri: vscode.Uri; version: number; scorecard: Scorecard } | undefined;
  private rows: ScorecardRow[] = [];
  private refreshing: Promise<void> | undefined;
  private again = false;

  constructor(private readonly linter: DocumentLinter) {
    this.view = vscode.window.createTreeView(SCORECARD_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.view,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      this.view.onDidChangeVisibility((e) => e.visible && this.refresh()),
      linter.onDidLint((result) => {
        if (result.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.refresh();
      }),
    );
  }

  /** The scorecard shown now (for commands and tests). */
  get current(): { uri: vscode.Uri; version: number; scorecard: Scorecard } | undefined {
    return this.shown;
  }

  /** Recomputes the rows for the active document when the view is visible; one run at a time. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = this.update().finally(() => {
      this.refreshing = undefined;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.refreshing;
  }

  private async update(): Promise<void> {
    if (!this.view.visible) return;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isLintable(document)) {
      // Another kind of editor keeps the last Markdown document's scorecard, as the Outline does.
      if (!this.shown) this.setMessage('Open a Markdown document to see its proof-of-value scorecard.');
      return;
    }
    const card = await this.linter.scorecard(document);
    if (!card) return;
    this.shown = { uri: document.uri, ...card };
    this.rows = scorecardRows(card.scorecard);
    this.view.description = vscode.workspace.asRelativePath(document.uri);
    this.view.message = undefined;
    this.changed.fire(undefined);
  }

  private setMessage(message: string): void {
    this.rows = [];
    this.view.message = message;
    this.changed.fire(undefined);
  }

  getChildren(row?: ScorecardRow): ScorecardRow[] {
    return row ? (row.children ?? []) : this.rows;
  }

  getTreeItem(row: ScorecardRow): vscode.TreeItem {
    const collapsible = !row.children?.length
      ? vscode.TreeItemCollapsibleState.None
      : row.kind === 'criterion'
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(row.label, collapsible);
    item.id = `${this.shown?.uri.toString() ?? ''}#${row.id}`;
    if (row.description !== undefined) item.description = row.description;
    if (row.tooltip !== undefined) item.tooltip = row.tooltip;
    if (row.icon) item.iconPath = new vscode.ThemeIcon(row.icon);
    item.contextValue = row.kind;
    if (row.offset !== undefined && this.shown) {
      const args: RevealArgs = { uri: this.shown.uri.toString(), offset: row.offset };
      item.command = { command: COMMANDS.revealInDocument, title: 'Go to', arguments: [args] };
    }
    return item;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}

/** "4 of 5 criteria complete · missing: remedy (False-positive rate)" above each criteria table. */
export class ScorecardLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor(private readonly linter: DocumentLinter) {
    // Lenses change only for a document on screen (Lint Workspace lints thousands that are not).
    this.listener = linter.onDidLint((result) => {
      const uri = result.uri.toString();
      if (vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri)) this.changed.fire();
    });
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!isLintable(document)) return [];
    const card = await this.linter.scorecard(document);
    if (!card || token.isCancellationRequested || card.version !== document.version) return [];
    const lineText = (l: number): string => (l >= 0 && l < document.lineCount ? document.lineAt(l).text : '');
    return tableLenses(card.scorecard, (c) => tableStartLine(lineText, c.line - 1)).map(
      (lens) =>
        new vscode.CodeLens(new vscode.Range(lens.line, 0, lens.line, 0), {
          title: lens.text,
          tooltip: 'Show the POV Scorecard',
          command: COMMANDS.showScorecard,
        }),
    );
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
