/**
 * CLI test harness: real files in a temp folder, `run(argv, io)` in-process with a recording
 * io, and the built binary (`node bin/povlint.js`) spawned with the same arguments.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cliBundleOptions } from '../../scripts/cli-bundle.mjs';
import { afterAll, expect } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const binPath = join(repoRoot, 'bin', 'povlint.js');

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export type Tree = Record<string, string | Uint8Array>;

export async function makeTree(files: Tree): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'povlint-cli-'));
  await writeTree(dir, files);
  return dir;
}

export async function writeTree(dir: string, files: Tree): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(dir, rel);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}

export async function removeTree(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export interface RunOptions {
  stdin?: string | Uint8Array;
  isTTY?: boolean;
  env?: Record<string, string | undefined>;
}

export async function runInProcess(argv: string[], cwd: string, options: RunOptions = {}): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => {
      const input = options.stdin ?? '';
      if (typeof input === 'string') return input;
      try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
      } catch {
        throw new Error('not valid UTF-8 text');
      }
    },
    cwd,
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/**
 * Builds dist/cli.js the way `npm run build` does, so the spawned half tests current sources.
 * Test files run in parallel, so the bundle is written to a temporary file and renamed into
 * place: a spawned binary never reads a half-written bundle.
 */
export async function buildCli(): Promise<void> {
  const outfile = join(repoRoot, 'dist', 'cli.js');
  const result = await build({
    ...cliBundleOptions(repoRoot),
    outfile,
    write: false,
    logLevel: 'error',
  });
  const bundle = result.outputFiles.find((f) => f.path === outfile);
  if (!bundle) throw new Error('esbuild produced no dist/cli.js');
  await mkdir(dirname(outfile), { recursive: true });
  const temp = `${outfile}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, bundle.contents);
  await rename(temp, outfile);
  if (!existsSync(outfile)) throw new Error('dist/cli.js was not built');
}

export function runSpawned(argv: string[], cwd: string, options: RunOptions & { nodeArgs?: string[] } = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'NO_COLOR' && k !== 'FORCE_COLOR') env[k] = v;
    for (const [k, v] of Object.entries(options.env ?? {})) if (v !== undefined) env[k] = v;
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), binPath, ...argv], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** What a scenario expects on a stream: the exact text, a pattern, or assertions of its own. */
export type Expect = string | RegExp | ((text: string) => void);

/** One CLI run: files on disk, arguments, standard input, and the exit code and output it must give. */
export interface Scenario {
  name: string;
  files?: Tree;
  argv: string[];
  stdin?: string | Uint8Array;
  code: number;
  stdout: Expect;
  stderr: Expect;
}

function check(actual: string, expected: Expect): void {
  if (typeof expected === 'string') expect(actual).toBe(expected);
  else if (expected instanceof RegExp) expect(actual).toMatch(expected);
  else expected(actual);
}

/** Exit code, stdout and stderr together, with the whole outcome shown when the code differs. */
export function assertOutcome(outcome: Outcome, s: Scenario): void {
  const context = `exit ${outcome.code}\n--- stdout\n${outcome.stdout}--- stderr\n${outcome.stderr}`;
  expect(outcome.code, context).toBe(s.code);
  check(outcome.stdout, s.stdout);
  check(outcome.stderr, s.stderr);
}

/** Makes each scenario's file tree in a fresh folder; the folders are removed after the test file. */
export function scenarioTrees(): (s: Scenario) => Promise<string> {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map(removeTree));
  });
  return async (s) => {
    const dir = await makeTree(s.files ?? {});
    dirs.push(dir);
    return dir;
  };
}
