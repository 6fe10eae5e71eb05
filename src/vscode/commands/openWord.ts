/**
 * POV Lint: Open Word Document as Markdown. Reads a `.docx` through the editor's file system,
 * converts it (in a worker, see ../docx), and opens the Markdown either as a new file beside the
 * document or as an untitled document, as the user picks; it is then linted like any Markdown.
 * Nothing from the workspace is run, so this works in Restricted Mode.
 */
import * as vscode from 'vscode';

export type WordConversion = { ok: true; markdown: string; comments: number } | { ok: false; reason: string };
export type WordConverter = (bytes: Uint8Array) => Promise<WordConversion>;

interface TargetItem extends vscode.QuickPickItem {
  target: 'beside' | 'untitled';
}

const baseName = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** Runs the command; returns the opened Markdown document, or undefined when nothing was opened. */
export async function openWordDocument(convert: WordConverter, target?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  let source = target;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Word documents': ['docx'] }, openLabel: 'Open as Markdown' });
    source = picked?.[0];
    if (!source) return undefined;
  }
  const name = baseName(source);
  if (!/\.docx$/i.test(name)) {
    void vscode.window.showErrorMessage(`POV Lint: ${name} is not a Word document (.docx).`);
    return undefined;
  }

  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(source);
  } catch (e) {
    void vscode.window.showErrorMessage(`POV Lint: cannot read ${name}: ${(e as Error).message}`);
    return undefined;
  }
  const converted = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `POV Lint: converting ${name}…` },
    () => convert(bytes),
  );
  if (!converted.ok) {
    void vscode.window.showErrorMessage(`POV Lint: cannot convert ${name}: ${converted.reason}.`);
    return undefined;
  }

  const markdownName = name.replace(/\.docx$/i, '.md');
  const beside = source.with({ path: `${source.path.slice(0, source.path.length - name.length)}${markdownName}` });
  const items: TargetItem[] = [
    { label: `Save as ${markdownName} beside it`, description: vscode.workspace.asRelativePath(beside), target: 'beside' },
    { label: 'Open as an untitled document', description: 'save it yourself where you want it', target: 'untitled' },
  ];
  const choice = await vscode.window.showQuickPick(items, { title: `Open ${name} as Markdown`, placeHolder: 'Where should the Markdown go?' });
  if (!choice) return undefined;

  let document: vscode.TextDocument;
  if (choice.target === 'beside') {
    const exists = await vscode.workspace.fs.stat(beside).then(
      () => true,
      () => false,
    );
    if (exists) {
      const replace = 'Replace';
      const answer = await vscode.window.showWarningMessage(`${markdownName} already exists. Replace it with the converted ${name}?`, { modal: true }, replace);
      if (answer !== replace) return undefined;
    }
    try {
      await vscode.workspace.fs.writeFile(beside, new TextEncoder().encode(converted.markdown));
    } catch (e) {
      void vscode.window.showErrorMessage(`POV Lint: cannot write ${markdownName}: ${(e as Error).message}`);
      return undefined;
    }
    document = await vscode.workspace.openTextDocument(beside);
  } else {
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content: converted.markdown });
  }
  await vscode.window.showTextDocument(document);
  if (converted.comments > 0) {
    const what = converted.comments === 1 ? '1 comment was' : `${converted.comments} comments were`;
    void vscode.window.showInformationMessage(`POV Lint: ${what} left out of ${markdownName}; comments are reviewers' notes, not the document's text.`);
  }
  return document;
}
