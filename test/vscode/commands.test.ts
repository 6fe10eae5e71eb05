/**
 * The editor commands (src/vscode/commands) against a recording fake of the `vscode` API: which
 * editor calls each command makes, with which arguments and messages, on every branch.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Uri as EditorUri } from 'vscode';
import type { Clause } from '../../src/core/clauses/types.js';
import type { Finding } from '../../src/core/types.js';
import { insertClause } from '../../src/vscode/commands/clauses.js';
import { allowTerm, openConfig } from '../../src/vscode/commands/config.js';
import { applyFix, showRuleDocs } from '../../src/vscode/commands/fixes.js';
import { lintWorkspace } from '../../src/vscode/commands/lintWorkspace.js';
import { ReportView } from '../../src/vscode/commands/report.js';
import type { ConfigStore } from '../../src/vscode/configStore.js';
import type { DocumentLinter, LintResult, Linted } from '../../src/vscode/linter.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/vscode/model/settings.js';
import type { SettingsStore } from '../../src/vscode/settingsStore.js';
import * as fake from '../helpers/vscode-fake.js';

vi.mock('vscode', () => import('../helpers/vscode-fake.js'));

beforeEach(() => fake.reset());

const decoder = new TextDecoder();
/** The fake's Uri where a command's signature names the editor's. */
const editorUri = (u: fake.Uri): EditorUri => u as unknown as EditorUri;

function clause(id: string, over: Partial<Clause> = {}): Clause {
  return {
    id,
    title: `Title ${id}`,
    category: 'service-levels',
    topics: [],
    docTypes: [],
    description: `About ${id}`,
    locale: 'en',
    body: `Body of ${id} \${1:target}`,
    ...over,
  };
}

/** A text document over `text` with a version; offsets map to line 0. */
function document(uri: string, text: string, version = 1, languageId = 'markdown') {
  return {
    uri: fake.Uri.parse(uri),
    version,
    languageId,
    getText: () => text,
    positionAt: (offset: number) => new fake.Position(0, offset),
    save: vi.fn(async () => true),
  };
}

function editorOf(doc: ReturnType<typeof document>) {
  return { document: doc, selections: [{ anchor: 0 }], insertSnippet: vi.fn(async () => true) };
}

function configStore(over: { clauses?: Clause[]; config?: object; target?: { file: fake.Uri; exists: boolean }; trusted?: boolean } = {}) {
  return {
    trusted: over.trusted ?? true,
    forDocument: vi.fn(async () => ({ config: over.config, clauses: over.clauses ?? [], customClauses: [], errors: [] })),
    configFileFor: vi.fn(async () => over.target),
    invalidate: vi.fn(),
  };
}

const settingsStore = (over: Partial<Settings> = {}) => ({ current: { ...DEFAULT_SETTINGS, ...over } }) as unknown as SettingsStore;
const asConfigs = (c: ReturnType<typeof configStore>) => c as unknown as ConfigStore;

