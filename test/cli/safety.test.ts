/**
 * The CLI only reads: linted files keep their content and mtime, and nothing new appears.
 * And it holds up on a big folder: 2,000 files with bounded memory, results streamed.
 */
import { readdir, readFile, stat, utimes } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, makeTree, removeTree, runInProcess, runSpawned, writeTree } from './harness.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeTree));
});

async function snapshot(dir: string): Promise<Map<string, { content: string; mtimeMs: number }>> {
  const out = new Map<string, { content: string; mtimeMs: number }>();
  async function walk(d: string): Promise<void> {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.set(relative(dir, p), { content: (await readFile(p)).toString('base64'), mtimeMs: (await stat(p)).mtimeMs });
    }
  }
  await walk(dir);
  return out;
}

describe('the CLI never writes', () => {
  beforeAll(async () => {
    await buildCli();
  }, 60_000);

  it('leaves every linted file, config and clause file untouched (in-process and spawned)', async () => {
    const dir = await makeTree({
      '.povlint.jsonc': '{ "rules": { "puffery": "error" } }',
      'a.md': 'Our industry-leading platform will significantly improve results. Pay [TBD].\n',
      'b.md': '\uFEFFThe vendor shall use best efforts.\r\n',
      'bin.md': new Uint8Array([0, 1, 2, 3]),
      'docs/c.markdown': 'A seamless, world-class experience.\n',
    });
    dirs.push(dir);
    // Put every mtime in the past so a rewrite within the same second would still show.
    const past = new Date(Date.now() - 3_600_000);
    for (const rel of ['.povlint.jsonc', 'a.md', 'b.md', 'bin.md', 'docs/c.markdown']) await utimes(join(dir, rel), past, past);
    const before = await snapshot(dir);
    for (const format of ['stylish', 'json', 'sarif']) {
      const inProcess = await runInProcess(['--format', format, '.'], dir);
      expect(inProcess.code).toBe(1);
      const spawned = await runSpawned(['--format', format, '.', 'bin.md'], dir);
      expect(spawned.code).toBe(1);
    }
    expect(await snapshot(dir)).toEqual(before);
  }, 60_000);
});

describe('load', () => {
  beforeAll(async () => {
    await buildCli();
  }, 60_000);

  it('lints 2,000 files with bounded memory, streaming results', async () => {
    const dir = await makeTree({});
    dirs.push(dir);
    const paragraph = [
      '# Section {n}',
      '',
      'The supplier shall deliver the monthly report within 5 business days of month end.',
      'Our industry-leading platform will significantly improve throughput.',
      '',
      '- Availability of 99.9% per calendar month, measured by the monitoring service.',
      '- Support will respond promptly.',
      '',
    ].join('\n');
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) {
      files[`docs/part-${String(i % 20).padStart(2, '0')}/doc-${String(i).padStart(4, '0')}.md`] = paragraph.replaceAll('{n}', String(i)).repeat(3);
    }
    await writeTree(dir, files);

    const started = performance.now();
    const rss = 'data:text/javascript,process.on("exit",()=>process.stderr.write("povlint-maxrss-kb="+process.resourceUsage().maxRSS+"\\n"))';
    const { code, stdout, stderr } = await runSpawned(['--format', 'json', 'docs'], dir, { nodeArgs: ['--import', rss] });
    const seconds = (performance.now() - started) / 1000;
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { files: { path: string; findings: unknown[] }[] };
    expect(parsed.files).toHaveLength(2000);
    expect(parsed.files.every((f) => f.findings.length > 0)).toBe(true);
    const kb = Number(/povlint-maxrss-kb=(\d+)/.exec(stderr)?.[1]);
    const mb = Math.round(kb / 1024);
    console.log(`povlint over 2,000 files: ${seconds.toFixed(1)} s, peak RSS ${mb} MB`);
    expect(mb).toBeGreaterThan(0);
    expect(mb).toBeLessThan(500);
  }, 240_000);
});
