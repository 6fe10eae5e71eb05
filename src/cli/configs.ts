/**
 * The CLI's side of config resolution: a `node:fs` implementation of the core's `ConfigFs`, and
 * the resolver over it. Discovery, validation, clause loading and the skip policy are the core's
 * (`src/core/config/resolve.ts`); the editor uses the same resolver over `workspace.fs`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { ConfigResolver, type ConfigError, type ConfigFs, type ResolvedConfig } from '../core/index.js';
import { displayPath, type Input } from './files.js';

export type LoadedConfig = ResolvedConfig;

/** `node:fs` behind the core's file-system interface; paths are `/`-separated. */
export const nodeConfigFs: ConfigFs = {
  readFile: async (path) => readFile(fromPosix(path)),
  readDir: async (path) =>
    (await readdir(fromPosix(path), { withFileTypes: true })).map((d) => ({ name: d.name, type: d.isFile() ? 'file' : d.isDirectory() ? 'dir' : 'other' })),
  stat: async (path) => {
    const info = await stat(fromPosix(path)).catch(() => undefined);
    return info ? { type: info.isFile() ? 'file' : info.isDirectory() ? 'dir' : 'other', size: info.size } : undefined;
  },
};

export const toPosix = (path: string): string => path.split(sep).join('/');
const fromPosix = (path: string): string => (sep === '/' ? path : path.split('/').join(sep));

/** The config resolver for a run from `cwd`, optionally with `--config FILE`. */
export function configResolver(cwd: string, explicit?: string): ConfigResolver {
  return new ConfigResolver({
    fs: nodeConfigFs,
    display: (path) => displayPath(cwd, fromPosix(path)),
    ...(explicit !== undefined ? { explicit: toPosix(resolve(cwd, explicit)) } : {}),
    defaultsDir: toPosix(cwd),
  });
}

/**
 * The config of every input's folder, resolved before any file is read, and the errors of each
 * distinct config once, so a broken config stops a run before a single file is linted.
 */
export async function configsForInputs(resolver: ConfigResolver, inputs: readonly Input[], cwd: string): Promise<{ configFor: (input: Input) => LoadedConfig; errors: ConfigError[] }> {
  const configs = new Map<string, LoadedConfig>();
  const seen = new Set<LoadedConfig>();
  const errors: ConfigError[] = [];
  const dirOf = (input: Input): string => (input.path ? dirname(input.path) : cwd);
  for (const input of inputs) {
    const dir = dirOf(input);
    if (configs.has(dir)) continue;
    const loaded = await resolver.forDir(toPosix(dir));
    configs.set(dir, loaded);
    if (!seen.has(loaded)) {
      seen.add(loaded);
      errors.push(...loaded.errors);
    }
  }
  return { configFor: (input) => configs.get(dirOf(input))!, errors };
}