describe('Insert Clause', () => {
  it('without an editor it says a Markdown document must be open', async () => {
    expect(await insertClause(asConfigs(configStore()), settingsStore())).toBeUndefined();
    expect(fake.window.showInformationMessage).toHaveBeenCalledWith('POV Lint: open a Markdown document to insert a clause.');
  });

  it('inserts the named clause as a snippet at the selections without asking', async () => {
    const editor = editorOf(document('file:///ws/a.md', 'text'));
    fake.window.activeTextEditor = editor;
    const id = await insertClause(asConfigs(configStore({ clauses: [clause('a'), clause('b')] })), settingsStore(), 'b');
    expect(id).toBe('b');
    expect(fake.window.showQuickPick).not.toHaveBeenCalled();
    expect(editor.insertSnippet).toHaveBeenCalledWith(new fake.SnippetString('Body of b ${1:target}'), editor.selections);
  });

  it('asks with a picker grouped by category when no clause is named', async () => {
    fake.window.activeTextEditor = editorOf(document('file:///ws/a.md', 'text'));
    await insertClause(asConfigs(configStore({ clauses: [clause('a')] })), settingsStore());
    expect(fake.window.showQuickPick).toHaveBeenCalledWith(
      [
        { label: 'Service levels', kind: fake.QuickPickItemKind.Separator },
        { label: 'Title a', description: 'About a', detail: 'Body of a target', clause: clause('a') },
      ],
      { title: 'Insert a proof-of-value clause', placeHolder: 'Type to filter clauses by title, description or text', matchOnDescription: true, matchOnDetail: true },
    );
  });

  it('asks when the named clause does not exist', async () => {
    fake.window.activeTextEditor = editorOf(document('file:///ws/a.md', 'text'));
    await insertClause(asConfigs(configStore({ clauses: [clause('a')] })), settingsStore(), 'missing');
    expect(fake.window.showQuickPick).toHaveBeenCalledTimes(1);
  });

  it('inserts the picked clause and returns its id', async () => {
    const editor = editorOf(document('file:///ws/a.md', 'text'));
    fake.window.activeTextEditor = editor;
    fake.window.showQuickPick.mockImplementation(async (items: { clause?: Clause }[]) => items.find((i) => i.clause));
    expect(await insertClause(asConfigs(configStore({ clauses: [clause('a')] })), settingsStore())).toBe('a');
    expect(editor.insertSnippet).toHaveBeenCalledTimes(1);
  });

  it('inserts nothing when the picker is dismissed', async () => {
    const editor = editorOf(document('file:///ws/a.md', 'text'));
    fake.window.activeTextEditor = editor;
    expect(await insertClause(asConfigs(configStore({ clauses: [clause('a')] })), settingsStore())).toBeUndefined();
    expect(editor.insertSnippet).not.toHaveBeenCalled();
  });

  it('inserts into the editor that is active after the picker closes', async () => {
    const first = editorOf(document('file:///ws/a.md', 'text'));
    const second = editorOf(document('file:///ws/b.md', 'text'));
    fake.window.activeTextEditor = first;
    fake.window.showQuickPick.mockImplementation(async (items: { clause?: Clause }[]) => {
      fake.window.activeTextEditor = second;
      return items.find((i) => i.clause);
    });
    await insertClause(asConfigs(configStore({ clauses: [clause('a')] })), settingsStore());
    expect(second.insertSnippet).toHaveBeenCalledTimes(1);
  });

  it('offers the clauses of the locale the config sets, not of the settings', async () => {
    fake.window.activeTextEditor = editorOf(document('file:///ws/a.md', 'English text'));
    const clauses = [clause('en-1'), clause('zh-1', { locale: 'zh' })];
    await insertClause(asConfigs(configStore({ clauses, config: { locale: 'zh' } })), settingsStore({ locale: 'en' }));
    const items = fake.window.showQuickPick.mock.calls[0]![0] as { clause?: Clause }[];
    expect(items.flatMap((i) => (i.clause ? [i.clause.id] : []))).toEqual(['zh-1']);
  });

  it('with locale auto, offers the clauses of the language the document is written in', async () => {
    fake.window.activeTextEditor = editorOf(document('file:///ws/a.md', '供应商应当及时响应'));
    const clauses = [clause('en-1'), clause('zh-1', { locale: 'zh' })];
    await insertClause(asConfigs(configStore({ clauses })), settingsStore({ locale: 'auto' }));
    const items = fake.window.showQuickPick.mock.calls[0]![0] as { clause?: Clause }[];
    expect(items.flatMap((i) => (i.clause ? [i.clause.id] : []))).toEqual(['zh-1']);
  });
});

