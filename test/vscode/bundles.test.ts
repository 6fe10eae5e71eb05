/**
 * The built extension bundles load and activate without Node: the web bundle runs in a context
 * with only web-worker globals (as on vscode.dev), and both bundles require nothing but `vscode`.
 * The lint worker bundles answer the protocol: the Node one in a real `worker_threads` Worker,
 * the web one in a context with only web-worker globals.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/core/index.js';
import { LintClient } from '../../src/vscode/worker/client.js';
import { nodeWorkerPort } from '../../src/vscode/worker/nodePort.js';
import type { Response, ToWorker } from '../../src/vscode/worker/protocol.js';
import { convertDocx } from '../../src/docx/index.js';
import { workerConverter } from '../../src/vscode/docx/convertInWorker.js';
import { ENGLISH, proposalDocx } from '../helpers/docx.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A `vscode` stand-in: every member exists, calls are recorded by their dotted path. */
function fakeVscode(calls: { path: string; args: unknown[] }[]): unknown {
  const make = (path: string): unknown =>
    new Proxy(function () {}, {
      get(_t, prop) {
        if (prop === Symbol.toPrimitive) return () => '';
        if (prop === Symbol.iterator) return function* () {};
        if (prop === 'then') return undefined; // not a thenable
        if (typeof prop === 'symbol') return undefined;
        return make(path ? `${path}.${prop}` : prop);
      },
      set() {
        return true;
      },
      apply(_t, _this, args) {
        calls.push({ path, args });
        return make(`${path}()`);
      },
      construct(_t, args) {
        calls.push({ path: `new ${path}`, args });
        return make(`${path}#`) as object;
      },
    });
  // Bundles copy the module's own keys (esbuild's __toESM), so name every top-level member used.
  const members = new Set<string>();
  for (const file of sources(join(root, 'src/vscode'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bvscode\.([A-Za-z]+)/g)) members.add(m[1]!);
  }
  return Object.fromEntries([...members].map((m) => [m, make(m)]));
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Loads a CommonJS bundle in a fresh context with the given globals; returns its exports and requires. */
function load(
  file: string,
  globals: Record<string, unknown>,
  vscode: unknown,
  builtins = false,
): { exports: Record<string, unknown>; required: string[] } {
  const required: string[] = [];
  const module = { exports: {} as Record<string, unknown> };
  const nodeRequire = createRequire(import.meta.url);
  const require = (id: string): unknown => {
    required.push(id);
    if (id === 'vscode') return vscode;
    if (builtins && isBuiltin(id)) return nodeRequire(id);
    throw new Error(`the bundle requires "${id}"`);
  };
  const context = vm.createContext({ ...globals, module, exports: module.exports, require });
  vm.runInContext(`(function(){${readFileSync(file, 'utf8')}\n})()`, context, { filename: file });
  return { exports: module.exports, required };
}

const webGlobals = (): Record<string, unknown> => {
  const g: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    structuredClone,
    performance,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    AbortController,
  };
  g.self = g;
  g.globalThis = g;
  return g;
};

const fakeContext = (vscode: unknown): unknown => ({
  subscriptions: [] as unknown[],
  extensionUri: (vscode as { Uri: { file: (p: string) => unknown } }).Uri.file('/ext'),
  extension: { packageJSON: { version: '0.0.0-test' } },
});

beforeAll(() => {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), 'extension', 'web'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});

describe('extension bundles', () => {
  for (const [name, file, node] of [
    ['web worker bundle with only web-worker globals', 'dist/web/extension.js', false],
    ['node bundle', 'dist/extension.cjs', true],
  ] as const) {
    it(`${name}: activates, registers every provider and command, requires only vscode${node ? ' and Node built-ins' : ''}`, () => {
      const calls: { path: string; args: unknown[] }[] = [];
      const vscode = fakeVscode(calls);
      const globals = node ? { ...webGlobals(), process, Buffer } : webGlobals();
      const { exports, required } = load(join(root, file), globals, vscode, node);
      expect(typeof exports.activate).toBe('function');
      const context = fakeContext(vscode) as { subscriptions: unknown[] };
      const api = (exports.activate as (c: unknown) => { activationMs: number })(context);
      expect([...new Set(required)].filter((id) => !(node && isBuiltin(id)))).toEqual(['vscode']);
      expect(api.activationMs).toBeGreaterThanOrEqual(0);
      const registered = calls.map((c) => c.path);
      expect(registered).toContain('languages.registerCodeActionsProvider');
      expect(registered).toContain('languages.registerHoverProvider');
      expect(registered).toContain('languages.registerCompletionItemProvider');
      expect(registered).toContain('languages.createDiagnosticCollection');
      const commands = calls.filter((c) => c.path === 'commands.registerCommand').map((c) => c.args[0]);
      const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string; enablement?: string }[] } };
      // Commands that need Node (Word conversion) are absent from the web bundle, which hides them.
      for (const { command, enablement } of manifest.contributes.commands) {
        if (!node && enablement?.includes('!povlint.wordUnavailable')) expect(commands).not.toContain(command);
        else expect(commands).toContain(command);
      }
      expect(commands.includes('povlint.openWordDocument')).toBe(node);
      const hidden = calls.some((c) => c.path === 'commands.executeCommand' && c.args[0] === 'setContext' && c.args[1] === 'povlint.wordUnavailable' && c.args[2] === true);
      expect(hidden).toBe(!node);
      // The Word converter is in its own bundle, loaded only when a document is converted.
      expect(readFileSync(join(root, file), 'utf8')).not.toMatch(/mammoth|turndown/i);
      expect(context.subscriptions.length).toBeGreaterThan(10);
    });
  }
});

