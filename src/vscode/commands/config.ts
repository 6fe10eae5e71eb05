/** Open Config and "Allow <term> in this workspace". */
import * as vscode from 'vscode';
import type { ConfigStore } from '../configStore.js';
import { addAllowedTerm } from '../model/allowTerm.js';
import type { AllowTermArgs } from './ids.js';

const STARTER = `{
  // povlint configuration: https://github.com/povlint/povlint#configuration
  "locale": "auto",
  "docType": "auto",
  "rules": {
    // "puffery": "warning",
    // "vague-quantifier": { "severity": "info", "allow": ["several"] }
  }
}
`;

const encoder = new TextEncoder();

/** Opens the config of the active document's workspace folder, creating a starter file when there is none. */
export async function openConfig(configs: ConfigStore): Promise<void> {
  const target = await configs.configFileFor(vscode.window.activeTextEditor?.document.uri);
  if (!target) {
    void vscode.window.showInformationMessage('POV Lint: open a folder to create a .povlint.jsonc for it.');
    return;
  }
  if (!target.exists) await vscode.workspace.fs.writeFile(target.file, encoder.encode(STARTER));
  await vscode.window.showTextDocument(target.file);
}

/** Adds a term to `rules.<rule>.allow` in the config (created when missing) and re-lints. */
export async function allowTerm(configs: ConfigStore, args: AllowTermArgs): Promise<boolean> {
  const target = await configs.configFileFor(vscode.Uri.parse(args.uri));
  if (!target) {
    void vscode.window.showInformationMessage('POV Lint: open a folder to allow terms in its .povlint.jsonc.');
    return false;
  }
  if (!target.exists) {
    const created = addAllowedTerm(undefined, args.ruleId, args.term);
    if (!created.ok) return false;
    await vscode.workspace.fs.writeFile(target.file, encoder.encode(created.text));
    configs.invalidate();
    return true;
  }
  // Edit through the document so an open, unsaved config keeps its changes and the edit can be undone.
  const document = await vscode.workspace.openTextDocument(target.file);
  const result = addAllowedTerm(document.getText(), args.ruleId, args.term);
  if (!result.ok) {
    const open = 'Open Config';
    const choice = await vscode.window.showWarningMessage(`POV Lint: cannot allow \`${args.term}\`: ${result.message}.`, open);
    if (choice === open) await vscode.window.showTextDocument(document);
    return false;
  }
  if (!result.changed) return true;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(target.file, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), result.text);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  await document.save();
  configs.invalidate();
  return true;
}
