/**
 * Finds and loads `.povlint.jsonc` / `.povlint.json` for a document through `vscode.workspace.fs`
 * (so it works in virtual workspaces and on vscode.dev): nearest file from the document's folder
 * up to its workspace folder, custom clauses from `clauses.paths`. A broken config gives one
 * notification with "Open Config", details in the output channel, and defaults until it is fixed.
 * The config is data only; nothing from the workspace is executed.
 */
import * as vscode from 'vscode';
import { builtinClauses } from '../core/clauses/builtin.js';
import { loadLibrary, mergeClauses, type ClauseFile } from '../core/clauses/library.js';
import type { Clause } from '../core/clauses/types.js';
import {
  CONFIG_FILE_NAMES,
  DEFAULT_CLAUSE_PATH,
  formatConfigError,
  locateKey,
  parseConfig,
  type ConfigError,
  type PovlintConfig,
} from '../core/config/index.js';

export interface LoadedConfig {
  /** The config file, when one was found. */
  file?: vscode.Uri;
  /** Folder that `ignore` globs and clause paths are relative to. */
  folder?: vscode.Uri;
  /** The config, or undefined (defaults) when there is none or it has errors. */
  config?: PovlintConfig;
  /** Custom clauses only (for lint options). */
  customClauses: Clause[];
  /** Built-in clauses with the custom ones merged over them (for pickers and quick fixes). */
  clauses: Clause[];
  errors: ConfigError[];
}

const decoder = new TextDecoder('utf-8');
const decode = (bytes: Uint8Array): string => decoder.decode(bytes).replace(/^\uFEFF/, '');

