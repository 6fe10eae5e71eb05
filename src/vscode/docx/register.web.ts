/**
 * In the web-worker extension host there is no Word conversion (it needs Node): the command is
 * not registered, and the `povlint.wordUnavailable` context key hides it from the menus (their
 * `when` clauses already leave it out of vscode.dev, where `isWeb` is set and there is no remote).
 * Replaces ./register.ts in the web bundle.
 */
import * as vscode from 'vscode';

export function registerWordCommands(_extensionUri: vscode.Uri): vscode.Disposable[] {
  void vscode.commands.executeCommand('setContext', 'povlint.wordUnavailable', true);
  return [];
}
