/**
 * The baseline in the editor: which findings it covers (pure model), how they are shown (hint or
 * hidden, new ones unchanged), the keys from the lint worker, and the store that reads the file
 * through `workspace.fs` and re-reads it when it changes (against a recording fake of `vscode`).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { baselineOf, createSession, findingKeys, lint, resolveFindings, scorecard, serialiseBaseline } from '../../src/core/index.js';
import { BaselineStore } from '../../src/vscode/baselineStore.js';
import type { LoadedConfig } from '../../src/vscode/configStore.js';
import { baselineFileFor, coveredByBaseline } from '../../src/vscode/model/baseline.js';
import { BASELINE_NOTE, findingsToDiagnostics } from '../../src/vscode/model/diagnostics.js';
import { coerceSettings, DEFAULT_SETTINGS } from '../../src/vscode/model/settings.js';
import { LintServer } from '../../src/vscode/worker/server.js';
import * as fake from '../helpers/vscode-fake.js';

/** The fake `vscode`, plus what the store needs: events, disposables, relative patterns and file watchers. */
const watchers: { pattern: { base: fake.Uri; pattern: string }; fire: (kind: 'change' | 'create' | 'delete') => void }[] = [];
vi.mock('vscode', async () => {
  const base = await import('../helpers/vscode-fake.js');
  class EventEmitter<T> {
    private listeners: ((e: T) => void)[] = [];
    event = (listener: (e: T) => void) => {
      this.listeners.push(listener);
      return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
    };
    fire(e: T): void {
      for (const l of this.listeners) l(e);
    }
    dispose(): void {
      this.listeners = [];
    }
  }
  class Disposable {
    constructor(private readonly fn: () => void) {}
    static from(...items: { dispose(): unknown }[]) {
      return new Disposable(() => items.forEach((i) => i.dispose()));
    }
    dispose(): void {
      this.fn();
    }
  }
  class RelativePattern {
    constructor(
      readonly base: unknown,
      readonly pattern: string,
    ) {}
  }
  const createFileSystemWatcher = (pattern: { base: fake.Uri; pattern: string }) => {
    const events = { change: new EventEmitter<unknown>(), create: new EventEmitter<unknown>(), delete: new EventEmitter<unknown>() };
    watchers.push({ pattern, fire: (kind) => events[kind].fire(pattern.base) });
    return { onDidChange: events.change.event, onDidCreate: events.create.event, onDidDelete: events.delete.event, dispose: () => undefined };
  };
  return { ...base, EventEmitter, Disposable, RelativePattern, workspace: Object.assign(base.workspace, { createFileSystemWatcher }) };
});

const ZERO_RISK = 'Lanternfish offers a zero risk transition from your current tools.';
const EFFORT = 'Our analysts will make every effort to contain threats before they spread.';
const doc = (...paragraphs: string[]): string => `# Proposal\n\n${paragraphs.join('\n\n')}\n`;

describe('editor mapping of baseline findings', () => {
  const recorded = doc(ZERO_RISK, EFFORT);
  const baseline = baselineOf([{ path: 'docs/p.md', keys: findingKeys(recorded, lint(recorded)) }]);
  // The document now: the recorded claims moved below a new one, and one of them duplicated.
  const now = doc("Lanternfish's platform is always available and never fails.", EFFORT, ZERO_RISK, ZERO_RISK);
  const findings = lint(now);
  const keys = findingKeys(now, findings);

  it('covers recorded findings wherever they moved, counting duplicates, relative to the baseline file', () => {
    const covered = coveredByBaseline(baseline, '/ws/.povlint-baseline.json', '/ws/docs/p.md', keys)!;
    expect(findings.map((f, i) => `${f.term}:${covered[i]}`)).toEqual(['always available:false', 'never fails:false', 'make every effort:true', 'zero risk:true', 'zero risk:false']);
    // Another document, or the baseline elsewhere: nothing covered.
    expect(coveredByBaseline(baseline, '/ws/.povlint-baseline.json', '/ws/docs/q.md', keys)!.every((c) => !c)).toBe(true);
    expect(coveredByBaseline(baseline, '/ws/docs/.povlint-baseline.json', '/ws/docs/p.md', keys)!.every((c) => !c)).toBe(true);
    expect(coveredByBaseline(undefined, '/ws/b.json', '/ws/docs/p.md', keys)).toBeUndefined();
  });

  it('shows covered findings as hints with a note, or not at all; new ones as usual', () => {
    const baselined = coveredByBaseline(baseline, '/ws/.povlint-baseline.json', '/ws/docs/p.md', keys)!;
    const hinted = findingsToDiagnostics(findings, { baselined, baselineFindings: 'hint' });
    expect(hinted.map((d) => d.severity)).toEqual(['warning', 'warning', 'hint', 'hint', 'warning']);
    expect(hinted[2]!.message).toBe(`${findings[2]!.message}${BASELINE_NOTE}`);
    expect(hinted[4]!.message).toBe(findings[4]!.message);
    const hidden = findingsToDiagnostics(findings, { baselined, baselineFindings: 'hidden' });
    expect(hidden.map((d) => d.message)).toEqual([findings[0]!.message, findings[1]!.message, findings[4]!.message]);
    // An error recorded in the baseline is still only a hint; `off` still hides a rule.
    expect(findingsToDiagnostics(findings, { baselined, severity: { 'weak-obligation': 'error' } })[2]!.severity).toBe('hint');
    expect(findingsToDiagnostics(findings, { baselined, severity: { 'unverifiable-absolute': 'off' } }).map((d) => d.severity)).toEqual(['hint']);
    // Without a baseline nothing changes.
    expect(findingsToDiagnostics(findings).map((d) => d.severity)).toEqual(['warning', 'warning', 'warning', 'warning', 'warning']);
  });

  it('the setting defaults to hint and accepts only hint or hidden', () => {
    expect(DEFAULT_SETTINGS.baselineFindings).toBe('hint');
    expect(coerceSettings({ baselineFindings: 'hidden' }).settings.baselineFindings).toBe('hidden');
    const bad = coerceSettings({ baselineFindings: 'warning' });
    expect(bad.settings.baselineFindings).toBe('hint');
    expect(bad.errors).toEqual(['`povlint.baselineFindings`: expected one of "hint", "hidden", got "warning"; using "hint"']);
  });

  it('the baseline file is the config key, relative to the config folder', () => {
    expect(baselineFileFor({ baseline: '.povlint-baseline.json' }, '/ws')).toBe('/ws/.povlint-baseline.json');
    expect(baselineFileFor({ baseline: '../ci/base.json' }, '/ws/docs')).toBe('/ws/ci/base.json');
    expect(baselineFileFor({}, '/ws')).toBeUndefined();
    expect(baselineFileFor({ baseline: 'b.json' }, undefined)).toBeUndefined();
  });
});

