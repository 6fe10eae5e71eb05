/**
 * The part of the `vscode` API the editor commands use, as a recording fake for unit tests:
 * `vi.mock('vscode', () => import('./vscode-fake.js'))`. Every window and workspace call is a
 * `vi.fn()`; `reset()` restores the defaults before each test. The commands themselves also run
 * in a real editor (test/electron); these tests pin their branches, messages and arguments.
 */
import { vi } from 'vitest';

export class Uri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static parse(value: string): Uri {
    const at = value.indexOf(':');
    return new Uri(value.slice(0, at), value.slice(at + 1).replace(/^\/\//, ''));
  }
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(base.scheme, [base.path.replace(/\/$/, ''), ...segments].join('/'));
  }
  with(change: { path?: string }): Uri {
    return new Uri(this.scheme, change.path ?? this.path);
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
}

export class SnippetString {
  constructor(readonly value: string) {}
}

export class TextEdit {
  constructor(
    readonly range: Range,
    readonly newText: string,
  ) {}
}

export class SnippetTextEdit {
  constructor(
    readonly range: Range,
    readonly snippet: SnippetString,
  ) {}
}

export class WorkspaceEdit {
  readonly sets: Array<{ uri: Uri; edits: unknown[] }> = [];
  readonly replaces: Array<{ uri: Uri; range: Range; text: string }> = [];
  set(uri: Uri, edits: unknown[]): void {
    this.sets.push({ uri, edits });
  }
  replace(uri: Uri, range: Range, text: string): void {
    this.replaces.push({ uri, range, text });
  }
}

export const QuickPickItemKind = { Separator: -1, Default: 0 } as const;
export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 } as const;
export const ViewColumn = { Active: -1, Beside: -2, One: 1 } as const;
export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 } as const;

export interface FakeCancellation {
  isCancellationRequested: boolean;
}

export const window = {
  activeTextEditor: undefined as unknown,
  showInformationMessage: vi.fn(),
  showWarningMessage: vi.fn(),
  showErrorMessage: vi.fn(),
  showQuickPick: vi.fn(),
  showOpenDialog: vi.fn(),
  showTextDocument: vi.fn(),
  createWebviewPanel: vi.fn(),
  withProgress: vi.fn(),
};

export const workspace = {
  textDocuments: [] as unknown[],
  fs: { writeFile: vi.fn(), stat: vi.fn(), readFile: vi.fn() },
  openTextDocument: vi.fn(),
  applyEdit: vi.fn(),
  findFiles: vi.fn(),
  asRelativePath: vi.fn(),
};

export const commands = { executeCommand: vi.fn() };
export const env = { openExternal: vi.fn() };

/** Restores the defaults: no editor, no documents, every call resolving to undefined. */
export function reset(): void {
  vi.clearAllMocks();
  window.activeTextEditor = undefined;
  workspace.textDocuments = [];
  for (const f of [...Object.values(window), ...Object.values(workspace), ...Object.values(workspace.fs), commands.executeCommand, env.openExternal]) {
    if (vi.isMockFunction(f)) f.mockReset();
  }
  window.withProgress.mockImplementation((_options: unknown, task: (progress: unknown, token: FakeCancellation) => unknown) =>
    task({ report: vi.fn() }, { isCancellationRequested: false }),
  );
  workspace.asRelativePath.mockImplementation((uri: Uri) => uri.path.replace(/^\/ws\//, ''));
}
reset();
