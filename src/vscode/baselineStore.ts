/**
 * Reads the baseline file a config names (`"baseline"` in `.povlint.jsonc`) through
 * `vscode.workspace.fs`, so it works in virtual workspaces and on vscode.dev, keeps it until the
 * file changes, and watches each file it has read: a changed, created or deleted baseline re-lints
 * the open documents. A broken or missing file is logged once and counts as no baseline (every
 * finding is shown as new), never as an error in the documents.
 */
import * as vscode from 'vscode';
import { formatBaselineError, paths, parseBaseline, decodeText, type Baseline } from '../core/host.js';
import type { LoadedConfig } from './configStore.js';
import { baselineFileFor } from './model/baseline.js';

export interface LoadedBaseline {
  /** The baseline file. */
  uri: vscode.Uri;
  /** Its path, `/`-separated (entry paths are relative to its folder). */
  path: string;
  /** The baseline, or undefined when the file is missing or broken. */
  baseline?: Baseline;
}

export class BaselineStore implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<LoadedBaseline>>();
  private readonly watchers = new Map<string, vscode.Disposable>();
  /** What was last logged about each file, so a problem is logged once. */
  private readonly logged = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a baseline file that was read changes, is created or deleted. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  /** The baseline named by a document's config, or undefined when the config names none. */
  forConfig(loaded: LoadedConfig): Promise<LoadedBaseline> | undefined {
    const path = baselineFileFor(loaded.config, loaded.folder?.path);
    if (path === undefined || !loaded.folder) return undefined;
    const uri = loaded.folder.with({ path });
    const key = uri.toString();
    let found = this.cache.get(key);
    if (!found) {
      found = this.read(uri);
      this.cache.set(key, found);
      this.watch(uri);
    }
    return found;
  }

  private async read(uri: vscode.Uri): Promise<LoadedBaseline> {
    const shown = vscode.workspace.asRelativePath(uri);
    const result: LoadedBaseline = { uri, path: uri.path };
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      this.log(uri, `[baseline] ${shown} does not exist (named by "baseline" in the config); every finding is shown as new until it is written with \`povlint --write-baseline\``);
      return result;
    }
    const decoded = decodeText(bytes);
    const { baseline, errors } = decoded.ok ? parseBaseline(decoded.text, shown) : { baseline: undefined, errors: [] };
    if (!baseline) {
      const why = decoded.ok ? errors.map(formatBaselineError).join('; ') : decoded.reason;
      this.log(uri, `[baseline] ${shown} cannot be used (${why}); every finding is shown as new until it is fixed`);
      return result;
    }
    this.log(uri, `[baseline] ${shown}: ${baseline.entries.reduce((n, e) => n + e.count, 0)} recorded findings`);
    return { ...result, baseline };
  }

  private log(uri: vscode.Uri, line: string): void {
    if (this.logged.get(uri.toString()) === line) return;
    this.logged.set(uri.toString(), line);
    this.output.info(line);
  }

  private watch(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.watchers.has(key)) return;
    const folder = uri.with({ path: paths.dirname(uri.path) });
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, name));
    const reload = (): void => {
      this.cache.delete(key);
      this.changed.fire();
    };
    this.watchers.set(key, vscode.Disposable.from(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload)));
  }

  dispose(): void {
    for (const w of this.watchers.values()) w.dispose();
    this.watchers.clear();
    this.changed.dispose();
  }
}
