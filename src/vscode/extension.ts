/**
 * povlint in VS Code: a thin adapter over the core. Everything that can be decided without an
 * editor lives in ./model (pure, unit-tested); the core runs in a lint worker (./worker), so the
 * extension host's thread is never busy linting; this file only wires the pieces together.
 */
import * as vscode from 'vscode';
import { allowTerm, openConfig } from './commands/config.js';
import { applyFix, showRuleDocs } from './commands/fixes.js';
import { COMMANDS, type AllowTermArgs, type ApplyFixArgs, type RevealArgs, type RuleDocsArgs } from './commands/ids.js';
import { insertClause } from './commands/clauses.js';
import { lintWorkspace } from './commands/lintWorkspace.js';
import { ReportView } from './commands/report.js';
import { copyScorecard, exportScorecardCsv, revealInDocument, showScorecard } from './commands/scorecard.js';
import { ScorecardLensProvider, ScorecardView } from './scorecardView.js';
import { BaselineStore } from './baselineStore.js';
import { ConfigStore } from './configStore.js';
import { DocumentLinter } from './linter.js';
import { createLintWorker } from './lintWorker.js';
import { PovCodeActionProvider } from './providers/codeActions.js';
import { PovCompletionProvider } from './providers/completion.js';
import { PovHoverProvider } from './providers/hover.js';
import { SettingsStore } from './settingsStore.js';
import { ClaimsStatusBar } from './statusBar.js';
import { traceHostLag } from './hostLagTrace.js';
import { registerWordCommands } from './docx/register.js';
import type { HostLagMonitor } from './model/hostLag.js';
import { warmClausePreviews } from './model/clausePick.js';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** What tests (and other extensions) get back from activation. */
export interface PovlintApi {
  linter: DocumentLinter;
  configs: ConfigStore;
  settings: SettingsStore;
  report: ReportView;
  scorecard: ScorecardView;
  activationMs: number;
  /** Present when `POVLINT_TRACE_HOST_LAG=1`: how long the extension host was blocked. */
  hostLag?: HostLagMonitor;
}

export function activate(context: vscode.ExtensionContext): PovlintApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('POV Lint', { log: true });
  const hostLag = traceHostLag(output);
  const settings = new SettingsStore(output);
  const configs = new ConfigStore(output);
  const baselines = new BaselineStore(output);
  const worker = createLintWorker(context.extensionUri, output);
  const linter = new DocumentLinter(settings, configs, worker, output, baselines);
  const report = new ReportView(linter);
  const scorecard = new ScorecardView(linter);
  const lenses = new ScorecardLensProvider(linter);
  const statusBar = new ClaimsStatusBar(linter, settings);

  context.subscriptions.push(
    output,
    ...(hostLag ? [hostLag] : []),
    settings,
    configs,
    configs.watch(),
    baselines,
    worker,
    linter,
    linter.watchDocuments(),
    report,
    scorecard,
    statusBar,
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new PovCodeActionProvider(linter, configs, settings), PovCodeActionProvider.metadata),
    vscode.languages.registerHoverProvider(MARKDOWN, new PovHoverProvider(linter, settings)),
    lenses,
    vscode.languages.registerCodeLensProvider(MARKDOWN, lenses),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new PovCompletionProvider(configs, settings), ...PovCompletionProvider.triggerCharacters),
    vscode.commands.registerCommand(COMMANDS.lintWorkspace, () => lintWorkspace(linter, settings)),
    vscode.commands.registerCommand(COMMANDS.showReport, (uri?: vscode.Uri) => report.show(uri)),
    vscode.commands.registerCommand(COMMANDS.insertClause, (clauseId?: string) => insertClause(configs, settings, clauseId)),
    vscode.commands.registerCommand(COMMANDS.openConfig, () => openConfig(configs)),
    vscode.commands.registerCommand(COMMANDS.showScorecard, () => showScorecard(scorecard)),
    vscode.commands.registerCommand(COMMANDS.copyScorecard, () => copyScorecard(linter)),
    vscode.commands.registerCommand(COMMANDS.exportScorecardCsv, (target?: vscode.Uri) => exportScorecardCsv(linter, target)),
    vscode.commands.registerCommand(COMMANDS.revealInDocument, (args: RevealArgs) => revealInDocument(args)),
    vscode.commands.registerCommand(COMMANDS.applyFix, (args: ApplyFixArgs) => applyFix(args)),
    vscode.commands.registerCommand(COMMANDS.allowTerm, (args: AllowTermArgs) => allowTerm(configs, args)),
    vscode.commands.registerCommand(COMMANDS.showRuleDocs, (args: RuleDocsArgs) => showRuleDocs(context.extensionUri, args)),
    ...registerWordCommands(context.extensionUri),
  );

  // Only what is visible is linted now; other documents are linted when opened or shown.
  linter.lintVisible();
  context.subscriptions.push(vscode.window.onDidChangeVisibleTextEditors((editors) => linter.lintVisible(editors)));

  // The clause picker's previews are made in short turns once the first lint has had its start.
  let stopWarming = (): void => {};
  const warmTimer = setTimeout(() => {
    stopWarming = warmClausePreviews(configs.builtins, (run) => setTimeout(run, 0));
  }, 2000);
  context.subscriptions.push({ dispose: () => (clearTimeout(warmTimer), stopWarming()) });

  const activationMs = performance.now() - started;
  output.info(`[activate] povlint ${context.extension.packageJSON.version as string} activated in ${activationMs.toFixed(1)} ms at ${Date.now()} (${vscode.workspace.isTrusted ? 'trusted' : 'Restricted Mode: regular-expression terms from the config are ignored'})`);
  return { linter, configs, settings, report, scorecard, activationMs, hostLag };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
