/**
 * Finds and loads `.povlint.jsonc` / `.povlint.json` for a document through `vscode.workspace.fs`
 * (so it works in virtual workspaces and on vscode.dev): nearest file from the document's folder
 * up to its workspace folder, custom clauses from `clauses.paths`. A broken config gives one
 * notification with "Open Config", details in the output channel, and defaults until it is fixed.
 * The config is data only; nothing from the workspace is executed.
 */
import * as vscode from 'vscode';
import { builtinClauses } from '../core/host.js';
import { mergeClauses } from '../core/host.js';
import type { Clause } from '../core/host.js';
import {
  CONFIG_FILE_NAMES,
  ConfigResolver,
  DEFAULT_CLAUSE_PATH,
  formatConfigError,
  paths,
  type ConfigError,
  type ConfigFs,
  type PovlintConfig,
  type ResolvedConfig,
} from '../core/host.js';

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

async function stat(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

const entryType = (t: vscode.FileType): 'file' | 'dir' | 'other' =>
  t & vscode.FileType.File ? 'file' : t & vscode.FileType.Directory ? 'dir' : 'other';

/** `vscode.workspace.fs` behind the core's file-system interface, for paths of one scheme and authority. */
function workspaceFs(base: vscode.Uri): ConfigFs {
  const at = (path: string): vscode.Uri => base.with({ path });
  return {
    readFile: async (path) => vscode.workspace.fs.readFile(at(path)),
    readDir: async (path) => (await vscode.workspace.fs.readDirectory(at(path))).map(([name, type]) => ({ name, type: entryType(type) })),
    stat: async (path) => {
      const info = await stat(at(path));
      return info ? { type: entryType(info.type), size: info.size } : undefined;
    },
  };
}

export class ConfigStore implements vscode.Disposable {
  /** One resolver per discovery root (a workspace folder, or a folder outside any workspace). */
  private readonly resolvers = new Map<string, { resolver: ConfigResolver; base: vscode.Uri }>();
  /** Broken config files we have notified about, with the errors we notified. */
  private readonly notified = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Errors of configs and custom clause files, as diagnostics on the file at fault. */
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('povlint-config');
  /** The files each config's errors were shown on, to clear them when it is fixed. */
  private readonly diagnosed = new Map<string, vscode.Uri[]>();
  /** What each resolved config became for the editor (one object per resolved config). */
  private readonly loaded = new WeakMap<ResolvedConfig, LoadedConfig>();
  readonly onDidChange = this.changed.event;
  /** The built-in clause library, one array for every config without custom clauses. */
  readonly builtins = builtinClauses();

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
    for (const { resolver } of this.resolvers.values()) resolver.invalidate();
    this.changed.fire();
  }

  get trusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  /** The config that applies to a document. */
  async forDocument(uri: vscode.Uri): Promise<LoadedConfig> {
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri) ?? (uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0] : undefined);
    if (uri.scheme === 'untitled' && !workspaceFolder) return { customClauses: [], clauses: this.builtins, errors: [] };
    const folder = uri.scheme === 'untitled' ? workspaceFolder!.uri : uri.with({ path: paths.dirname(uri.path) });
    // Discovery stops at the workspace folder; outside a workspace, a local file looks up to the
    // root and any other file only in its own folder.
    const top = workspaceFolder?.uri ?? (folder.scheme === 'file' ? undefined : folder);
    const { resolver, base } = this.resolverFor(folder, top);
    const resolved = await resolver.forDir(folder.path);
    return this.toLoaded(resolved, base);
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

  private resolverFor(folder: vscode.Uri, top: vscode.Uri | undefined): { resolver: ConfigResolver; base: vscode.Uri } {
    const root = top ?? folder;
    const key = top ? top.toString() : `${folder.scheme}://${folder.authority}`;
    let entry = this.resolvers.get(key);
    if (!entry) {
      const base = root.with({ path: '/', query: '', fragment: '' });
      entry = {
        base,
        resolver: new ConfigResolver({
          fs: workspaceFs(base),
          display: (path) => vscode.workspace.asRelativePath(base.with({ path })),
          ...(top ? { top: top.path } : {}),
          defaultsDir: root.path,
        }),
      };
      this.resolvers.set(key, entry);
    }
    return entry;
  }

  /** The editor's view of a resolved config; reports its errors once per resolution. */
  private toLoaded(resolved: ResolvedConfig, base: vscode.Uri): LoadedConfig {
    const known = this.loaded.get(resolved);
    if (known) return known;
    const file = resolved.path !== undefined ? base.with({ path: resolved.path }) : undefined;
    const customClauses = resolved.clauses;
    const loaded: LoadedConfig = {
      ...(file ? { file } : {}),
      folder: base.with({ path: resolved.dir }),
      ...(resolved.valid ? { config: resolved.config } : {}),
      customClauses,
      clauses: customClauses.length ? mergeClauses(this.builtins, customClauses) : this.builtins,
      errors: resolved.errors,
    };
    this.loaded.set(resolved, loaded);
    const clauseUris = new Map([...resolved.clauseFiles].map(([shown, path]) => [shown, base.with({ path })]));
    // Errors of the defaults' clause folder are shown on the clause files themselves.
    this.report(file ?? base.with({ path: resolved.dir }), resolved.errors, resolved.valid, clauseUris);
    return loaded;
  }

  /** One notification per broken state of a file; details in the output channel; cleared when fixed. */
  private report(file: vscode.Uri, errors: readonly ConfigError[], configUsed: boolean, clauseUris: ReadonlyMap<string, vscode.Uri>): void {
    const key = file.toString();
    const shown = vscode.workspace.asRelativePath(file);
    this.showDiagnostics(key, file, errors, clauseUris);
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
  private showDiagnostics(key: string, config: vscode.Uri, errors: readonly ConfigError[], clauseUris: ReadonlyMap<string, vscode.Uri>): void {
    for (const uri of this.diagnosed.get(key) ?? []) this.diagnostics.delete(uri);
    const byFile = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    for (const e of errors) {
      const uri = (e.file !== undefined && clauseUris.get(e.file)) || config;
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
