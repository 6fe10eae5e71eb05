/**
 * The one config resolver: discovery (`.povlint.jsonc`, then `.povlint.json`, from a file's folder
 * upward, or one named file), validation, custom clause libraries, and the skip policy (ignore
 * globs, the size limit, decoding). Both adapters use it: the CLI over `node:fs`, the editor over
 * `vscode.workspace.fs`. Pure: it reaches files only through the small `ConfigFs` interface, and
 * paths are `/`-separated strings (a file path in the CLI, a URI's path in the editor).
 */
import { loadLibrary, type ClauseFile } from '../clauses/library.js';
import type { Clause } from '../clauses/types.js';
import { matchesIgnore } from './ignore.js';
import { locateKey, parseConfig } from './parse.js';
import type { ConfigError, PovlintConfig } from './types.js';

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = ['.povlint.jsonc', '.povlint.json'] as const;

/** The default clause folder, relative to the config file. A missing default folder is fine. */
export const DEFAULT_CLAUSE_PATH = '.povlint/clauses/';

export type EntryType = 'file' | 'dir' | 'other';

/** What the resolver needs of a file system. */
export interface ConfigFs {
  /** The bytes of a file; rejects when it cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  /** The entries of a folder; rejects when it cannot be listed. */
  readDir(path: string): Promise<Array<{ name: string; type: EntryType }>>;
  /** What is at `path`, or undefined when nothing is (never rejects). */
  stat(path: string): Promise<{ type: EntryType; size: number } | undefined>;
}

export interface ResolverOptions {
  fs: ConfigFs;
  /** How a path is named in errors (relative to the working or workspace folder). */
  display: (path: string) => string;
  /** A config file named by the user (`--config`): used for every file, no discovery. */
  explicit?: string;
  /** Discovery looks no higher than this folder (the workspace folder); the file-system root by default. */
  top?: string;
  /** The folder defaults apply from when no config file is found (its `.povlint/clauses/` still loads). */
  defaultsDir: string;
}

export interface ResolvedConfig {
  /** The config file, when one was found or named. */
  path?: string;
  /** The folder `ignore` globs and clause paths are relative to. */
  dir: string;
  /** The config; empty when the file has errors (defaults apply). */
  config: PovlintConfig;
  /** Whether the config file itself is valid (clause errors leave it valid). */
  valid: boolean;
  /** Custom clauses only. */
  clauses: Clause[];
  /** The custom clause files read, by the name their errors give. */
  clauseFiles: Map<string, string>;
  errors: ConfigError[];
}

