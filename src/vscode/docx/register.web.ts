/**
 * On the web there is no Word conversion (it needs Node): the command is neither registered nor
 * shown (its `enablement` and menus say `!isWeb`). Replaces ./register.ts in the web bundle.
 */
import type * as vscode from 'vscode';

export function registerWordCommands(_extensionUri: vscode.Uri): vscode.Disposable[] {
  return [];
}