async function stat(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

const parent = (uri: vscode.Uri): vscode.Uri => vscode.Uri.joinPath(uri, '..');

export class ConfigStore implements vscode.Disposable {
  private readonly byFolder = new Map<string, Promise<LoadedConfig>>();
  private readonly byFile = new Map<string, Promise<LoadedConfig>>();
  /** Broken config files we have notified about, with the errors we notified. */
  private readonly notified = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Errors of configs and custom clause files, as diagnostics on the file at fault. */
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('povlint-config');
  /** The files each config's errors were shown on, to clear them when it is fixed. */
  private readonly diagnosed = new Map<string, vscode.Uri[]>();
  /** Clause files by the path their errors name. */
  private readonly clauseUris = new Map<string, vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly builtins = builtinClauses();

  constructor(private readonly output: vscode.LogOutputChannel) {}

  /** Re-reads configs when a config or clause file changes, is created or deleted. */
  watch(): vscode.Disposable {
    const configs = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`);
    const clauses = vscode.workspace.createFileSystemWatcher(`**/${DEFAULT_CLAUSE_PATH}**/*.md`);
    const invalidate = (): void => this.invalidate();
    return vscode.Disposable.from(
      ...[configs, clauses].flatMap((w) => [w, w.onDidChange(invalidate), w.onDidCreate(invalidate), w.onDidDelete(invalidate)]),
      // Trust granted: regular-expression terms from the config now apply.
      vscode.workspace.onDidGrantWorkspaceTrust(invalidate),
    );
  }

  /** Forgets every loaded config and tells listeners to re-lint. */
  invalidate(): void {
    this.byFolder.clear();
    this.byFile.clear();
    this.changed.fire();
  }

  get trusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  /** The config that applies to a document. */
  forDocument(uri: vscode.Uri): Promise<LoadedConfig> {
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri) ?? (uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0] : undefined);
    if (uri.scheme === 'untitled') return workspaceFolder ? this.forFolder(workspaceFolder.uri, workspaceFolder.uri) : this.defaults();
    return this.forFolder(parent(uri), workspaceFolder?.uri);
  }

  /** The config file that applies to a document, or where a new one would go. */
  async configFileFor(uri: vscode.Uri | undefined): Promise<{ file: vscode.Uri; exists: boolean } | undefined> {
    if (uri && uri.scheme !== 'untitled') {
      const loaded = await this.forDocument(uri);
      if (loaded.file) return { file: loaded.file, exists: true };
    }
    const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    const file = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAMES[0]);
    return { file, exists: (await stat(file)) !== undefined };
  }

  private forFolder(folder: vscode.Uri, stopAt: vscode.Uri | undefined): Promise<LoadedConfig> {
    const key = folder.toString();
    let found = this.byFolder.get(key);
    if (!found) {
      found = this.discover(folder, stopAt);
      this.byFolder.set(key, found);
    }
    return found;
  }

  private async discover(folder: vscode.Uri, stopAt: vscode.Uri | undefined): Promise<LoadedConfig> {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = vscode.Uri.joinPath(folder, name);
      if ((await stat(candidate))?.type === vscode.FileType.File) return this.load(candidate);
    }
    const up = parent(folder);
    const atTop = up.path === folder.path || (stopAt !== undefined && folder.path === stopAt.path) || (!stopAt && folder.scheme !== 'file');
    return atTop ? this.defaults() : this.forFolder(up, stopAt);
  }

  private defaults(): Promise<LoadedConfig> {
    return Promise.resolve({ customClauses: [], clauses: this.builtins, errors: [] });
  }

  private load(file: vscode.Uri): Promise<LoadedConfig> {
    const key = file.toString();
    let found = this.byFile.get(key);
    if (!found) {
      found = this.read(file).then((loaded) => {
        this.report(file, loaded.errors, loaded.config !== undefined);
        return loaded;
      });
      this.byFile.set(key, found);
    }
    return found;
  }

  private async read(file: vscode.Uri): Promise<LoadedConfig> {
    const shown = vscode.workspace.asRelativePath(file);
    const folder = parent(file);
    let text: string;
    try {
      text = decode(await vscode.workspace.fs.readFile(file));
    } catch (e) {
      const error = { file: shown, line: 1, column: 1, key: '', message: `cannot read config file (${(e as Error).message})` };
      return { file, folder, customClauses: [], clauses: this.builtins, errors: [error] };
    }
    const { config, errors } = parseConfig(text, shown);
    if (errors.length) return { file, folder, customClauses: [], clauses: this.builtins, errors };
    const clauseErrors: ConfigError[] = [];
    const customClauses = await this.loadClauses(config, text, folder, shown, clauseErrors);
    const clauses = customClauses.length ? mergeClauses(this.builtins, customClauses) : this.builtins;
    // Broken clause files are reported; the config and every valid clause still apply.
    return { file, folder, config, customClauses, clauses, errors: clauseErrors };
  }

  private async loadClauses(
    config: PovlintConfig,
    text: string,
    folder: vscode.Uri,
    shown: string,
    errors: ConfigError[],
  ): Promise<Clause[]> {
    const explicit = config.clauses?.paths;
    const paths = explicit ?? [DEFAULT_CLAUSE_PATH];
    const files: ClauseFile[] = [];
    for (const [i, p] of paths.entries()) {
      const dir = vscode.Uri.joinPath(folder, p);
      const info = await stat(dir);
      if (info?.type !== vscode.FileType.Directory) {
        if (explicit === undefined) continue;
        errors.push({
          file: shown,
          ...locateKey(text, ['clauses', 'paths', i]),
          key: `clauses.paths[${i}]`,
          message: info ? `"${p}" is not a folder` : `clause folder "${p}" does not exist`,
        });
        continue;
      }
      const entries = await vscode.workspace.fs.readDirectory(dir);
      for (const [name, type] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (type !== vscode.FileType.File || !name.toLowerCase().endsWith('.md')) continue;
        const uri = vscode.Uri.joinPath(dir, name);
        try {
          const path = vscode.workspace.asRelativePath(uri);
          this.clauseUris.set(path, uri);
          files.push({ path, text: decode(await vscode.workspace.fs.readFile(uri)) });
        } catch (e) {
          errors.push({ file: vscode.workspace.asRelativePath(uri), line: 1, column: 1, key: '', message: `cannot read clause file (${(e as Error).message})` });
        }
      }
    }
    if (!files.length) return [];
    const library = loadLibrary(files, []);
    for (const e of library.errors) errors.push({ file: e.source, line: e.line, column: e.column, key: e.key ?? '', message: e.message });
    return library.clauses;
  }

  /** One notification per broken state of a file; details in the output channel; cleared when fixed. */
  private report(file: vscode.Uri, errors: readonly ConfigError[], configUsed: boolean): void {
    const key = file.toString();
    const shown = vscode.workspace.asRelativePath(file);
    this.showDiagnostics(key, file, errors);
    if (!errors.length) {
      if (this.notified.delete(key)) this.output.info(`[config] ${shown}: fixed; using it again`);
      return;
    }
    const signature = JSON.stringify(errors);
    // Errors in the config itself mean defaults; a missing clause folder or a broken clause file
    // only drops those clauses.
    const consequence = configUsed ? 'the rest of the config still applies' : 'using defaults until it is fixed';
    this.output.warn(`[config] ${shown}: ${errors.length} error${errors.length === 1 ? '' : 's'}; ${consequence}`);
    for (const e of errors) this.output.warn(`[config] ${formatConfigError(e)}`);
    if (this.notified.get(key) === signature) return;
    const first = this.notified.has(key);
    this.notified.set(key, signature);
    if (first) return; // already notified about this file being broken; the output channel has the update
    const open = 'Open Config';
    const details = 'Show Details';
    void vscode.window
      .showWarningMessage(
        `POV Lint: ${shown} has ${errors.length === 1 ? 'an error' : `${errors.length} errors`} (${errors[0]!.message}); ${consequence}.`,
        open,
        details,
      )
      .then((choice) => {
        if (choice === open) void vscode.window.showTextDocument(file, { selection: errorRange(errors[0]!) });
        else if (choice === details) this.output.show(true);
      });
  }

  /** Each error as a diagnostic on its own file: the config, or the broken clause file. */
  private showDiagnostics(key: string, config: vscode.Uri, errors: readonly ConfigError[]): void {
    for (const uri of this.diagnosed.get(key) ?? []) this.diagnostics.delete(uri);
    const byFile = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    for (const e of errors) {
      const uri = (e.file !== undefined && this.clauseUris.get(e.file)) || config;
      const entry = byFile.get(uri.toString()) ?? { uri, list: [] };
      const d = new vscode.Diagnostic(errorRange(e), e.key ? `${e.key}: ${e.message}` : e.message, vscode.DiagnosticSeverity.Error);
      d.source = 'povlint';
      entry.list.push(d);
      byFile.set(uri.toString(), entry);
    }
    for (const { uri, list } of byFile.values()) this.diagnostics.set(uri, list);
    this.diagnosed.set(key, [...byFile.values()].map((x) => x.uri));
  }

  dispose(): void {
    this.changed.dispose();
    this.diagnostics.dispose();
  }
}

function errorRange(e: ConfigError): vscode.Range {
  const p = new vscode.Position(Math.max(0, e.line - 1), Math.max(0, e.column - 1));
  return new vscode.Range(p, p);
}
