/**
 * Lints Markdown documents into the Problems panel: debounced per document, with a stale-result
 * guard (the document version is remembered before linting and results are published only if it
 * still matches), and remembers the findings so providers can use them. The linting itself runs
 * in the lint worker, so the extension host's thread only converts and publishes results.
 */
import * as vscode from 'vscode';
import type { Finding, FindingKey, Scorecard } from '../core/host.js';
import type { BaselineStore, LoadedBaseline } from './baselineStore.js';
import { coveredByBaseline } from './model/baseline.js';
import { decodeText, isIgnored, isTooLarge } from '../core/host.js';
import { toDiagnostic } from './convert.js';
import type { ConfigStore, LoadedConfig } from './configStore.js';
import { findingsToDiagnostics, lintFailedDiagnostic, sizeLimitDiagnostic } from './model/diagnostics.js';
import { effectiveOptions, type EffectiveOptions } from './model/options.js';
import { Debouncer } from './model/scheduler.js';
import type { SettingsStore } from './settingsStore.js';
import { isPending, LintWorkerError, type LintClient } from './worker/client.js';

/** Findings of one document at one version. */
export interface LintResult {
  uri: vscode.Uri;
  version: number;
  findings: Finding[];
  /** Diagnostics shown (after `povlint.severity`), not counting findings recorded in the baseline. */
  shown: number;
  /** Findings recorded in the baseline (shown muted or not at all). */
  baselined?: number;
  /** Why the document was not linted, when it was not. */
  skipped?: 'too-large' | 'ignored' | 'failed' | 'unreadable';
}

export interface Linted {
  result: LintResult;
  diagnostics: vscode.Diagnostic[];
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
  /** Longest and total time the lint worker spent on one document. */
  maxMs: number;
  totalMs: number;
}

