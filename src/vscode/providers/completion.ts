/** Clause completions after typing `pov:`. */
import * as vscode from 'vscode';
import type { ConfigStore } from '../configStore.js';
import { clausePreview, CATEGORY_TITLES, povPrefixAt } from '../model/clausePick.js';
import type { SettingsStore } from '../settingsStore.js';

export class PovCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = [':'];

  constructor(
    private readonly configs: ConfigStore,
    private readonly settings: SettingsStore,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    if (!this.settings.current['completion.enabled']) return undefined;
    const trigger = povPrefixAt(document.lineAt(position.line).text, position.character);
    if (!trigger) return undefined;
    const { clauses } = await this.configs.forDocument(document.uri);
    const range = new vscode.Range(position.line, trigger.start, position.line, position.character);
    return clauses.map((clause, i) => {
      const item = new vscode.CompletionItem({ label: `pov:${clause.id}`, description: clause.title }, vscode.CompletionItemKind.Snippet);
      item.insertText = new vscode.SnippetString(clause.body);
      item.range = range;
      item.filterText = `pov:${clause.id} ${clause.title}`;
      item.detail = `${CATEGORY_TITLES[clause.category] ?? clause.category} · ${clause.locale}`;
      item.documentation = new vscode.MarkdownString(`**${clause.title}**: ${clause.description}\n\n${clausePreview(clause, 600)}`);
      item.sortText = String(i).padStart(4, '0');
      return item;
    });
  }
}
