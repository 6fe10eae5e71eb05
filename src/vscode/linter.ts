/**
 * Lints Markdown documents into the Problems panel: debounced per document, with a stale-result
 * guard (the document version is remembered before linting and results are published only if it
 * still matches), and remembers the findings so providers can use them.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/types.js';
import { matchesIgnore } from '../core/config/index.js';
import { toDiagnostic } from './convert.js';
import type { ConfigStore, LoadedConfig } from './configStore.js';
import { incrementalLints, lintTimed } from './engine.js';
import { findingsToDiagnostics, sizeLimitDiagnostic } from './model/diagnostics.js';
import { effectiveOptions, type EffectiveOptions } from './model/options.js';
import { Debouncer } from './model/scheduler.js';
import type { SettingsStore } from './settingsStore.js';

/** Findings of one document at one version. */
export interface LintResult {
  uri: vscode.Uri;
  version: number;
  findings: Finding[];
  /** Diagnostics shown (after `povlint.severity`). */
  shown: number;
  /** Why the document was not linted, when it was not. */
  skipped?: 'too-large' | 'ignored';
}

/** Where Lint Workspace spends its time, summed over files. */
export interface FileTiming {
  configMs: number;
  readMs: number;
  lintMs: number;
  publishMs: number;
}

export interface LintStats {
  lints: number;
  maxMs: number;
  totalMs: number;
}

const SIZE_DOCS = 'https://github.com/povlint/povlint#vs-code-extension';
const decoder = new TextDecoder('utf-8');

/** Schemes whose Markdown is not the user's document (diff sides, output, notebooks). */
const SKIPPED_SCHEMES = new Set(['git', 'gitfs', 'output', 'vscode-scm', 'vscode-notebook-cell', 'comment', 'chat-editing-text-model']);

export function isLintable(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && !SKIPPED_SCHEMES.has(document.uri.scheme);
}