describe('lint worker keys', () => {
  it('answers keys only when asked, for opened, edited and one-off texts, equal to the core', () => {
    const server = new LintServer({ createSession, lint, scorecard, findingKeys, resolveFindings });
    const text = doc(ZERO_RISK);
    const options = { allowPatterns: true };
    const opened = server.handle({ id: 1, type: 'open', uri: 'a', text, options, keys: true });
    expect(opened).toMatchObject({ type: 'findings', keys: findingKeys(text, lint(text, options), options) });
    const plain = server.handle({ id: 2, type: 'open', uri: 'b', text, options });
    expect(plain && 'keys' in plain).toBe(false);
    const insert = `${EFFORT}\n\n`;
    const at = text.indexOf(ZERO_RISK);
    const edited = server.handle({ id: 3, type: 'edit', uri: 'a', changes: [{ offset: at, deleteCount: 0, insert }], length: text.length + insert.length, keys: true });
    const after = text.slice(0, at) + insert + text.slice(at);
    expect(edited).toMatchObject({ type: 'findings', incremental: true, keys: findingKeys(after, lint(after, options), options) });
    expect((edited as { keys: unknown[] }).keys).toHaveLength(2);
    expect(server.handle({ id: 4, type: 'lint', text, options, keys: true })).toMatchObject({ keys: findingKeys(text, lint(text, options)) });
  });
});

describe('BaselineStore', () => {
  beforeEach(() => {
    fake.reset();
    watchers.length = 0;
  });

  const output = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const loaded = (config: LoadedConfig['config']): LoadedConfig =>
    ({ config, folder: new fake.Uri('file', '/ws'), customClauses: [], clauses: [], errors: [] }) as unknown as LoadedConfig;

  it('reads the file named by the config through workspace.fs, once, and again after it changes', async () => {
    const text = doc(ZERO_RISK);
    let file = serialiseBaseline(baselineOf([{ path: 'p.md', keys: findingKeys(text, lint(text)) }]));
    const readFile = vi.fn(async (uri: fake.Uri) => {
      if (uri.path !== '/ws/.povlint-baseline.json') throw new Error('ENOENT');
      return new TextEncoder().encode(file);
    });
    Object.assign(fake.workspace.fs, { readFile });
    const store = new BaselineStore(output as never);
    const changed = vi.fn();
    store.onDidChange(changed);

    expect(store.forConfig(loaded({}))).toBeUndefined();
    const first = await store.forConfig(loaded({ baseline: '.povlint-baseline.json' }))!;
    expect(first.path).toBe('/ws/.povlint-baseline.json');
    expect(first.baseline!.entries.map((e) => e.term)).toEqual(['zero risk']);
    await store.forConfig(loaded({ baseline: '.povlint-baseline.json' }));
    expect(readFile).toHaveBeenCalledTimes(1);
    expect(watchers.map((w) => [w.pattern.base.path, w.pattern.pattern])).toEqual([['/ws', '.povlint-baseline.json']]);

    // The file changes on disk: listeners hear of it and the next read sees the new content.
    file = serialiseBaseline(baselineOf([]));
    watchers[0]!.fire('change');
    expect(changed).toHaveBeenCalledTimes(1);
    const second = await store.forConfig(loaded({ baseline: '.povlint-baseline.json' }))!;
    expect(second.baseline!.entries).toEqual([]);
    expect(readFile).toHaveBeenCalledTimes(2);
    // Deleted: no baseline, every finding new; logged once.
    watchers[0]!.fire('delete');
    readFile.mockRejectedValue(new Error('ENOENT'));
    expect((await store.forConfig(loaded({ baseline: '.povlint-baseline.json' }))!).baseline).toBeUndefined();
    expect(output.info).toHaveBeenLastCalledWith(expect.stringMatching(/does not exist .*every finding is shown as new/));
    // Still one watcher per file.
    expect(watchers).toHaveLength(1);
    store.dispose();
  });

  it('a broken file counts as no baseline and says why', async () => {
    Object.assign(fake.workspace.fs, { readFile: vi.fn(async () => new TextEncoder().encode('{ "version": 1, "findings": [ { "path": "a.md" } ] }')) });
    const store = new BaselineStore(output as never);
    const result = await store.forConfig(loaded({ baseline: 'b.json' }))!;
    expect(result.baseline).toBeUndefined();
    expect(output.info).toHaveBeenLastCalledWith(expect.stringMatching(/cannot be used \(.*findings\[0\]\.rule: expected a rule id/));
    store.dispose();
  });
});
