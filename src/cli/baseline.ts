/**
 * The CLI's side of the baseline: which file, reading and writing it, and the paths its entries are
 * relative to. The format, keys and matching are the core's (`src/core/baseline`).
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  BaselineMatcher,
  baselineDocumentPath,
  baselineFileOf,
  DEFAULT_BASELINE_FILE,
  decodeText,
  formatBaselineError,
  parseBaseline,
  rewriteBaseline,
  serialiseBaseline,
  type Baseline,
  type FindingKey,
} from '../core/index.js';
import type { CliOptions } from './args.js';
import { toPosix, type LoadedConfig } from './configs.js';
import { displayPath } from './files.js';

export interface BaselinePlan {
  /** Absolute path of the baseline file. */
  file: string;
  /** As shown to the user. */
  shown: string;
  /** Match findings against it (`--baseline`, or `baseline` in the config). */
  match: boolean;
  /** Write it at the end (`--write-baseline`). */
  write: boolean;
  /** Why this file: the option, or the config key that named it. */
  origin: string;
}

/**
 * The baseline of a run, or undefined when none is used: `--baseline FILE` / `--write-baseline FILE`
 * (relative to the working directory), else `baseline` in the config of the working directory
 * (relative to that config), else `.povlint-baseline.json` in the working directory. A baseline
 * named in the config is matched without `--baseline` unless `--no-baseline` is given.
 */
export function planBaseline(options: CliOptions, cwdConfig: LoadedConfig, cwd: string): BaselinePlan | undefined {
  const fromConfig = cwdConfig.config.baseline;
  const match = options.baseline !== undefined || (fromConfig !== undefined && !options.noBaseline && options.writeBaseline === undefined);
  const write = options.writeBaseline !== undefined;
  if (!match && !write) return undefined;
  const named = typeof options.baseline === 'string' ? options.baseline : typeof options.writeBaseline === 'string' ? options.writeBaseline : undefined;
  let file: string;
  let origin: string;
  if (named !== undefined) {
    file = resolve(cwd, named);
    origin = typeof options.baseline === 'string' ? '--baseline' : '--write-baseline';
  } else if (fromConfig !== undefined && !options.noBaseline) {
    file = resolve(baselineFileOf(fromConfig, cwdConfig.dir)!);
    origin = `"baseline" in ${displayPath(cwd, cwdConfig.path ?? cwd)}`;
  } else {
    file = resolve(cwd, DEFAULT_BASELINE_FILE);
    origin = options.baseline !== undefined ? '--baseline' : '--write-baseline';
  }
  return { file, shown: displayPath(cwd, file), match, write, origin };
}

export type LoadResult = { ok: true; baseline: Baseline | undefined } | { ok: false; errors: string[] };

/**
 * Reads the baseline file. A missing file is an error when the run matches against it (a CI run
 * must not silently report everything as new), and no baseline when it is only to be written.
 */
export async function loadBaseline(plan: BaselinePlan): Promise<LoadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(plan.file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !plan.match) return { ok: true, baseline: undefined };
    const why = code === 'ENOENT' ? `no such file (named by ${plan.origin}); create it with \`povlint --write-baseline${plan.origin === '--baseline' && plan.shown !== DEFAULT_BASELINE_FILE ? ` ${plan.shown}` : ''} <files>\`` : `cannot read it (${code ?? (e as Error).message})`;
    return { ok: false, errors: [`povlint: error: baseline ${plan.shown}: ${why}`] };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, errors: [`povlint: error: baseline ${plan.shown}: ${decoded.reason}`] };
  // An empty file is a baseline still to be written.
  if (decoded.text.trim() === '' && !plan.match) return { ok: true, baseline: undefined };
  const { baseline, errors } = parseBaseline(decoded.text, plan.shown);
  if (!baseline) return { ok: false, errors: errors.map(formatBaselineError) };
  return { ok: true, baseline };
}

/** A linted file's path as baseline entries spell it: `/`-separated, relative to the baseline's folder. */
export function baselinePath(plan: BaselinePlan, file: string | undefined): string {
  return file === undefined ? '<stdin>' : baselineDocumentPath(toPosix(plan.file), toPosix(file));
}

/** The baseline's folder relative to the working directory, `/`-separated (`.` when the same). */
export function baselineDir(plan: BaselinePlan, cwd: string): string {
  return displayPath(cwd, dirname(plan.file));
}

/** Whether an entry's document no longer exists (its entries are stale wherever the run looked). */
export function goneFrom(plan: BaselinePlan): (path: string) => boolean {
  return (path) => path !== '<stdin>' && !existsSync(resolve(dirname(plan.file), ...path.split('/')));
}

/**
 * The file to write: with `--baseline` (pruning), the old baseline without stale entries; else this
 * run's findings plus the old entries of documents this run did not lint.
 */
export function nextBaseline(plan: BaselinePlan, previous: Baseline | undefined, matcher: BaselineMatcher | undefined, documents: { path: string; keys: FindingKey[] }[]): Baseline {
  const gone = goneFrom(plan);
  if (plan.match && matcher) return matcher.pruned(gone);
  return rewriteBaseline(previous, documents, gone);
}

/** Writes the file in one step (a temporary file renamed over it), so a reader never sees half of it. */
export async function saveBaseline(plan: BaselinePlan, baseline: Baseline): Promise<void> {
  const temp = `${plan.file}.${process.pid}.tmp`;
  await writeFile(temp, serialiseBaseline(baseline));
  await rename(temp, plan.file);
}
