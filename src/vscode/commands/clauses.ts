/** "POV Lint: Insert Clause…": a picker grouped by category, inserting at the cursor as a snippet. */
import * as vscode from 'vscode';
import type { Clause } from '../../core/host.js';
import type { ConfigStore } from '../configStore.js';
import { clausePickEntries, clausesForDocument } from '../model/clausePick.js';
import { effectiveOptions } from '../model/options.js';
import type { SettingsStore } from '../settingsStore.js';

interface ClauseItem extends vscode.QuickPickItem {
  clause?: Clause;
}

/** Offers the clauses and inserts the chosen one; resolves to its id, or undefined when dismissed. */
export async function insertClause(configs: ConfigStore, settings: SettingsStore, clauseId?: string): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('POV Lint: open a Markdown document to insert a clause.');
    return undefined;
  }
  const loaded = await configs.forDocument(editor.document.uri);
  const locale = effectiveOptions(loaded.config, settings.current, configs.trusted).lint.locale ?? 'auto';
  const clauses = clausesForDocument(loaded.clauses, locale, editor.document.getText());
  let clause = clauseId ? loaded.clauses.find((c) => c.id === clauseId) : undefined;
  if (!clause) {
    const items: ClauseItem[] = clausePickEntries(clauses).map((e) =>
      e.type === 'separator'
        ? { label: e.label, kind: vscode.QuickPickItemKind.Separator }
        : { label: e.label, description: e.description, detail: e.detail, clause: e.clause },
    );
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Insert a proof-of-value clause',
      placeHolder: 'Type to filter clauses by title, description or text',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    clause = picked?.clause;
  }
  if (!clause) return undefined;
  const target = vscode.window.activeTextEditor ?? editor;
  await target.insertSnippet(new vscode.SnippetString(clause.body), target.selections);
  return clause.id;
}