describe('Allow term', () => {
  const args = { uri: 'file:///ws/a.md', ruleId: 'puffery' as const, term: 'robust' };
  const file = fake.Uri.parse('file:///ws/.povlint.jsonc');

  it('without a folder it says one must be open', async () => {
    expect(await allowTerm(asConfigs(configStore()), args)).toBe(false);
    expect(fake.window.showInformationMessage).toHaveBeenCalledWith('POV Lint: open a folder to allow terms in its .povlint.jsonc.');
  });

  it('asks for the config of the document the term was found in', async () => {
    const configs = configStore();
    await allowTerm(asConfigs(configs), args);
    expect(configs.configFileFor).toHaveBeenCalledWith(fake.Uri.parse(args.uri));
  });

  it('creates the config with the term allowed when there is none, and re-lints', async () => {
    const configs = configStore({ target: { file, exists: false } });
    expect(await allowTerm(asConfigs(configs), args)).toBe(true);
    const [where, bytes] = fake.workspace.fs.writeFile.mock.calls[0]! as [fake.Uri, Uint8Array];
    expect([where, JSON.parse(decoder.decode(bytes))]).toEqual([file, { rules: { puffery: { allow: ['robust'] } } }]);
    expect(configs.invalidate).toHaveBeenCalledTimes(1);
  });

  it('edits an existing config through its document, saves it and re-lints', async () => {
    const doc = document('file:///ws/.povlint.jsonc', '{\n  "locale": "en"\n}\n');
    fake.workspace.openTextDocument.mockResolvedValue(doc);
    fake.workspace.applyEdit.mockResolvedValue(true);
    const configs = configStore({ target: { file, exists: true } });
    expect(await allowTerm(asConfigs(configs), args)).toBe(true);
    const edit = fake.workspace.applyEdit.mock.calls[0]![0] as fake.WorkspaceEdit;
    expect(edit.replaces.map((r) => [r.uri, r.range, JSON.parse(r.text)])).toEqual([
      [file, new fake.Range(new fake.Position(0, 0), new fake.Position(0, doc.getText().length)), { locale: 'en', rules: { puffery: { allow: ['robust'] } } }],
    ]);
    expect([doc.save.mock.calls.length, configs.invalidate.mock.calls.length]).toEqual([1, 1]);
  });

  it('does not save or re-lint when the editor refuses the edit', async () => {
    const doc = document('file:///ws/.povlint.jsonc', '{}\n');
    fake.workspace.openTextDocument.mockResolvedValue(doc);
    fake.workspace.applyEdit.mockResolvedValue(false);
    const configs = configStore({ target: { file, exists: true } });
    expect(await allowTerm(asConfigs(configs), args)).toBe(false);
    expect([doc.save.mock.calls.length, configs.invalidate.mock.calls.length]).toEqual([0, 0]);
  });

  it('changes nothing when the term is already allowed', async () => {
    fake.workspace.openTextDocument.mockResolvedValue(document('file:///ws/.povlint.jsonc', '{ "rules": { "puffery": { "allow": ["Robust"] } } }'));
    expect(await allowTerm(asConfigs(configStore({ target: { file, exists: true } })), args)).toBe(true);
    expect(fake.workspace.applyEdit).not.toHaveBeenCalled();
  });

  it('refuses a config that does not parse, offering to open it', async () => {
    const doc = document('file:///ws/.povlint.jsonc', '{ "rules": ');
    fake.workspace.openTextDocument.mockResolvedValue(doc);
    fake.window.showWarningMessage.mockResolvedValue('Open Config');
    expect(await allowTerm(asConfigs(configStore({ target: { file, exists: true } })), args)).toBe(false);
    expect(fake.window.showWarningMessage).toHaveBeenCalledWith(
      'POV Lint: cannot allow `robust`: the config file is not a valid JSONC object; fix it first.',
      'Open Config',
    );
    expect(fake.window.showTextDocument).toHaveBeenCalledWith(doc);
  });

  it('does not open the broken config when the warning is dismissed', async () => {
    fake.workspace.openTextDocument.mockResolvedValue(document('file:///ws/.povlint.jsonc', '{ "rules": '));
    await allowTerm(asConfigs(configStore({ target: { file, exists: true } })), args);
    expect(fake.window.showTextDocument).not.toHaveBeenCalled();
  });
});

describe('Open Config', () => {
  const file = fake.Uri.parse('file:///ws/.povlint.jsonc');

  it('without a folder it says one must be open', async () => {
    await openConfig(asConfigs(configStore()));
    expect(fake.window.showInformationMessage).toHaveBeenCalledWith('POV Lint: open a folder to create a .povlint.jsonc for it.');
  });

  it('looks up the config of the active document', async () => {
    const doc = document('file:///ws/a.md', '');
    fake.window.activeTextEditor = editorOf(doc);
    const configs = configStore();
    await openConfig(asConfigs(configs));
    expect(configs.configFileFor).toHaveBeenCalledWith(doc.uri);
  });

  it('creates a starter config that parses when there is none, then opens it', async () => {
    await openConfig(asConfigs(configStore({ target: { file, exists: false } })));
    const [where, bytes] = fake.workspace.fs.writeFile.mock.calls[0]! as [fake.Uri, Uint8Array];
    const { parse } = await import('jsonc-parser');
    expect([where, parse(decoder.decode(bytes)), fake.window.showTextDocument.mock.calls]).toEqual([file, { locale: 'auto', docType: 'auto', rules: {} }, [[file]]]);
  });

  it('opens an existing config without writing it', async () => {
    await openConfig(asConfigs(configStore({ target: { file, exists: true } })));
    expect([fake.workspace.fs.writeFile.mock.calls.length, fake.window.showTextDocument.mock.calls]).toEqual([0, [[file]]]);
  });
});

