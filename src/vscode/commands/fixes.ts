/** Applying quick fixes (refused on a stale document version) and showing rule documentation. */
import * as vscode from 'vscode';
import { toTextEdits } from '../convert.js';
import { decideFix } from '../model/staleFix.js';
import type { ApplyFixArgs, RuleDocsArgs } from './ids.js';

/** Applies a fix as a workspace edit (snippet edits keep their tab stops); false when refused. */
export async function applyFix(args: ApplyFixArgs): Promise<boolean> {
  const uri = vscode.Uri.parse(args.uri);
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri) ?? (await vscode.workspace.openTextDocument(uri));
  const decision = decideFix(args, document.version);
  if (!decision.apply) {
    void vscode.window.showWarningMessage(decision.message);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, toTextEdits(document, decision.edits));
  return vscode.workspace.applyEdit(edit);
}

/** Opens the rule's page shipped with the extension, else its page on the web. */
export async function showRuleDocs(extensionUri: vscode.Uri, args: RuleDocsArgs): Promise<void> {
  const local = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${args.ruleId}.md`);
  try {
    await vscode.workspace.fs.stat(local);
    await vscode.commands.executeCommand('markdown.showPreview', local);
  } catch {
    await vscode.env.openExternal(vscode.Uri.parse(args.url));
  }
}
