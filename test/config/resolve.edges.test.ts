/**
 * The config resolver (src/core/config/resolve.ts) at its edges, over an in-memory file system
 * that counts calls and can fail on purpose: what each failure reports, what is cached, where
 * discovery stops, which clause files are read, and the `/`-path helpers.
 */
import { describe, expect, it } from 'vitest';
import { ConfigResolver, paths, type ConfigFs, type EntryType } from '../../src/core/config/index.js';

const CLAUSE = (id: string): string =>
  `---\nid: ${id}\ntitle: ${id}\ncategory: risk-allocation\ntopics: [availability]\ndocTypes: [sla]\ndescription: A clause.\nlocale: en\n---\nThe Customer may terminate.\n`;

type Entry = string | Uint8Array | { dir: true } | { fails: unknown };

/** An in-memory file system; `{ fails }` makes reading (or listing) that path reject with the value. */
function memoryFs(files: Record<string, Entry>) {
  const enc = new TextEncoder();
  const calls: string[] = [];
  const dirs = new Set<string>(['/']);
  for (const [f, v] of Object.entries(files)) {
    if (typeof v === 'object' && 'dir' in v) dirs.add(f);
    for (let d = paths.dirname(f); d !== '/'; d = paths.dirname(d)) dirs.add(d);
  }
  const fs: ConfigFs = {
    async readFile(path) {
      calls.push(`read ${path}`);
      const v = files[path];
      if (v === undefined || (typeof v === 'object' && 'dir' in v)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      if (typeof v === 'object' && 'fails' in v) throw v.fails;
      return typeof v === 'string' ? enc.encode(v) : (v as Uint8Array);
    },
    async readDir(path) {
      calls.push(`list ${path}`);
      const v = files[path];
      if (v && typeof v === 'object' && 'fails' in v) throw v.fails;
      const prefix = `${path}/`;
      const names = new Map<string, EntryType>();
      for (const f of [...Object.keys(files), ...dirs]) {
        if (!f.startsWith(prefix)) continue;
        const rest = f.slice(prefix.length);
        const name = rest.split('/')[0]!;
        names.set(name, rest.includes('/') || dirs.has(`${prefix}${name}`) ? 'dir' : 'file');
      }
      return [...names].map(([name, type]) => ({ name, type }));
    },
    async stat(path) {
      calls.push(`stat ${path}`);
      if (dirs.has(path)) return { type: 'dir', size: 0 };
      return files[path] !== undefined ? { type: 'file', size: 1 } : undefined;
    },
  };
  return { fs, calls };
}

const resolver = (fs: ConfigFs, extra: { top?: string; explicit?: string } = {}) =>
  new ConfigResolver({ fs, display: (p) => p.replace(/^\/ws\//, ''), defaultsDir: '/ws', ...extra });

const errorsOf = async (files: Record<string, Entry>, dir = '/ws') => (await resolver(memoryFs(files).fs).forDir(dir)).errors;

describe('what a broken config file reports', () => {
  it('a named file that does not exist: the whole result', async () => {
    expect(await resolver(memoryFs({}).fs, { explicit: '/ws/ci.jsonc' }).forDir('/ws')).toStrictEqual({
      path: '/ws/ci.jsonc',
      dir: '/ws',
      config: {},
      valid: false,
      clauses: [],
      clauseFiles: new Map(),
      errors: [{ file: 'ci.jsonc', line: 1, column: 1, key: '', message: 'config file not found' }],
    });
  });

  it('a discovered file that disappears before it is read', async () => {
    const { fs } = memoryFs({ '/ws/.povlint.jsonc': '{}' });
    let stats = 0;
    const vanishing: ConfigFs = { ...fs, stat: async (p) => (p === '/ws/.povlint.jsonc' && stats++ > 0 ? undefined : fs.stat(p)) };
    expect((await resolver(vanishing).forDir('/ws')).errors.map((e) => e.message)).toEqual(['cannot read config file (it disappeared)']);
  });

  it('a file that cannot be read names the error code', async () => {
    expect((await errorsOf({ '/ws/.povlint.jsonc': { fails: Object.assign(new Error('denied'), { code: 'EACCES' }) } })).map((e) => e.message)).toEqual([
      'cannot read config file (EACCES)',
    ]);
  });

  it('a failure without a code names its message', async () => {
    expect((await errorsOf({ '/ws/.povlint.jsonc': { fails: new Error('disk on fire') } })).map((e) => e.message)).toEqual(['cannot read config file (disk on fire)']);
  });

  it('a failure that is not an error is named as it is', async () => {
    expect((await errorsOf({ '/ws/.povlint.jsonc': { fails: undefined } })).map((e) => e.message)).toEqual(['cannot read config file (undefined)']);
  });

  it('a file that is not UTF-8', async () => {
    expect((await errorsOf({ '/ws/.povlint.jsonc': new Uint8Array([0x7b, 0xff, 0x7d]) })).map((e) => e.message)).toEqual([
      'cannot read config file: not valid UTF-8 text',
    ]);
  });

  it('a file with errors loads no clauses', async () => {
    const r = await resolver(memoryFs({ '/ws/.povlint.jsonc': '{ "locale": 3 }', '/ws/.povlint/clauses/a.md': CLAUSE('a') }).fs).forDir('/ws');
    expect([r.clauses, r.clauseFiles]).toStrictEqual([[], new Map()]);
  });
});

describe('a valid config', () => {
  it('without clauses has no errors and no clauses', async () => {
    const r = await resolver(memoryFs({ '/ws/.povlint.jsonc': '{}' }).fs).forDir('/ws');
    expect([r.valid, r.errors, r.clauses]).toStrictEqual([true, [], []]);
  });

  it('says when a clause path is a file, not a folder', async () => {
    expect(await errorsOf({ '/ws/.povlint.jsonc': '{\n  "clauses": { "paths": ["legal.md"] }\n}', '/ws/legal.md': CLAUSE('legal') })).toStrictEqual([
      { file: '.povlint.jsonc', line: 2, column: 26, key: 'clauses.paths[0]', message: '"legal.md" is not a folder' },
    ]);
  });

  it('says when a clause folder cannot be listed', async () => {
    expect(await errorsOf({ '/ws/.povlint.jsonc': '{ "clauses": { "paths": ["legal"] } }', '/ws/legal': { fails: Object.assign(new Error('x'), { code: 'EACCES' }) }, '/ws/legal/a.md': CLAUSE('a') })).toStrictEqual([
      { file: 'legal', line: 1, column: 1, key: '', message: 'cannot list clause folder (EACCES)' },
    ]);
  });

  it('reads only the .md files of a clause folder', async () => {
    const { fs, calls } = memoryFs({
      '/ws/.povlint.jsonc': '{ "clauses": { "paths": ["legal"] } }',
      '/ws/legal/a.md': CLAUSE('a'),
      '/ws/legal/notes.txt': 'not a clause',
      '/ws/legal/old.md': { dir: true },
    });
    const r = await resolver(fs).forDir('/ws');
    expect([r.clauses.map((c) => c.id), r.errors, calls.filter((c) => c.startsWith('read /ws/legal'))]).toEqual([['a'], [], ['read /ws/legal/a.md']]);
  });

  it('says when a clause file cannot be read', async () => {
    expect(await errorsOf({ '/ws/.povlint.jsonc': '{ "clauses": { "paths": ["legal"] } }', '/ws/legal/a.md': { fails: Object.assign(new Error('x'), { code: 'EACCES' }) } })).toStrictEqual([
      { file: 'legal/a.md', line: 1, column: 1, key: '', message: 'cannot read clause file: EACCES' },
    ]);
  });

  it('passes on the errors of the clause files, with their keys', async () => {
    expect(
      await errorsOf({
        '/ws/.povlint.jsonc': '{ "clauses": { "paths": ["legal"] } }',
        '/ws/legal/bad.md': 'no front matter here',
        '/ws/legal/bad2.md': '---\nid: x\ntitle: X\ncategory: risk-allocation\n---\nBody\n',
      }),
    ).toStrictEqual([
      { file: 'legal/bad.md', line: 1, column: 1, key: '', message: 'a clause file must start with YAML front matter between `---` lines' },
      { file: 'legal/bad2.md', line: 2, column: 5, key: 'id', message: '`id` `x` must equal the file name `bad2`' },
    ]);
  });
});

describe('caching and discovery', () => {
  it('asks the file system nothing the second time for the same folder', async () => {
    const { fs, calls } = memoryFs({ '/ws/.povlint.jsonc': '{}' });
    const r = resolver(fs);
    await r.forDir('/ws/a');
    const before = calls.length;
    await r.forDir('/ws/a');
    expect(calls.length).toBe(before);
  });

  it('resolves the defaults once', () => {
    const r = resolver(memoryFs({}).fs);
    expect(r.defaults()).toBe(r.defaults());
  });

  it('defaults are a valid config', async () => {
    expect((await resolver(memoryFs({}).fs).defaults()).valid).toBe(true);
  });

  it('reads a named config once for every folder', () => {
    const r = resolver(memoryFs({ '/ws/ci.jsonc': '{}' }).fs, { explicit: '/ws/ci.jsonc' });
    expect(r.forDir('/ws/a')).toBe(r.forDir('/ws/b'));
  });

  it('a folder outside the top folder gets the defaults, not a config above it', async () => {
    const r = resolver(memoryFs({ '/.povlint.jsonc': '{ "locale": "zh" }' }).fs, { top: '/ws' });
    expect((await r.forDir('/other/x')).path).toBeUndefined();
  });
});

describe('paths', () => {
  it.each([
    ['a/b/', 'a'],
    ['file.md', '.'],
    ['ab/c', 'ab'],
    ['ab/c:', 'ab'],
    ['C:/x/y', 'C:/x'],
  ])('dirname(%j) is %j', (p, dir) => {
    expect(paths.dirname(p)).toBe(dir);
  });

  it.each([
    ['/a', 'b', '/a/b'],
    ['/a', 'C:/x', 'C:/x'],
    ['/a', 'x/C:/y', '/a/x/C:/y'],
  ])('join(%j, %j) is %j', (base, rel, joined) => {
    expect(paths.join(base, rel)).toBe(joined);
  });

  it.each([
    ['../x', '../x'],
    ['../../x', '../../x'],
    ['/../x', '/x'],
    ['/a/C:foo/../x', '/a/x'],
    ['/a/xC:/../b', '/a/b'],
    ['a/..', '.'],
    ['C:', 'C:/'],
    ['xC:', 'xC:'],
    ['C:x', 'C:x'],
  ])('normalize(%j) is %j', (p, normal) => {
    expect(paths.normalize(p)).toBe(normal);
  });

  it('never goes above a drive root', () => {
    expect(paths.normalize('C:/a/../../x').startsWith('C:/')).toBe(true);
  });
});
