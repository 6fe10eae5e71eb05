/**
 * Finding and loading config files for the CLI: `.povlint.jsonc`, then `.povlint.json`, from a
 * file's folder upward (one lookup per folder, cached), or the one file given with `--config`.
 * A config's custom clauses (`clauses.paths`, relative to the config file) are loaded with it.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { loadLibrary, type ClauseFile } from '../core/clauses/index.js';
import type { Clause } from '../core/clauses/types.js';
import {
  CONFIG_FILE_NAMES,
  DEFAULT_CLAUSE_PATH,
  DEFAULT_CONFIG,
  locateKey,
  parseConfig,
  type ConfigError,
  type PovlintConfig,
} from '../core/config/index.js';
import { decodeText, displayPath } from './files.js';

export interface LoadedConfig {
  /** Absolute path of the config file; undefined when no file was found (defaults). */
  path?: string;
  /** Folder that `ignore` globs and clause paths are relative to. */
  dir: string;
  config: PovlintConfig;
  clauses: Clause[];
  errors: ConfigError[];
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

export class ConfigLoader {
  private readonly byDir = new Map<string, Promise<LoadedConfig>>();
  private readonly byFile = new Map<string, Promise<LoadedConfig>>();

  constructor(
    private readonly cwd: string,
    /** `--config FILE`: used for every file, no discovery. */
    private readonly explicit?: string,
  ) {}

  /** The config that applies to files in `dir`. */
  forDir(dir: string): Promise<LoadedConfig> {
    if (this.explicit !== undefined) return this.load(resolve(this.cwd, this.explicit), true);
    let found = this.byDir.get(dir);
    if (!found) {
      found = this.discover(dir);
      this.byDir.set(dir, found);
    }
    return found;
  }

  private async discover(dir: string): Promise<LoadedConfig> {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (await isFile(candidate)) return this.load(candidate, false);
    }
    const parent = dirname(dir);
    if (parent === dir) return this.defaults();
    return this.forDir(parent);
  }

  private defaults(): Promise<LoadedConfig> {
    let found = this.byFile.get('');
    if (!found) {
      found = this.withClauses({ dir: this.cwd, config: {}, clauses: [], errors: [] }, undefined);
      this.byFile.set('', found);
    }
    return found;
  }

  private load(path: string, named: boolean): Promise<LoadedConfig> {
    let found = this.byFile.get(path);
    if (!found) {
      found = this.read(path, named);
      this.byFile.set(path, found);
    }
    return found;
  }

  private async read(path: string, named: boolean): Promise<LoadedConfig> {
    const shown = displayPath(this.cwd, path);
    const dir = dirname(path);
    const fail = (message: string): LoadedConfig => ({
      path,
      dir,
      config: {},
      clauses: [],
      errors: [{ file: shown, line: 1, column: 1, key: '', message }],
    });
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return fail(code === 'ENOENT' && named ? 'config file not found' : `cannot read config file (${code ?? (e as Error).message})`);
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) return fail(`cannot read config file: ${decoded.reason}`);
    const { config, errors } = parseConfig(decoded.text, shown);
    const loaded: LoadedConfig = { path, dir, config, clauses: [], errors };
    if (errors.length > 0) return loaded;
    return this.withClauses(loaded, decoded.text);
  }

  /** Loads `clauses.paths` (default `.povlint/clauses/`, which may be missing). */
  private async withClauses(loaded: LoadedConfig, text: string | undefined): Promise<LoadedConfig> {
    const explicitPaths = loaded.config.clauses?.paths;
    const paths = explicitPaths ?? DEFAULT_CONFIG.clauses?.paths ?? [DEFAULT_CLAUSE_PATH];
    const shown = loaded.path ? displayPath(this.cwd, loaded.path) : undefined;
    const files: ClauseFile[] = [];
    for (const [i, p] of paths.entries()) {
      const folder = resolve(loaded.dir, p);
      const info = await stat(folder).catch(() => undefined);
      if (!info?.isDirectory()) {
        if (explicitPaths === undefined) continue;
        const where = text !== undefined ? locateKey(text, ['clauses', 'paths', i]) : { line: 1, column: 1 };
        loaded.errors.push({
          ...(shown !== undefined ? { file: shown } : {}),
          ...where,
          key: `clauses.paths[${i}]`,
          message: info ? `"${p}" is not a folder` : `clause folder "${p}" does not exist (looked for ${displayPath(this.cwd, folder)})`,
        });
        continue;
      }
      const names = (await readdir(folder)).filter((n) => n.toLowerCase().endsWith('.md')).sort();
      for (const name of names) {
        const file = join(folder, name);
        const bytes = await readFile(file).catch(() => undefined);
        const decoded = bytes ? decodeText(bytes) : undefined;
        const fileShown = displayPath(this.cwd, file);
        if (!decoded?.ok) {
          loaded.errors.push({ file: fileShown, line: 1, column: 1, key: '', message: `cannot read clause file: ${decoded?.reason ?? 'unreadable'}` });
          continue;
        }
        files.push({ path: fileShown, text: decoded.text });
      }
    }
    if (files.length > 0) {
      const library = loadLibrary(files, []);
      loaded.clauses = library.clauses;
      for (const e of library.errors) {
        loaded.errors.push({ file: e.source, line: e.line, column: e.column, key: e.key ?? '', message: e.message });
      }
    }
    return loaded;
  }
}