describe('Apply fix and rule docs', () => {
  const edits = [
    { start: 2, end: 5, text: 'plain' },
    { start: 7, end: 9, text: '${1:x}', snippet: true },
  ];

  it('applies the edits to the open document of that version, snippets as snippet edits', async () => {
    const doc = document('file:///ws/a.md', 'some text here', 4);
    fake.workspace.textDocuments = [document('file:///ws/other.md', ''), doc];
    fake.workspace.applyEdit.mockResolvedValue(true);
    expect(await applyFix({ uri: 'file:///ws/a.md', version: 4, edits, title: 'Fix' })).toBe(true);
    const edit = fake.workspace.applyEdit.mock.calls[0]![0] as fake.WorkspaceEdit;
    const range = (s: number, e: number) => new fake.Range(new fake.Position(0, s), new fake.Position(0, e));
    expect(edit.sets).toEqual([
      { uri: fake.Uri.parse('file:///ws/a.md'), edits: [new fake.TextEdit(range(2, 5), 'plain'), new fake.SnippetTextEdit(range(7, 9), new fake.SnippetString('${1:x}'))] },
    ]);
    expect(fake.workspace.openTextDocument).not.toHaveBeenCalled();
  });

  it('opens the document when it is not open', async () => {
    fake.workspace.openTextDocument.mockResolvedValue(document('file:///ws/a.md', 'text', 1));
    await applyFix({ uri: 'file:///ws/a.md', version: 1, edits, title: 'Fix' });
    expect(fake.workspace.openTextDocument).toHaveBeenCalledWith(fake.Uri.parse('file:///ws/a.md'));
  });

  it('refuses a fix computed for another version, and says why', async () => {
    fake.workspace.textDocuments = [document('file:///ws/a.md', 'text', 5)];
    expect(await applyFix({ uri: 'file:///ws/a.md', version: 4, edits, title: 'Remove `robust`' })).toBe(false);
    expect(fake.workspace.applyEdit).not.toHaveBeenCalled();
    expect(fake.window.showWarningMessage).toHaveBeenCalledWith(
      'POV Lint: the document changed after "Remove `robust`" was offered, so nothing was changed. Open the quick fixes again.',
    );
  });

  it('returns what the editor answers for the edit', async () => {
    fake.workspace.textDocuments = [document('file:///ws/a.md', 'text', 1)];
    fake.workspace.applyEdit.mockResolvedValue(false);
    expect(await applyFix({ uri: 'file:///ws/a.md', version: 1, edits, title: 'Fix' })).toBe(false);
  });

  it('shows the rule page shipped with the extension in the Markdown preview', async () => {
    await showRuleDocs(editorUri(fake.Uri.file('/ext')), { ruleId: 'puffery', url: 'https://example.com/puffery.md' });
    expect(fake.commands.executeCommand).toHaveBeenCalledWith('markdown.showPreview', fake.Uri.file('/ext/docs/rules/puffery.md'));
    expect(fake.env.openExternal).not.toHaveBeenCalled();
  });

  it('opens the rule page on the web when the extension has no copy', async () => {
    fake.workspace.fs.stat.mockRejectedValue(new Error('ENOENT'));
    await showRuleDocs(editorUri(fake.Uri.file('/ext')), { ruleId: 'puffery', url: 'https://example.com/puffery.md' });
    expect(fake.env.openExternal).toHaveBeenCalledWith(fake.Uri.parse('https://example.com/puffery.md'));
    expect(fake.commands.executeCommand).not.toHaveBeenCalled();
  });
});