const rfp = readFileSync(join(root, 'test/fixtures/vscode/rfp.md'), 'utf8');

describe('Word converter bundle', () => {
  it('dist/docx-worker.cjs converts a real .docx in a worker_threads Worker, and answers bad input with a reason', async () => {
    const convert = workerConverter(join(root, 'dist/docx-worker.cjs'));
    const docx = await proposalDocx(ENGLISH);
    const expected = await convertDocx(docx);
    expect(expected.ok).toBe(true);
    expect(await convert(docx)).toEqual(expected.ok ? { ok: true, markdown: expected.markdown, comments: expected.comments } : undefined);
    expect(await convert(new TextEncoder().encode('not a zip'))).toEqual({ ok: false, reason: 'not a Word document (.docx files are zip archives; this file is not one)' });
  }, 30_000);
});

describe('lint worker bundles', () => {
  const client = new LintClient({ spawn: () => nodeWorkerPort(join(root, 'dist/worker.cjs')), log: () => undefined });
  afterAll(() => client.dispose());

  it('dist/worker.cjs in a worker_threads Worker: full text, then edits, and one-off texts, all as a fresh lint', async () => {
    const doc = { version: 1, text: rfp, getText: () => doc.text };
    const options = { allowPatterns: false };
    const first = await client.lintDocument('file:///rfp.md', doc, options);
    expect(first.incremental).toBe(false);
    expect(first.findings).toEqual(lint(rfp, options));
    expect(first.findings.length).toBeGreaterThan(0);
    const at = rfp.indexOf('\n\n') + 2;
    const insert = 'The new platform will be significantly faster and best-in-class.\n\n';
    doc.text = rfp.slice(0, at) + insert + rfp.slice(at);
    doc.version = 2;
    client.record('file:///rfp.md', [{ offset: at, deleteCount: 0, insert }], 2);
    const second = await client.lintDocument('file:///rfp.md', doc, options);
    expect(second).toMatchObject({ version: 2, incremental: true });
    expect(second.findings).toEqual(lint(doc.text, options));
    expect(second.findings.length).toBeGreaterThan(first.findings.length);
    const once = await client.lintText('We offer best-in-class support.\n', {});
    expect(once.findings).toEqual(lint('We offer best-in-class support.\n', {}));
  });

  it('dist/web/worker.js with only web-worker globals answers the protocol', async () => {
    const listeners: ((e: { data: ToWorker }) => void)[] = [];
    const responses: Response[] = [];
    const g: Record<string, unknown> = {
      ...webGlobals(),
      addEventListener: (type: string, fn: (e: { data: ToWorker }) => void) => type === 'message' && listeners.push(fn),
      postMessage: (r: Response) => responses.push(structuredClone(r)),
    };
    g.self = g;
    g.globalThis = g;
    const context = vm.createContext(g);
    vm.runInContext(readFileSync(join(root, 'dist/web/worker.js'), 'utf8'), context, { filename: 'worker.js' });
    expect(listeners).toHaveLength(1);
    const send = (m: ToWorker): void => listeners[0]!({ data: structuredClone(m) });
    send({ id: 1, type: 'open', uri: 'a', text: rfp, options: {} });
    send({ id: 2, type: 'edit', uri: 'a', changes: [{ offset: 0, deleteCount: 0, insert: 'Blazing fast. ' }], length: rfp.length + 14 });
    send({ type: 'close', uri: 'a' });
    send({ id: 3, type: 'edit', uri: 'a', changes: [], length: 0 });
    expect(responses.map((r) => r.type)).toEqual(['findings', 'findings', 'resync']);
    expect(responses[0]).toMatchObject({ id: 1, findings: lint(rfp, {}) });
    expect(responses[1]).toMatchObject({ id: 2, incremental: true, findings: lint(`Blazing fast. ${rfp}`, {}) });
  });
});
