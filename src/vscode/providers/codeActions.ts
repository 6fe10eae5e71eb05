/**
 * Quick fixes for every povlint diagnostic in the request. Edits are not attached directly: each
 * action runs `povlint.applyFix` with the document version it was computed for, and the command
 * refuses to apply it when the document has moved on.
 */
import * as vscode from 'vscode';
import type { Finding } from '../../core/host.js';
import type { ConfigStore } from '../configStore.js';
import { fromRange } from '../convert.js';
import type { DocumentLinter } from '../linter.js';
import { actionsForFinding, type ActionData } from '../model/actions.js';
import { clausesForDocument } from '../model/clausePick.js';
import { DIAGNOSTIC_SOURCE, sameDiagnostic } from '../model/diagnostics.js';
import { effectiveOptions } from '../model/options.js';
import type { SettingsStore } from '../settingsStore.js';
import { COMMANDS } from '../commands/ids.js';
import { fixArgs } from '../model/staleFix.js';

export class PovCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly linter: DocumentLinter,
    private readonly configs: ConfigStore,
    private readonly settings: SettingsStore,
  ) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (!ours.length) return [];
    const result = await this.linter.current(document);
    if (!result || token.isCancellationRequested) return [];
    const loaded = await this.configs.forDocument(document.uri);
    const text = document.getText();
    // Clause ids repeat across locales: look in the document's locale first.
    const locale = effectiveOptions(loaded.config, this.settings.current, this.configs.trusted).lint.locale ?? 'auto';
    const byId = new Map([...loaded.clauses, ...clausesForDocument(loaded.clauses, locale, text)].map((c) => [c.id, c]));
    const ctx = { text, clause: (id: string) => byId.get(id), clauseSuggestions: this.settings.current['quickFixes.clauseSuggestions'] };
    const matched = ours.map((diagnostic) => result.findings.find((f) => sameDiagnostic({ range: fromRange(diagnostic.range), code: codeOf(diagnostic), source: diagnostic.source }, f)));
    // The fix texts and clause suggestions of these findings only (the lint deferred them).
    const found = [...new Set(matched.filter((f): f is Finding => f !== undefined))];
    const complete = await this.linter.resolve(document, found);
    if (token.isCancellationRequested) return [];
    const resolved = new Map(found.map((f, i) => [f, complete[i]!]));
    const actions = new Map<string, vscode.CodeAction>();
    for (const [k, diagnostic] of ours.entries()) {
      const finding = matched[k] && resolved.get(matched[k]);
      if (!finding) continue;
      for (const data of actionsForFinding(finding, ctx)) {
        // The same action for two diagnostics (e.g. "Ignore in this file") is offered once, fixing both.
        const key = `${data.title}\u0000${JSON.stringify(data)}`;
        const existing = actions.get(key);
        if (existing) existing.diagnostics?.push(diagnostic);
        else actions.set(key, this.toCodeAction(data, finding, diagnostic, document, result));
      }
    }
    return [...actions.values()];
  }

  private toCodeAction(data: ActionData, finding: Finding, diagnostic: vscode.Diagnostic, document: vscode.TextDocument, result: { version: number }): vscode.CodeAction {
    const action = new vscode.CodeAction(data.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    switch (data.type) {
      case 'edit': {
        // The version the findings were computed for: a result older than the document refuses its fixes.
        const args = fixArgs(document.uri.toString(), result, data);
        action.command = { title: data.title, command: COMMANDS.applyFix, arguments: [args] };
        action.isPreferred = data.preferred;
        break;
      }
      case 'allowTerm':
        action.command = { title: data.title, command: COMMANDS.allowTerm, arguments: [{ uri: document.uri.toString(), ruleId: data.ruleId, term: data.term }] };
        break;
      case 'docs':
        action.command = { title: data.title, command: COMMANDS.showRuleDocs, arguments: [{ ruleId: finding.ruleId, url: data.url }] };
        break;
    }
    return action;
  }
}

function codeOf(d: vscode.Diagnostic): { value: string } | string | number | undefined {
  const c = d.code;
  if (typeof c === 'object' && c !== null) return { value: String(c.value) };
  return c;
}
