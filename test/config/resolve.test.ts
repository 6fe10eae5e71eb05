/**
 * The one config resolver, over an in-memory file system: the same code the CLI runs over
 * `node:fs` and the editor over `workspace.fs`.
 */
import { describe, expect, it } from 'vitest';
import { ConfigResolver, decodeText, isIgnored, isTooLarge, paths, type ConfigFs } from '../../src/core/config/index.js';

const CLAUSE = (id: string, body: string): string =>
  `---\nid: ${id}\ntitle: ${id}\ncategory: risk-allocation\ntopics: [availability]\ndocTypes: [sla]\ndescription: A clause.\nlocale: en\n---\n${body}\n`;

function memoryFs(files: Record<string, string | Uint8Array>): ConfigFs & { reads: string[] } {
  const enc = new TextEncoder();
  const reads: string[] = [];
  const dirs = new Set<string>();
  for (const f of Object.keys(files)) for (let d = paths.dirname(f); d !== '/'; d = paths.dirname(d)) dirs.add(d);
  dirs.add('/');
  return {
    reads,
    async readFile(path) {
      reads.push(path);
      const v = files[path];
      if (v === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return typeof v === 'string' ? enc.encode(v) : v;
    },
    async readDir(path) {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const names = new Map<string, 'file' | 'dir'>();
      for (const f of Object.keys(files)) if (f.startsWith(prefix)) names.set(f.slice(prefix.length).split('/')[0]!, f.slice(prefix.length).includes('/') ? 'dir' : 'file');
      return [...names].map(([name, type]) => ({ name, type }));
    },
    async stat(path) {
      if (files[path] !== undefined) return { type: 'file', size: (files[path] as string).length };
      return dirs.has(path) ? { type: 'dir', size: 0 } : undefined;
    },
  };
}

const resolver = (fs: ConfigFs, extra: { top?: string; explicit?: string; defaultsDir?: string } = {}) =>
  new ConfigResolver({ fs, display: (p) => p.replace(/^\/ws\//, ''), defaultsDir: extra.defaultsDir ?? '/ws', ...extra });

describe('config resolver', () => {
  // Regression: the editor's defaults once carried only the built-in clauses, so a workspace's
  // .povlint/clauses/ applied in the CLI but not in the editor. Both now resolve through here.
  it('loads .povlint/clauses/ of the defaults folder when there is no config file', async () => {
    const fs = memoryFs({ '/ws/.povlint/clauses/exit-right.md': CLAUSE('exit-right', 'The Customer may terminate.'), '/ws/docs/a.md': 'x' });
    const r = await resolver(fs, { top: '/ws' }).forFile('/ws/docs/a.md');
    expect(r.path).toBeUndefined();
    expect(r.errors).toEqual([]);
    expect(r.clauses.map((c) => c.id)).toEqual(['exit-right']);
  });

  it('finds the nearest config, .povlint.jsonc before .povlint.json, and stops at the top folder', async () => {
    const fs = memoryFs({
      '/.povlint.jsonc': '{ "locale": "zh" }',
      '/ws/.povlint.json': '{ "locale": "en" }',
      '/ws/sub/.povlint.jsonc': '{ "docType": "sla" }',
      '/ws/sub/.povlint.json': '{ "docType": "rfp" }',
    });
    const r = resolver(fs, { top: '/ws' });
    expect((await r.forDir('/ws/sub/deeper')).config).toEqual({ docType: 'sla' });
    expect((await r.forDir('/ws/other')).config).toEqual({ locale: 'en' });
    const noTop = resolver(memoryFs({ '/.povlint.jsonc': '{ "locale": "zh" }' }), { top: '/ws' });
    expect((await noTop.forDir('/ws/a')).path).toBeUndefined();
    const up = resolver(memoryFs({ '/.povlint.jsonc': '{ "locale": "zh" }' }));
    expect((await up.forDir('/ws/a')).config).toEqual({ locale: 'zh' });
  });

  it('reads each config once however many folders share it', async () => {
    const fs = memoryFs({ '/ws/.povlint.jsonc': '{}' });
    const r = resolver(fs);
    const [a, b] = await Promise.all([r.forDir('/ws/a'), r.forDir('/ws/b')]);
    expect(a).toBe(b);
    expect(fs.reads.filter((p) => p === '/ws/.povlint.jsonc')).toHaveLength(1);
    r.invalidate();
    await r.forDir('/ws/a');
    expect(fs.reads.filter((p) => p === '/ws/.povlint.jsonc')).toHaveLength(2);
  });

  it('names the file, line and key of every error; a broken config is not applied', async () => {
    const fs = memoryFs({ '/ws/.povlint.jsonc': '{\n  "clauses": { "paths": ["legal/"] },\n  "locale": 3\n}\n' });
    const r = await resolver(fs).forDir('/ws');
    expect(r.valid).toBe(false);
    expect(r.config).toEqual({});
    expect(r.errors).toEqual([expect.objectContaining({ file: '.povlint.jsonc', line: 3, key: 'locale' })]);
  });

  it('reports a missing clause folder at its key, and a broken clause file on the file itself', async () => {
    const fs = memoryFs({
      '/ws/.povlint.jsonc': '{\n  "clauses": { "paths": ["legal/", "missing/"] }\n}\n',
      '/ws/legal/good.md': CLAUSE('good', 'Fine.'),
      '/ws/legal/binary.md': new Uint8Array([0x2d, 0, 0x2d]),
    });
    const r = await resolver(fs).forDir('/ws');
    expect(r.valid).toBe(true);
    expect(r.clauses.map((c) => c.id)).toEqual(['good']);
    expect(r.errors).toEqual([
      expect.objectContaining({ file: 'legal/binary.md', line: 1, message: 'cannot read clause file: binary file (contains NUL bytes)' }),
      expect.objectContaining({ file: '.povlint.jsonc', line: 2, key: 'clauses.paths[1]' }),
    ]);
    expect([...r.clauseFiles.keys()]).toEqual(['legal/binary.md', 'legal/good.md']);
  });

  it('uses a named config for every folder and says when it is missing', async () => {
    const fs = memoryFs({ '/ws/ci.jsonc': '{ "locale": "en" }', '/ws/a/.povlint.jsonc': '{ "locale": "zh" }' });
    expect((await resolver(fs, { explicit: '/ws/ci.jsonc' }).forDir('/ws/a')).config).toEqual({ locale: 'en' });
    const missing = await resolver(fs, { explicit: '/ws/none.jsonc' }).forDir('/ws/a');
    expect(missing.errors).toEqual([expect.objectContaining({ file: 'none.jsonc', message: 'config file not found' })]);
  });
});

describe('skip policy', () => {
  it('ignore globs are relative to the config folder', () => {
    expect(isIgnored({ dir: '/ws' }, ['drafts/'], '/ws/drafts/a.md')).toBe(true);
    expect(isIgnored({ dir: '/ws' }, ['drafts/'], '/ws/final/a.md')).toBe(false);
    expect(isIgnored({ dir: '/ws/sub' }, ['drafts/'], '/ws/drafts/a.md')).toBe(false);
    expect(isIgnored({ dir: '/ws' }, [], '/ws/drafts/a.md')).toBe(false);
  });

  it('the size limit is inclusive', () => {
    expect(isTooLarge(1024, 1)).toBe(false);
    expect(isTooLarge(1025, 1)).toBe(true);
  });

  it('decodes UTF-8, strips a byte order mark, and refuses binary and invalid text', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ ok: true, text: 'a' });
    expect(decodeText(new Uint8Array([0x61, 0]))).toMatchObject({ ok: false, skip: 'binary' });
    expect(decodeText(new Uint8Array([0xff, 0xfe]))).toMatchObject({ ok: false, skip: 'encoding' });
  });

  it('path helpers', () => {
    expect(paths.dirname('/a/b/c.md')).toBe('/a/b');
    expect(paths.dirname('/a')).toBe('/');
    expect(paths.dirname('/')).toBe('/');
    expect(paths.dirname('C:/x')).toBe('C:/');
    expect(paths.join('/a/b', '../c/./d')).toBe('/a/c/d');
    expect(paths.join('/a', '/abs')).toBe('/abs');
    expect(paths.inside('/a', '/a/b/c')).toBe('b/c');
    expect(paths.inside('/a', '/ab/c')).toBeUndefined();
  });
});
