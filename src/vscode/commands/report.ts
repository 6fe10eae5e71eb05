/** "POV Lint: Show Report": a webview summarising the active document, kept up to date. */
import * as vscode from 'vscode';
import type { DocumentLinter } from '../linter.js';
import { buildReport, reportHtml, type Report } from '../model/report.js';

export class ReportView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private readonly listener: vscode.Disposable;

  constructor(private readonly linter: DocumentLinter) {
    this.listener = linter.onDidLint((result) => {
      if (this.panel && this.uri?.toString() === result.uri.toString()) void this.render(result.uri);
    });
  }

  /** Shows the report of the active (or given) Markdown document; resolves to the report shown. */
  async show(uri?: vscode.Uri): Promise<Report | undefined> {
    const document = uri
      ? await vscode.workspace.openTextDocument(uri)
      : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('POV Lint: open a Markdown document to see its report.');
      return undefined;
    }
    await this.linter.current(document);
    this.uri = document.uri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('povlint.report', 'POV Lint Report', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.panel.reveal(undefined, true);
    return this.render(document.uri);
  }

  private async render(uri: vscode.Uri): Promise<Report> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const card = document ? await this.linter.scorecard(document) : undefined;
    const result = this.linter.resultFor(uri);
    const report = buildReport(vscode.workspace.asRelativePath(uri), result?.findings ?? [], card?.scorecard.summary);
    if (this.panel) {
      this.panel.title = `POV Lint Report: ${uri.path.split('/').pop() ?? ''}`;
      this.panel.webview.html = reportHtml(report);
    }
    return report;
  }

  dispose(): void {
    this.listener.dispose();
    this.panel?.dispose();
  }
}
