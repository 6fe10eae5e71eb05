/**
 * The Word command in the Node extension host (desktop VS Code, code-server and other remote
 * hosts). The web bundle is built with ./register.web.ts in its place, so neither the command nor
 * the converter is part of it.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids.js';
import { openWordDocument } from '../commands/openWord.js';
import { workerConverter } from './convertInWorker.js';

export function registerWordCommands(extensionUri: vscode.Uri): vscode.Disposable[] {
  const convert = workerConverter(vscode.Uri.joinPath(extensionUri, 'dist', 'docx-worker.cjs').fsPath);
  return [vscode.commands.registerCommand(COMMANDS.openWordDocument, (uri?: vscode.Uri) => openWordDocument(convert, uri))];
}