export class DocumentLinter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('povlint');
  private readonly results = new Map<string, LintResult>();
  /** Files linted by Lint Workspace keep their diagnostics when closed. */
  private readonly workspaceLinted = new Set<string>();
  private readonly debouncer = new Debouncer<string>((key) => this.lintScheduled(key));
  private readonly linted = new vscode.EventEmitter<LintResult>();
  /** Fires after results for a document were published (not for stale runs). */
  readonly onDidLint = this.linted.event;
  readonly stats: LintStats = { lints: 0, maxMs: 0, totalMs: 0 };
  /** Core sessions of open documents, so typing re-lints only the blocks it touched. */
  private readonly incremental = incrementalLints();
  /** One options object per loaded config while the settings stay the same (sessions compare it). */
  private options = new WeakMap<LoadedConfig, EffectiveOptions>();

  constructor(
    private readonly settings: SettingsStore,
    private readonly configs: ConfigStore,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  /** Lints on open, on type (debounced) and on save as `povlint.run` says; clears closed documents. */
  watchDocuments(): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.contentChanges.length || !isLintable(e.document)) return;
        this.incremental.record(
          e.document.uri.toString(),
          e.contentChanges.map((c) => ({ offset: c.rangeOffset, deleteCount: c.rangeLength, insert: c.text })),
        );
        if (this.settings.current.run === 'onType') this.schedule(e.document, this.settings.current.debounceMs);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      this.settings.onDidChange(() => {
        this.options = new WeakMap();
        this.relintOpen();
      }),
      this.configs.onDidChange(() => this.relintOpen()),
    );
  }

  /** Lints only what the user can see; other open documents follow as they are shown or edited. */
  lintVisible(editors: readonly vscode.TextEditor[] = vscode.window.visibleTextEditors): void {
    for (const { document } of editors) {
      if (this.results.get(document.uri.toString())?.version !== document.version) this.schedule(document, 0);
    }
  }

  relintOpen(): void {
    if (this.settings.current.run === 'off') {
      this.collection.clear();
      this.results.clear();
      return;
    }
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!isLintable(document) || this.settings.current.run === 'off') return;
    this.debouncer.schedule(document.uri.toString(), delayMs);
  }

  private lintScheduled(key: string): void {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (document) void this.lintDocument(document);
  }

  /** Lints a document now and publishes the result unless the document moved on meanwhile. */
  async lintDocument(document: vscode.TextDocument): Promise<LintResult | undefined> {
    const version = document.version;
    const loaded = await this.configs.forDocument(document.uri);
    if (document.isClosed || document.version !== version) return undefined; // stale; a newer run is scheduled
    const result = this.lintText(document.uri, version, document.getText(), loaded, true);
    this.publish(result.result, result.diagnostics);
    return result.result;
  }

  /**
   * Lints text for a URI with its config, without publishing: used for open documents and by
   * Lint Workspace for files read from disk.
   */
  lintText(
    uri: vscode.Uri,
    version: number,
    text: string,
    loaded: LoadedConfig,
    open = false,
  ): { result: LintResult; diagnostics: vscode.Diagnostic[] } {
    const settings = this.settings.current;
    const options = this.optionsFor(loaded);
    if (loaded.folder && options.ignore.length) {
      const rel = relativePath(loaded.folder, uri);
      if (rel !== undefined && matchesIgnore(rel, options.ignore)) {
        return { result: { uri, version, findings: [], shown: 0, skipped: 'ignored' }, diagnostics: [] };
      }
    }
    const bytes = byteLength(text, options.maxFileSizeKB * 1024);
    if (bytes > options.maxFileSizeKB * 1024) {
      const d = sizeLimitDiagnostic(bytes, options.maxFileSizeKB, SIZE_DOCS);
      return { result: { uri, version, findings: [], shown: 0, skipped: 'too-large' }, diagnostics: [toDiagnostic(d, uri)] };
    }
    let findings: Finding[];
    const started = performance.now();
    if (open) {
      const r = this.incremental.findings(uri.toString(), text, options.lint);
      findings = r.findings;
      this.record(uri, performance.now() - started, text.length, r.incremental);
    } else {
      ({ findings } = lintTimed(text, options.lint));
      this.record(uri, performance.now() - started, text.length, false);
    }
    const diagnostics = findingsToDiagnostics(findings, { severity: settings.severity }).map((d) => toDiagnostic(d, uri));
    return { result: { uri, version, findings, shown: diagnostics.length }, diagnostics };
  }

  /**
   * Lints a file that is not open (Lint Workspace): reads it through `vscode.workspace.fs`, so it
   * works in virtual workspaces, and keeps no text. The caller publishes (in batches).
   */
  async lintFile(uri: vscode.Uri, timing?: FileTiming): Promise<{ result: LintResult; diagnostics: vscode.Diagnostic[] }> {
    let t = performance.now();
    const lap = (key: keyof FileTiming): void => {
      const now = performance.now();
      if (timing) timing[key] += now - t;
      t = now;
    };
    const loaded = await this.configs.forDocument(uri);
    lap('configMs');
    const limitKB = this.optionsFor(loaded).maxFileSizeKB;
    const size = (await vscode.workspace.fs.stat(uri)).size;
    lap('readMs');
    if (size > limitKB * 1024) {
      // Not read at all: say why, never skip silently.
      const d = sizeLimitDiagnostic(size, limitKB, SIZE_DOCS);
      return { result: { uri, version: 0, findings: [], shown: 0, skipped: 'too-large' }, diagnostics: [toDiagnostic(d, uri)] };
    }
    const text = decoder.decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
    lap('readMs');
    const linted = this.lintText(uri, 0, text, loaded);
    lap('lintMs');
    return linted;
  }

  /** Publishes the results of many files in one message to the editor (Lint Workspace). */
  publishMany(batch: readonly { result: LintResult; diagnostics: vscode.Diagnostic[] }[]): void {
    if (!batch.length) return;
    for (const { result } of batch) {
      // Closed files keep only their count: findings are recomputed when a file is opened, so
      // thousands of files do not hold their findings (and fix snippets) in memory.
      this.results.set(result.uri.toString(), { ...result, findings: [] });
      this.workspaceLinted.add(result.uri.toString());
    }
    this.collection.set(batch.map(({ result, diagnostics }) => [result.uri, diagnostics]));
    for (const { result } of batch) this.linted.fire(result);
  }

  publish(result: LintResult, diagnostics: vscode.Diagnostic[], fromWorkspaceLint = false): void {
    const key = result.uri.toString();
    this.results.set(key, result);
    if (fromWorkspaceLint) this.workspaceLinted.add(key);
    this.collection.set(result.uri, diagnostics);
    this.linted.fire(result);
  }

  /**
   * The findings of a document at its current version, linting it now if the stored result is
   * stale (lint is fast; providers need findings that match the text they see).
   */
  async current(document: vscode.TextDocument): Promise<LintResult | undefined> {
    const stored = this.results.get(document.uri.toString());
    if (stored && stored.version === document.version) return stored;
    if (!isLintable(document) || this.settings.current.run === 'off') return undefined;
    return this.lintDocument(document);
  }

  resultFor(uri: vscode.Uri): LintResult | undefined {
    return this.results.get(uri.toString());
  }

  log(line: string): void {
    this.output.info(line);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.debouncer.cancel(key);
    this.incremental.drop(key);
    if (this.workspaceLinted.has(key)) return;
    this.results.delete(key);
    this.collection.delete(uri);
  }

  private optionsFor(loaded: LoadedConfig): EffectiveOptions {
    let options = this.options.get(loaded);
    if (!options) {
      options = effectiveOptions(loaded.config, this.settings.current, this.configs.trusted, loaded.customClauses);
      this.options.set(loaded, options);
    }
    return options;
  }

  private record(uri: vscode.Uri, ms: number, length: number, incremental: boolean): void {
    this.stats.lints++;
    this.stats.totalMs += ms;
    if (ms > this.stats.maxMs) {
      this.stats.maxMs = ms;
      this.output.info(
        `[lint] longest lint so far: ${ms.toFixed(1)} ms for ${vscode.workspace.asRelativePath(uri)} (${length} characters${incremental ? ', incremental' : ''}) at ${Date.now()}`,
      );
    }
  }

  dispose(): void {
    this.debouncer.dispose();
    this.collection.dispose();
    this.linted.dispose();
  }
}

/** UTF-8 size of `text`, exact up to `limit` (cheap when the text is clearly smaller). */
function byteLength(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length;
  return new TextEncoder().encode(text).length;
}

/** `uri` relative to `folder` with `/` separators, or undefined when it is outside. */
function relativePath(folder: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) return undefined;
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}