describe('Lint Workspace', () => {
  const uri = (name: string) => fake.Uri.parse(`file:///ws/${name}`);
  const linted = (u: fake.Uri, shown: number, skipped?: LintResult['skipped']): Linted =>
    ({ result: { uri: u, version: 0, findings: [], shown, ...(skipped ? { skipped } : {}) }, diagnostics: [] }) as unknown as Linted;

  function linter(files: Record<string, number | 'skipped' | 'throws'>) {
    return {
      lintFile: vi.fn(async (u: fake.Uri) => {
        const v = files[u.path.replace('/ws/', '')];
        if (v === 'throws') throw new Error('gone');
        return v === 'skipped' ? linted(u, 0, 'too-large') : linted(u, v ?? 0);
      }),
      lintDocument: vi.fn(async () => ({ shown: 4 })),
      publishMany: vi.fn(),
      log: vi.fn(),
    };
  }
  const run = (l: ReturnType<typeof linter>, settings = settingsStore()) => lintWorkspace(l as unknown as DocumentLinter, settings);

  it('shows cancellable progress as a notification', async () => {
    fake.workspace.findFiles.mockResolvedValue([]);
    await run(linter({}));
    expect(fake.window.withProgress.mock.calls[0]![0]).toEqual({ location: fake.ProgressLocation.Notification, title: 'POV Lint: linting workspace', cancellable: true });
  });

  it('finds the files with the include and exclude settings', async () => {
    fake.workspace.findFiles.mockResolvedValue([]);
    await run(linter({}), settingsStore({ 'lintWorkspace.include': '**/*.md', 'lintWorkspace.exclude': '**/x/**' } as Partial<Settings>));
    expect(fake.workspace.findFiles.mock.calls[0]!.slice(0, 3)).toEqual(['**/*.md', '**/x/**', undefined]);
  });

  it('counts files, claims and skipped files, and publishes every file read from disk', async () => {
    fake.workspace.findFiles.mockResolvedValue([uri('a.md'), uri('b.md'), uri('c.md'), uri('d.md')]);
    const l = linter({ 'a.md': 2, 'b.md': 'skipped', 'c.md': 'throws', 'd.md': 3 });
    const summary = await run(l);
    expect({ ...summary, ms: 0 }).toEqual({ files: 4, linted: 4, claims: 5, skipped: 2, cancelled: false, ms: 0 });
    expect(l.publishMany.mock.calls.flatMap(([batch]) => (batch as Linted[]).map((x) => x.result.uri.path)).sort()).toEqual(['/ws/a.md', '/ws/b.md', '/ws/d.md']);
  });

  it('lints an open document through the editor instead of reading the file', async () => {
    const doc = document('file:///ws/a.md', 'text');
    fake.workspace.textDocuments = [document('file:///ws/z.md', ''), doc];
    fake.workspace.findFiles.mockResolvedValue([uri('a.md')]);
    const l = linter({});
    const summary = await run(l);
    expect([l.lintDocument.mock.calls, l.lintFile.mock.calls.length, summary.claims]).toEqual([[[doc]], 0, 4]);
  });

  it('counts an open document that could not be linted as no claims', async () => {
    fake.workspace.textDocuments = [document('file:///ws/a.md', 'text')];
    fake.workspace.findFiles.mockResolvedValue([uri('a.md')]);
    const l = linter({});
    l.lintDocument.mockResolvedValue(undefined as never);
    expect((await run(l)).claims).toBe(0);
  });

  it('says how many claims in how many files, in the singular for one', async () => {
    fake.workspace.findFiles.mockResolvedValue([uri('a.md')]);
    await run(linter({ 'a.md': 1 }));
    expect(fake.window.showInformationMessage).toHaveBeenCalledWith('POV Lint: 1 unverifiable claim in 1 file.');
  });

  it('says how many claims in how many files, in the plural otherwise', async () => {
    fake.workspace.findFiles.mockResolvedValue([uri('a.md'), uri('b.md')]);
    await run(linter({ 'a.md': 1, 'b.md': 1 }));
    expect(fake.window.showInformationMessage).toHaveBeenCalledWith('POV Lint: 2 unverifiable claims in 2 files.');
  });

  it('logs the time spent and the count of files', async () => {
    fake.workspace.findFiles.mockResolvedValue([uri('a.md')]);
    const l = linter({ 'a.md': 0 });
    await run(l);
    expect(l.log.mock.calls[0]![0]).toMatch(/^\[lint workspace\] 1 of 1 files in \d+ ms; summed over files: config \d+ ms, read \d+ ms, lint \d+ ms, publish \d+ ms$/);
  });

  it('stops when cancelled and says how far it got', async () => {
    const token = { isCancellationRequested: false };
    fake.window.withProgress.mockImplementation((_o: unknown, task: (p: unknown, t: typeof token) => unknown) => task({ report: vi.fn() }, token));
    fake.workspace.findFiles.mockResolvedValue(Array.from({ length: 20 }, (_, i) => uri(`${i}.md`)));
    const l = linter({});
    l.lintFile.mockImplementation(async (u: fake.Uri) => {
      token.isCancellationRequested = true;
      return linted(u, 1);
    });
    const summary = await run(l);
    expect([summary.cancelled, summary.linted]).toEqual([true, 1]);
    expect(fake.window.showInformationMessage).toHaveBeenCalledWith('POV Lint: cancelled after 1 of 20 files; 1 unverifiable claim in 1 file so far.');
    expect(l.log.mock.calls[0]![0]).toMatch(/ \(cancelled\)$/);
  });

  it('reads at most eight files at a time', async () => {
    fake.workspace.findFiles.mockResolvedValue(Array.from({ length: 20 }, (_, i) => uri(`${i}.md`)));
    let inFlight = 0;
    let most = 0;
    const l = linter({});
    l.lintFile.mockImplementation(async (u: fake.Uri) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return linted(u, 0);
    });
    await run(l);
    expect(most).toBe(8);
  });

  it('reports progress in percent of the files, and publishes, when a time slice is used up', async () => {
    const report = vi.fn();
    fake.window.withProgress.mockImplementation((_o: unknown, task: (p: unknown, t: unknown) => unknown) => task({ report }, { isCancellationRequested: false }));
    fake.workspace.findFiles.mockResolvedValue([uri('a.md'), uri('b.md')]);
    const l = linter({});
    // Each file takes longer than a time slice (25 ms), and they finish far apart.
    l.lintFile.mockImplementation(async (u: fake.Uri) => {
      await new Promise((r) => setTimeout(r, u.path.endsWith('a.md') ? 30 : 200));
      return linted(u, 0);
    });
    await run(l);
    expect(report.mock.calls.map(([r]) => r)).toEqual([
      { increment: 50, message: '1 of 2 files' },
      { increment: 50, message: '2 of 2 files' },
    ]);
    // Once per slice that linted a file (nothing is published empty).
    expect(l.publishMany.mock.calls.map(([batch]) => (batch as Linted[]).length)).toEqual([1, 1]);
  });

  it('hands a batch to the editor in runs of at most 250 diagnostics, with a turn between runs', async () => {
    fake.window.withProgress.mockImplementation((_o: unknown, task: (p: unknown, t: unknown) => unknown) => task({ report: vi.fn() }, { isCancellationRequested: false }));
    fake.workspace.findFiles.mockResolvedValue([uri('a.md'), uri('b.md'), uri('c.md'), uri('d.md')]);
    const l = linter({});
    const sizes: Record<string, number> = { 'a.md': 200, 'b.md': 30, 'c.md': 240, 'd.md': 5 };
    // Every file is linted within one time slice: one batch, cut by its diagnostics.
    l.lintFile.mockImplementation(async (u: fake.Uri) => {
      const n = sizes[u.path.replace('/ws/', '')]!;
      return { ...linted(u, n), diagnostics: Array.from({ length: n }, () => ({})) } as unknown as Linted;
    });
    await run(l);
    const runs = l.publishMany.mock.calls.map(([batch]) => (batch as Linted[]).map((x) => x.diagnostics.length));
    expect(runs).toEqual([[200, 30], [240, 5]]);
  });
});