const SIZE_DOCS = 'https://github.com/povlint/povlint#vs-code-extension';

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
  /** One options object per loaded config while the settings stay the same (the worker's sessions compare it). */
  private options = new WeakMap<LoadedConfig, EffectiveOptions>();
  /** The lint of each document now in flight, so providers asking meanwhile share it. */
  private readonly running = new Map<string, { version: number; promise: Promise<LintResult | undefined> }>();
  /** The last scorecard of each open document, and the one being computed. */
  private readonly scorecards = new Map<string, { scorecard: Scorecard; version: number }>();
  private readonly scorecardRuns = new Map<string, { version: number; promise: Promise<{ scorecard: Scorecard; version: number } | undefined> }>();
  /** Versions the worker gave up on (timeout, crash): not tried again until the document changes. */
  private readonly failed = new Map<string, number>();

  constructor(
    private readonly settings: SettingsStore,
    private readonly configs: ConfigStore,
    private readonly worker: LintClient,
    private readonly output: vscode.LogOutputChannel,
    private readonly baselines?: BaselineStore,
  ) {}

  /**
   * Lints on open, on type (debounced) and on save as `povlint.run` says; sends every edit to the
   * worker's session of the document; clears closed documents; re-sends open documents to a
   * restarted worker.
   */
  watchDocuments(): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.contentChanges.length || !isLintable(e.document)) return;
        this.worker.record(
          e.document.uri.toString(),
          e.contentChanges.map((c) => ({ offset: c.rangeOffset, deleteCount: c.rangeLength, insert: c.text })),
          e.document.version,
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
      ...(this.baselines ? [this.baselines.onDidChange(() => this.relintOpen())] : []),
      this.worker.onDidRestart(() => this.relintOpen()),
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
  lintDocument(document: vscode.TextDocument): Promise<LintResult | undefined> {
    const key = document.uri.toString();
    const running = this.running.get(key);
    if (running && running.version === document.version) return running.promise;
    const promise = this.lintOpenDocument(document).finally(() => {
      if (this.running.get(key)?.promise === promise) this.running.delete(key);
    });
    this.running.set(key, { version: document.version, promise });
    return promise;
  }

  private async lintOpenDocument(document: vscode.TextDocument): Promise<LintResult | undefined> {
    const { uri } = document;
    const key = uri.toString();
    const version = document.version;
    if (this.failed.get(key) === version) return this.results.get(key);
    const loaded = await this.configs.forDocument(uri);
    if (document.isClosed || document.version !== version) return undefined; // stale; a newer run is scheduled
    const options = this.optionsFor(loaded);
    const skipped = this.skip(uri, version, loaded, options, () => documentBytes(document, options.maxFileSizeKB * 1024));
    if (skipped) {
      this.publish(skipped.result, skipped.diagnostics);
      return skipped.result;
    }
    try {
      const baseline = await this.baselines?.forConfig(loaded);
      const reply = await this.worker.lintDocument(key, document, options.lint, baseline?.baseline !== undefined);
      if (document.isClosed || document.version !== reply.version) return undefined; // stale
      this.record(uri, reply.ms, reply.incremental);
      const linted = this.toLinted(uri, reply.version, reply.findings, baseline, reply.keys);
      this.publish(linted.result, linted.diagnostics);
      return linted.result;
    } catch (e) {
      const failed = this.failure(uri, version, e);
      if (!failed) return undefined;
      this.failed.set(key, version);
      this.publish(failed.result, failed.diagnostics);
      return failed.result;
    }
  }

  /**
   * Lints a file that is not open (Lint Workspace): reads it through `vscode.workspace.fs`, so it
   * works in virtual workspaces, lints it in the worker and keeps no text. The caller publishes
   * (in batches).
   */
  async lintFile(uri: vscode.Uri, timing?: FileTiming): Promise<Linted> {
    let t = performance.now();
    const lap = (key: keyof FileTiming): void => {
      const now = performance.now();
      if (timing) timing[key] += now - t;
      t = now;
    };
    const loaded = await this.configs.forDocument(uri);
    lap('configMs');
    const options = this.optionsFor(loaded);
    const size = (await vscode.workspace.fs.stat(uri)).size;
    lap('readMs');
    // Too large: not read at all.
    const skipped = this.skip(uri, 0, loaded, options, () => size);
    if (skipped) return skipped;
    const decoded = decodeText(await vscode.workspace.fs.readFile(uri));
    lap('readMs');
    if (!decoded.ok) {
      // The same decoding policy as the CLI: binary or non-UTF-8 files are skipped, never guessed at.
      this.output.info(`[lint] skipped ${vscode.workspace.asRelativePath(uri)}: ${decoded.reason}`);
      return { result: { uri, version: 0, findings: [], shown: 0, skipped: 'unreadable' }, diagnostics: [] };
    }
    const text = decoded.text;
    try {
      const baseline = await this.baselines?.forConfig(loaded);
      const reply = await this.worker.lintText(text, options.lint, baseline?.baseline !== undefined, true);
      lap('lintMs');
      this.record(uri, reply.ms, false);
      return this.toLinted(uri, 0, reply.findings, baseline, reply.keys);
    } catch (e) {
      const failed = this.failure(uri, 0, e);
      if (!failed) throw e;
      return failed;
    }
  }

  /** Publishes the results of many files in one message to the editor (Lint Workspace). */
  publishMany(batch: readonly Linted[]): void {
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
   * stale (providers need findings that match the text they see).
   */
  async current(document: vscode.TextDocument): Promise<LintResult | undefined> {
    const stored = this.results.get(document.uri.toString());
    if (stored && stored.version === document.version) return stored;
    if (!isLintable(document) || this.settings.current.run === 'off') return undefined;
    return this.lintDocument(document);
  }

  /**
   * `findings` of `document` with what their lint deferred written in (the texts of rewrite fixes,
   * clause suggestions), made in the worker with the options the document is linted with. The
   * stored result keeps them, so asking again costs nothing. When the worker cannot answer, the
   * findings come back as they were: a fix whose text is pending is then not offered.
   */
  async resolve(document: vscode.TextDocument, findings: readonly Finding[]): Promise<Finding[]> {
    if (!findings.some(isPending)) return [...findings];
    try {
      const options = this.optionsFor(await this.configs.forDocument(document.uri));
      const resolved = await this.worker.resolveFindings(findings, options.lint);
      const stored = this.results.get(document.uri.toString());
      if (stored) {
        findings.forEach((f, i) => {
          const at = stored.findings.indexOf(f);
          if (at >= 0) stored.findings[at] = resolved[i]!;
        });
      }
      return resolved;
    } catch (e) {
      this.output.warn(`[fixes] ${vscode.workspace.asRelativePath(document.uri)}: ${e instanceof Error ? e.message : String(e)}`);
      return [...findings];
    }
  }

  /**
   * The scorecard of a document at its current version, computed in the lint worker from the
   * document's session (so the host only receives plain data); undefined when the document is not
   * linted (not Markdown, linting off, ignored, too large, failed) or changed meanwhile.
   */
  async scorecard(document: vscode.TextDocument): Promise<{ scorecard: Scorecard; version: number } | undefined> {
    const key = document.uri.toString();
    const cached = this.scorecards.get(key);
    if (cached && cached.version === document.version) return cached;
    const result = await this.current(document);
    if (!result || result.skipped || document.isClosed || result.version !== document.version) return undefined;
    const pending = this.scorecardRuns.get(key);
    if (pending && pending.version === document.version) return pending.promise;
    const run = async (): Promise<{ scorecard: Scorecard; version: number } | undefined> => {
      try {
        const options = this.optionsFor(await this.configs.forDocument(document.uri));
        const reply = await this.worker.scorecardDocument(key, document, options.lint);
        if (document.isClosed || reply.version !== document.version) return undefined;
        const card = { scorecard: reply.scorecard, version: reply.version };
        this.scorecards.set(key, card);
        return card;
      } catch (e) {
        this.output.warn(`[scorecard] ${vscode.workspace.asRelativePath(document.uri)}: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      }
    };
    const promise = run().finally(() => {
      if (this.scorecardRuns.get(key)?.promise === promise) this.scorecardRuns.delete(key);
    });
    this.scorecardRuns.set(key, { version: document.version, promise });
    return promise;
  }

  resultFor(uri: vscode.Uri): LintResult | undefined {
    return this.results.get(uri.toString());
  }

  log(line: string): void {
    this.output.info(line);
  }

  /** The result for a file ignored by the config or over the size limit; undefined when it is to be linted. */
  private skip(uri: vscode.Uri, version: number, loaded: LoadedConfig, options: EffectiveOptions, bytes: () => number): Linted | undefined {
    const sameFs = loaded.folder && loaded.folder.scheme === uri.scheme && loaded.folder.authority === uri.authority;
    if (sameFs && isIgnored({ dir: loaded.folder!.path }, options.ignore, uri.path)) {
      return { result: { uri, version, findings: [], shown: 0, skipped: 'ignored' }, diagnostics: [] };
    }
    const size = bytes();
    if (isTooLarge(size, options.maxFileSizeKB)) {
      const d = sizeLimitDiagnostic(size, options.maxFileSizeKB, SIZE_DOCS);
      return { result: { uri, version, findings: [], shown: 0, skipped: 'too-large' }, diagnostics: [toDiagnostic(d, uri)] };
    }
    return undefined;
  }

  /** Findings → diagnostics; findings the baseline covers are shown as `povlint.baselineFindings` says. */
  private toLinted(uri: vscode.Uri, version: number, findings: Finding[], baseline?: LoadedBaseline, keys?: FindingKey[]): Linted {
    const baselined = baseline ? coveredByBaseline(baseline.baseline, baseline.path, uri.path, keys) : undefined;
    const { severity, baselineFindings } = this.settings.current;
    const data = findingsToDiagnostics(findings, { severity, ...(baselined ? { baselined, baselineFindings } : {}) });
    const diagnostics = data.map((d) => toDiagnostic(d, uri));
    const inBaseline = baselined?.filter(Boolean).length ?? 0;
    const shown = inBaseline ? findingsToDiagnostics(findings.filter((_, i) => !baselined![i]), { severity }).length : diagnostics.length;
    return { result: { uri, version, findings, shown, ...(inBaseline ? { baselined: inBaseline } : {}) }, diagnostics };
  }

  /** The result to publish when the worker gave up on a document; undefined (logged) for other errors. */
  private failure(uri: vscode.Uri, version: number, error: unknown): Linted | undefined {
    const where = vscode.workspace.asRelativePath(uri);
    if (error instanceof LintWorkerError && (error.kind === 'timeout' || error.kind === 'crash')) {
      this.output.error(`[lint] gave up on ${where}: ${error.message}`);
      const d = lintFailedDiagnostic(error.kind, SIZE_DOCS);
      return { result: { uri, version, findings: [], shown: 0, skipped: 'failed' }, diagnostics: [toDiagnostic(d, uri)] };
    }
    this.output.warn(`[lint] ${where} was not linted: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.debouncer.cancel(key);
    this.worker.close(key);
    this.failed.delete(key);
    this.scorecards.delete(key);
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

  private record(uri: vscode.Uri, ms: number, incremental: boolean): void {
    this.stats.lints++;
    this.stats.totalMs += ms;
    if (ms > this.stats.maxMs) {
      this.stats.maxMs = ms;
      this.output.info(
        `[lint] longest lint so far: ${ms.toFixed(1)} ms in the lint worker for ${vscode.workspace.asRelativePath(uri)}${incremental ? ' (incremental)' : ''} at ${Date.now()}`,
      );
    }
  }

  dispose(): void {
    this.debouncer.dispose();
    this.collection.dispose();
    this.linted.dispose();
  }
}

/**
 * UTF-8 size of a document, exact when it could be over `limit`: each UTF-16 code unit takes at
 * most 3 bytes, so a short document is measured by its length without copying its text.
 */
function documentBytes(document: vscode.TextDocument, limit: number): number {
  const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  if (length * 3 <= limit) return length;
  return new TextEncoder().encode(document.getText()).length;
}

/** `uri` relative to `folder` with `/` separators, or undefined when it is outside. */
