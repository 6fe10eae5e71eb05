/** Plain data from ./model → vscode objects, one field at a time. No decisions are made here. */
import * as vscode from 'vscode';
import type { Severity, TextEdit } from '../core/host.js';
import type { DiagnosticData } from './model/diagnostics.js';
import type { LineChar, RangeData } from './model/geometry.js';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const toPosition = (p: LineChar): vscode.Position => new vscode.Position(p.line, p.character);
export const toRange = (r: RangeData): vscode.Range => new vscode.Range(toPosition(r.start), toPosition(r.end));
export const fromRange = (r: vscode.Range): RangeData => ({
  start: { line: r.start.line, character: r.start.character },
  end: { line: r.end.line, character: r.end.character },
});

/**
 * The documentation link of each rule, parsed once: a workspace lint publishes tens of thousands of
 * diagnostics that point at a few pages, and the collection keeps every one of them.
 */
const codeTargets = new Map<string, vscode.Uri>();
function codeTarget(target: string): vscode.Uri {
  let uri = codeTargets.get(target);
  if (!uri) {
    uri = vscode.Uri.parse(target);
    // Bounded: custom terms may link to pages of their own.
    if (codeTargets.size >= 1000) codeTargets.clear();
    codeTargets.set(target, uri);
  }
  return uri;
}

export function toDiagnostic(d: DiagnosticData, uri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
  diagnostic.source = d.source;
  diagnostic.code = { value: d.code.value, target: codeTarget(d.code.target) };
  if (d.related.length) {
    diagnostic.relatedInformation = d.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message),
    );
  }
  return diagnostic;
}

/** Offset edits (with snippet text where marked) → edits of a document. */
export function toTextEdits(document: vscode.TextDocument, edits: readonly TextEdit[]): (vscode.TextEdit | vscode.SnippetTextEdit)[] {
  return edits.map((e) => {
    const range = new vscode.Range(document.positionAt(e.start), document.positionAt(e.end));
    return e.snippet ? new vscode.SnippetTextEdit(range, new vscode.SnippetString(e.text)) : new vscode.TextEdit(range, e.text);
  });
}