describe('Show Report', () => {
  function reportLinter(findings: Finding[] = []) {
    let listener: ((r: { uri: fake.Uri }) => void) | undefined;
    return {
      onDidLint: vi.fn((l: (r: { uri: fake.Uri }) => void) => {
        listener = l;
        return { dispose: vi.fn() };
      }),
      current: vi.fn(async () => undefined),
      resultFor: vi.fn(() => ({ findings })),
      fire: (uri: fake.Uri) => listener?.({ uri }),
    };
  }
  function panel() {
    return { title: '', webview: { html: '' }, reveal: vi.fn(), onDidDispose: vi.fn(), dispose: vi.fn() };
  }
  const view = (l: ReturnType<typeof reportLinter>) => new ReportView(l as unknown as DocumentLinter);

  it('without a Markdown document it says one must be open', async () => {
    fake.window.activeTextEditor = editorOf(document('file:///ws/a.txt', '', 1, 'plaintext'));
    expect(await view(reportLinter()).show()).toBeUndefined();
    expect(fake.window.showInformationMessage).toHaveBeenCalledWith('POV Lint: open a Markdown document to see its report.');
  });

  it('without any editor it says a Markdown document must be open', async () => {
    expect(await view(reportLinter()).show()).toBeUndefined();
    expect(fake.window.createWebviewPanel).not.toHaveBeenCalled();
  });

  it('opens a script-free panel beside the editor, titled with the file name, after the lint is current', async () => {
    const doc = document('file:///ws/docs/a.md', 'text');
    fake.window.activeTextEditor = editorOf(doc);
    const p = panel();
    fake.window.createWebviewPanel.mockReturnValue(p);
    const l = reportLinter();
    const report = await view(l).show();
    expect(fake.window.createWebviewPanel).toHaveBeenCalledWith('povlint.report', 'POV Lint Report', { viewColumn: fake.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, localResourceRoots: [] });
    expect([l.current.mock.calls, p.reveal.mock.calls, p.title, report?.title]).toEqual([[[doc]], [[undefined, true]], 'POV Lint Report: a.md', 'docs/a.md']);
    expect(p.webview.html).toContain('<!DOCTYPE html>');
  });

  it('opens the given document rather than the active one', async () => {
    fake.workspace.openTextDocument.mockResolvedValue(document('file:///ws/b.md', 'text'));
    fake.window.createWebviewPanel.mockReturnValue(panel());
    const report = await view(reportLinter()).show(editorUri(fake.Uri.parse('file:///ws/b.md')));
    expect([fake.workspace.openTextDocument.mock.calls, report?.title]).toEqual([[[fake.Uri.parse('file:///ws/b.md')]], 'b.md']);
  });

  it('reuses its panel, and makes a new one after the panel was closed', async () => {
    fake.window.activeTextEditor = editorOf(document('file:///ws/a.md', 'text'));
    const p = panel();
    fake.window.createWebviewPanel.mockReturnValue(p);
    const v = view(reportLinter());
    await v.show();
    await v.show();
    expect(fake.window.createWebviewPanel).toHaveBeenCalledTimes(1);
    (p.onDidDispose.mock.calls[0]![0] as () => void)();
    await v.show();
    expect(fake.window.createWebviewPanel).toHaveBeenCalledTimes(2);
  });

  it('re-renders when its document is linted again, and only then', async () => {
    fake.window.activeTextEditor = editorOf(document('file:///ws/a.md', 'text'));
    fake.window.createWebviewPanel.mockReturnValue(panel());
    const l = reportLinter();
    await view(l).show();
    l.resultFor.mockClear();
    l.fire(fake.Uri.parse('file:///ws/other.md'));
    expect(l.resultFor).not.toHaveBeenCalled();
    l.fire(fake.Uri.parse('file:///ws/a.md'));
    expect(l.resultFor).toHaveBeenCalledTimes(1);
  });

  it('does not render before a panel was opened', () => {
    const l = reportLinter();
    view(l);
    l.fire(fake.Uri.parse('file:///ws/a.md'));
    expect(l.resultFor).not.toHaveBeenCalled();
  });

  it('stops listening and closes its panel when disposed', async () => {
    fake.window.activeTextEditor = editorOf(document('file:///ws/a.md', 'text'));
    const p = panel();
    fake.window.createWebviewPanel.mockReturnValue(p);
    const l = reportLinter();
    const v = view(l);
    await v.show();
    v.dispose();
    const subscription = l.onDidLint.mock.results[0]!.value as { dispose: ReturnType<typeof vi.fn> };
    expect([subscription.dispose.mock.calls.length, p.dispose.mock.calls.length]).toEqual([1, 1]);
  });
});
