/**
 * The CLI's side of config resolution: a `node:fs` implementation of the core's `ConfigFs`, and
 * the resolver over it. Discovery, validation, clause loading and the skip policy are the core's
 * (`src/core/config/resolve.ts`); the editor uses the same resolver over `workspace.fs`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { ConfigResolver, type ConfigFs, type ResolvedConfig } from '../core/index.js';
import { displayPath } from './files.js';

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
