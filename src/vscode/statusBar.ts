/** The status bar count of unverifiable claims in the active document; click for the report. */
import * as vscode from 'vscode';
import { COMMANDS } from './commands/ids.js';
import { isLintable, type DocumentLinter, type LintResult } from './linter.js';
import type { SettingsStore } from './settingsStore.js';

const SKIPPED: Record<NonNullable<LintResult['skipped']>, { label: string; tooltip: string }> = {
  'too-large': { label: 'file too large', tooltip: 'file too large; see povlint.maxFileSizeKB' },
  ignored: { label: 'file ignored', tooltip: 'file ignored by .povlint.jsonc' },
  failed: { label: 'lint failed', tooltip: 'could not lint this file; see the "POV Lint" output' },
  unreadable: { label: 'file not text', tooltip: 'binary or not UTF-8 text; see the "POV Lint" output' },
};

export class ClaimsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('povlint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly linter: DocumentLinter,
    private readonly settings: SettingsStore,
  ) {
    this.item.name = 'POV Lint';
    this.item.command = COMMANDS.showReport;
    this.listeners = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      // Only a result for the active document changes the count (Lint Workspace lints thousands).
      linter.onDidLint((result) => {
        if (result.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
      settings.onDidChange(() => this.update()),
    ];
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isLintable(document) || !this.settings.current['statusBar.enabled'] || this.settings.current.run === 'off') {
      this.item.hide();
      return;
    }
    const result = this.linter.resultFor(document.uri);
    if (!result) {
      this.item.text = '$(sync~spin) POV';
      this.item.tooltip = 'POV Lint: linting…';
      this.item.accessibilityInformation = { label: 'POV Lint: linting' };
    } else if (result.skipped) {
      this.item.text = '$(circle-slash) POV';
      const why = SKIPPED[result.skipped];
      this.item.tooltip = `POV Lint: ${why.tooltip}`;
      this.item.accessibilityInformation = { label: `POV Lint: ${why.label}` };
    } else {
      const n = result.shown;
      const claims = `${n} unverifiable claim${n === 1 ? '' : 's'}`;
      this.item.text = n ? `$(checklist) ${n} claim${n === 1 ? '' : 's'}` : '$(pass) POV';
      const recorded = result.baselined ? `, and ${result.baselined} more recorded in the baseline` : '';
      this.item.tooltip = `POV Lint: ${claims}${recorded}. Click for the report.`;
      this.item.accessibilityInformation = { label: `POV Lint: ${claims}` };
    }
    this.item.show();
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
    this.item.dispose();
  }
}
