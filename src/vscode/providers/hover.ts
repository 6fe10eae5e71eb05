/** Hover on a flagged range: why, which outcome parts are missing, one measurable rewrite. */
import * as vscode from 'vscode';
import { toRange } from '../convert.js';
import type { DocumentLinter } from '../linter.js';
import { toRangeData } from '../model/geometry.js';
import { hoverMarkdown } from '../model/hover.js';
import type { SettingsStore } from '../settingsStore.js';

export class PovHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly linter: DocumentLinter,
    private readonly settings: SettingsStore,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!this.settings.current['hover.enabled']) return undefined;
    const result = await this.linter.current(document);
    if (!result) return undefined;
    const hidden = this.settings.current.severity;
    const found = result.findings.filter((f) => hidden[f.ruleId] !== 'off' && toRange(toRangeData(f.start, f.end)).contains(position));
    if (!found.length) return undefined;
    // The rewrite shown is a fix text the lint deferred: made for these findings only.
    const here = await this.linter.resolve(document, found);
    const range = here.map((f) => toRange(toRangeData(f.start, f.end))).reduce((a, b) => a.intersection(b) ?? a);
    return new vscode.Hover(new vscode.MarkdownString(hoverMarkdown(here)), range);
  }
}