/** `/`-separated path helpers (no `node:path`). */
export const paths = {
  dirname(p: string): string {
    const trimmed = p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
    const i = trimmed.lastIndexOf('/');
    if (i < 0) return '.';
    if (i === 0) return '/';
    // A Windows drive root stays itself: `C:/` has no parent.
    if (i === 2 && /^[A-Za-z]:/.test(trimmed)) return trimmed.slice(0, 3);
    return trimmed.slice(0, i);
  },
  join(base: string, rel: string): string {
    if (rel.startsWith('/') || /^[A-Za-z]:\//.test(rel)) return paths.normalize(rel);
    return paths.normalize(`${base.endsWith('/') ? base : `${base}/`}${rel}`);
  },
  normalize(p: string): string {
    const abs = p.startsWith('/');
    const out: string[] = [];
    for (const seg of p.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..' && !/^[A-Za-z]:$/.test(out[out.length - 1]!)) out.pop();
      else if (seg !== '..' || !abs) out.push(seg);
    }
    const joined = out.join('/');
    return abs ? `/${joined}` : /^[A-Za-z]:$/.test(joined) ? `${joined}/` : joined || '.';
  },
  /** `path` relative to `dir`, or undefined when it is not inside `dir`. */
  inside(dir: string, path: string): string | undefined {
    const base = dir.endsWith('/') ? dir : `${dir}/`;
    return path.startsWith(base) ? path.slice(base.length) : undefined;
  },
};

export class ConfigResolver {
  private readonly byDir = new Map<string, Promise<ResolvedConfig>>();
  private readonly byFile = new Map<string, Promise<ResolvedConfig>>();

  constructor(private readonly options: ResolverOptions) {}

  /** Forgets everything read (a config or clause file changed). */
  invalidate(): void {
    this.byDir.clear();
    this.byFile.clear();
  }

  /** The config that applies to a file at `path`. */
  forFile(path: string): Promise<ResolvedConfig> {
    return this.forDir(paths.dirname(path));
  }

  /** The config that applies to files in `dir`. */
  forDir(dir: string): Promise<ResolvedConfig> {
    const { explicit } = this.options;
    if (explicit !== undefined) return this.load(explicit, true);
    let found = this.byDir.get(dir);
    if (!found) {
      found = this.discover(dir);
      this.byDir.set(dir, found);
    }
    return found;
  }

  private async discover(dir: string): Promise<ResolvedConfig> {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = paths.join(dir, name);
      if ((await this.options.fs.stat(candidate))?.type === 'file') return this.load(candidate, false);
    }
    const { top } = this.options;
    const up = paths.dirname(dir);
    if (up === dir || (top !== undefined && (dir === top || paths.inside(top, dir) === undefined))) return this.defaults();
    return this.forDir(up);
  }

  /** Defaults, with the default clause folder of the defaults folder. */
  defaults(): Promise<ResolvedConfig> {
    let found = this.byFile.get('');
    if (!found) {
      found = this.withClauses({ dir: this.options.defaultsDir, config: {}, valid: true, clauses: [], clauseFiles: new Map(), errors: [] }, undefined);
      this.byFile.set('', found);
    }
    return found;
  }

  private load(path: string, named: boolean): Promise<ResolvedConfig> {
    let found = this.byFile.get(path);
    if (!found) {
      found = this.read(path, named);
      this.byFile.set(path, found);
    }
    return found;
  }

  private async read(path: string, named: boolean): Promise<ResolvedConfig> {
    const shown = this.options.display(path);
    const dir = paths.dirname(path);
    const fail = (message: string): ResolvedConfig => ({
      path,
      dir,
      config: {},
      valid: false,
      clauses: [],
      clauseFiles: new Map(),
      errors: [{ file: shown, line: 1, column: 1, key: '', message }],
    });
    const info = await this.options.fs.stat(path);
    if (!info) return fail(named ? 'config file not found' : 'cannot read config file (it disappeared)');
    let bytes: Uint8Array;
    try {
      bytes = await this.options.fs.readFile(path);
    } catch (e) {
      return fail(`cannot read config file (${errorText(e)})`);
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) return fail(`cannot read config file: ${decoded.reason}`);
    const { config, errors } = parseConfig(decoded.text, shown);
    if (errors.length > 0) return { path, dir, config: {}, valid: false, clauses: [], clauseFiles: new Map(), errors };
    return this.withClauses({ path, dir, config, valid: true, clauses: [], clauseFiles: new Map(), errors: [] }, decoded.text);
  }

  /** Loads `clauses.paths` (default `.povlint/clauses/`, which may be missing). */
  private async withClauses(resolved: ResolvedConfig, text: string | undefined): Promise<ResolvedConfig> {
    const { fs, display } = this.options;
    const explicitPaths = resolved.config.clauses?.paths;
    const list = explicitPaths ?? [DEFAULT_CLAUSE_PATH];
    const shown = resolved.path !== undefined ? display(resolved.path) : undefined;
    const files: ClauseFile[] = [];
    for (const [i, p] of list.entries()) {
      const folder = paths.join(resolved.dir, p);
      const info = await fs.stat(folder);
      if (info?.type !== 'dir') {
        if (explicitPaths === undefined) continue;
        const where = text !== undefined ? locateKey(text, ['clauses', 'paths', i]) : { line: 1, column: 1 };
        resolved.errors.push({
          ...(shown !== undefined ? { file: shown } : {}),
          ...where,
          key: `clauses.paths[${i}]`,
          message: info ? `"${p}" is not a folder` : `clause folder "${p}" does not exist (looked for ${display(folder)})`,
        });
        continue;
      }
      let entries: Array<{ name: string; type: EntryType }>;
      try {
        entries = await fs.readDir(folder);
      } catch (e) {
        resolved.errors.push({ file: display(folder), line: 1, column: 1, key: '', message: `cannot list clause folder (${errorText(e)})` });
        continue;
      }
      const names = entries.filter((e) => e.type === 'file' && e.name.toLowerCase().endsWith('.md')).map((e) => e.name).sort();
      for (const name of names) {
        const file = paths.join(folder, name);
        const fileShown = display(file);
        resolved.clauseFiles.set(fileShown, file);
        let decoded: DecodeResult;
        try {
          decoded = decodeText(await fs.readFile(file));
        } catch (e) {
          decoded = { ok: false, reason: errorText(e), skip: 'unreadable' };
        }
        if (!decoded.ok) {
          resolved.errors.push({ file: fileShown, line: 1, column: 1, key: '', message: `cannot read clause file: ${decoded.reason}` });
          continue;
        }
        files.push({ path: fileShown, text: decoded.text });
      }
    }
    if (files.length > 0) {
      const library = loadLibrary(files, []);
      resolved.clauses = library.clauses;
      for (const e of library.errors) resolved.errors.push({ file: e.source, line: e.line, column: e.column, key: e.key ?? '', message: e.message });
    }
    return resolved;
  }
}

function errorText(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return err?.code ?? err?.message ?? String(e);
}

// ---------------------------------------------------------------------------------------------
// The skip policy: which files are not linted, and why.

export type SkipKind = 'ignored' | 'too-large' | 'binary' | 'encoding' | 'unreadable';

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string; skip: SkipKind };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Checks and decodes bytes: NUL bytes mean binary; anything that is not valid UTF-8 is refused
 * rather than guessed at. A UTF-8 byte order mark is removed, so offsets in findings refer to the
 * text after it (as editors show it).
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.indexOf(0) !== -1) return { ok: false, reason: 'binary file (contains NUL bytes)', skip: 'binary' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text', skip: 'encoding' };
  }
  return { ok: true, text: stripBom(text) };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Whether the config's `ignore` globs skip the file at `path`. */
export function isIgnored(resolved: Pick<ResolvedConfig, 'dir'>, ignore: readonly string[] | undefined, path: string): boolean {
  if (!ignore?.length) return false;
  const rel = paths.inside(resolved.dir, path);
  return rel !== undefined && matchesIgnore(rel, ignore);
}

/** Whether a file of `sizeBytes` is over the limit. */
export function isTooLarge(sizeBytes: number, limitKB: number): boolean {
  return sizeBytes > limitKB * 1024;
}

/** Why a file over the size limit was skipped, naming both ways to raise the limit. */
export function tooLargeReason(sizeBytes: number, limitKB: number, setting = '--max-file-size'): string {
  const kb = Math.ceil(sizeBytes / 1024);
  return `file is ${kb} KB, over the ${limitKB} KB limit; raise it with ${setting} ${Math.max(kb, Math.ceil(limitKB))} or "maxFileSizeKB" in .povlint.jsonc`;
}
