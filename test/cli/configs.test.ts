/**
 * The CLI's file system for the config resolver (src/cli/configs.ts) over real files: what kind
 * of entry each path is, and a resolver rooted at the working folder that names files relative
 * to it.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configResolver, nodeConfigFs, toPosix } from '../../src/cli/configs.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'povlint-configs-'));
  await writeFile(join(dir, 'a.md'), 'hello');
  await mkdir(join(dir, 'sub'));
  await symlink(join(dir, 'missing-target'), join(dir, 'dangling'));
  await writeFile(join(dir, 'ci.jsonc'), '{ "locale": "zh" }');
  await writeFile(join(dir, 'sub', '.povlint.jsonc'), '{ "locale": 3 }');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('nodeConfigFs', () => {
  it('lists files, folders and other entries by type', async () => {
    const entries = await nodeConfigFs.readDir(toPosix(dir));
    expect(entries.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'a.md', type: 'file' },
      { name: 'ci.jsonc', type: 'file' },
      { name: 'dangling', type: 'other' },
      { name: 'sub', type: 'dir' },
    ]);
  });

  it('states a file with its size', async () => {
    expect(await nodeConfigFs.stat(toPosix(join(dir, 'a.md')))).toEqual({ type: 'file', size: 5 });
  });

  it('states a folder as a folder', async () => {
    expect((await nodeConfigFs.stat(toPosix(join(dir, 'sub'))))?.type).toBe('dir');
  });

  it('states a device as neither file nor folder', async () => {
    expect((await nodeConfigFs.stat('/dev/null'))?.type).toBe('other');
  });

  it('states nothing for a path that does not exist', async () => {
    expect(await nodeConfigFs.stat(toPosix(join(dir, 'nope')))).toBeUndefined();
  });

  it('reads the bytes of a file', async () => {
    expect(new TextDecoder().decode(await nodeConfigFs.readFile(toPosix(join(dir, 'a.md'))))).toBe('hello');
  });
});

describe('configResolver', () => {
  it('resolves --config against the working folder and uses it for every folder', async () => {
    const resolved = await configResolver(dir, 'ci.jsonc').forDir(toPosix(join(dir, 'sub')));
    expect([resolved.path, resolved.config]).toEqual([toPosix(join(dir, 'ci.jsonc')), { locale: 'zh' }]);
  });

  it('names config files relative to the working folder in errors', async () => {
    const resolved = await configResolver(dir).forDir(toPosix(join(dir, 'sub')));
    expect(resolved.errors.map((e) => e.file)).toEqual(['sub/.povlint.jsonc']);
  });

  it('applies defaults from the working folder when no config file is found', async () => {
    const resolved = await configResolver(dir).defaults();
    expect([resolved.path, resolved.dir]).toEqual([undefined, toPosix(dir)]);
  });
});
