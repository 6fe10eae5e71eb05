/**
 * The CLI's file-system port: expanding inputs into files and reading one file as text.
 * Files are only ever read; nothing here opens a file for writing.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { decodeText, isTooLarge, tooLargeReason } from '../core/index.js';
import { convertDocx, type DocxConversion } from '../docx/index.js';

/** Folders never searched. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git']);

const MARKDOWN = /\.(md|markdown)$/i;
const DOCX = /\.docx$/i;
/** Word's lock file for an open document (`~$name.docx`): never a document. */
const WORD_LOCK_FILE = /(?:^|[\\/])~\$[^\\/]*$/;

export interface ExpandOptions {
  /** Folders and globs also yield Word documents (`*.docx`). */
  includeDocx?: boolean;
}

export interface Input {
  /** Absolute path; undefined for standard input. */
  path?: string;
  /** Named on the command line (rather than found in a folder or by a glob). */
  explicit: boolean;
}

/** `/`-separated path relative to `cwd` (absolute when on another drive). */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return (rel === '' ? '.' : isAbsolute(rel) ? path : rel).split(sep).join('/');
}

async function* walk(dir: string, accept: (abs: string) => boolean): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) yield* walk(abs, accept);
    } else if (e.isFile() || e.isSymbolicLink()) {
      if (accept(abs)) yield abs;
    }
  }
}

const isGlob = (input: string): boolean => picomatch.scan(input).isGlob;

/**
 * Expands inputs (files, folders, globs, `-`) into files, in order, each once. Inputs that match
 * nothing are reported through `missing`.
 */
export async function* expandInputs(inputs: string[], cwd: string, missing: (input: string, why: string) => void, options: ExpandOptions = {}): AsyncGenerator<Input> {
  const seen = new Set<string>();
  const wantedDocx = (p: string): boolean => options.includeDocx === true && DOCX.test(p) && !WORD_LOCK_FILE.test(p);
  // Without the switch, globs leave Word documents out as folders do.
  const wantedByGlob = (p: string): boolean => !DOCX.test(p) || wantedDocx(p);
  let stdinSeen = false;
  for (const input of inputs) {
    if (input === '-') {
      if (!stdinSeen) yield { explicit: true };
      stdinSeen = true;
      continue;
    }
    const abs = resolve(cwd, input);
    const info = await stat(abs).catch(() => undefined);
    if (info?.isDirectory()) {
      for await (const file of walk(abs, (p) => MARKDOWN.test(p) || wantedDocx(p))) {
        if (!seen.has(file)) {
          seen.add(file);
          yield { path: file, explicit: false };
        }
      }
      continue;
    }
    if (info) {
      if (!seen.has(abs)) {
        seen.add(abs);
        yield { path: abs, explicit: true };
      }
      continue;
    }
    if (!isGlob(input)) {
      missing(input, 'no such file or folder');
      continue;
    }
    const pattern = input.split(sep).join('/');
    const scan = picomatch.scan(pattern);
    const base = resolve(cwd, scan.base === '' ? '.' : scan.base);
    const match = picomatch(scan.glob, { dot: false });
    let found = false;
    let leftOut = false;
    const accept = (p: string): boolean => {
      if (!match(relative(base, p).split(sep).join('/'))) return false;
      if (wantedByGlob(p)) return true;
      leftOut = true;
      return false;
    };
    for await (const file of walk(base, accept)) {
      found = true;
      if (!seen.has(file)) {
        seen.add(file);
        yield { path: file, explicit: false };
      }
    }
    if (!found) missing(input, leftOut ? 'only Word documents match this pattern; add --include-docx to lint them' : 'no files match this pattern');
  }
}

/** Reads a file's bytes read-only (for Word documents, which are not text). */
export async function readBinaryFile(path: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
  let handle;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, reason: 'not a regular file' };
    return { ok: true, bytes: await handle.readFile() };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { ok: false, reason: `cannot read file (${err.code ?? err.message})` };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Reads a Word document read-only and converts it: Markdown and its paragraph map, or why not. */
export async function readWordFile(path: string): Promise<DocxConversion> {
  const read = await readBinaryFile(path);
  return read.ok ? convertDocx(read.bytes) : read;
}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string; tooLarge?: boolean };

/** Reads one file read-only, refusing it before reading when it is over `limitKB`. */
export async function readTextFile(path: string, limitKB: number): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, reason: 'not a regular file' };
    if (isTooLarge(info.size, limitKB)) return { ok: false, reason: tooLargeReason(info.size, limitKB), tooLarge: true };
    const bytes = await handle.readFile();
    return decodeText(bytes);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { ok: false, reason: `cannot read file (${err.code ?? err.message})` };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
