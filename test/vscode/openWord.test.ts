/**
 * POV Lint: Open Word Document as Markdown, against the recording fake of the `vscode` API and
 * the real converter (src/docx) on a real .docx: each branch, what is written where, and the
 * messages for bad documents.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Uri as EditorUri } from 'vscode';
import { convertDocx } from '../../src/docx/index.js';
import { openWordDocument, type WordConverter } from '../../src/vscode/commands/openWord.js';
import { encryptedDocx, ENGLISH, proposalDocx } from '../helpers/docx.js';
import * as fake from '../helpers/vscode-fake.js';

vi.mock('vscode', () => import('../helpers/vscode-fake.js'));

const proposal = await proposalDocx(ENGLISH);
const expected = await convertDocx(proposal);
if (!expected.ok) throw new Error(expected.reason);

/** The converter the desktop extension runs in a worker, here in-process. */
const convert: WordConverter = async (bytes) => {
  const result = await convertDocx(bytes);
  return result.ok ? { ok: true, markdown: result.markdown, comments: result.comments } : result;
};

const docxUri = fake.Uri.file('/ws/bids/Proposal.docx');
const editorUri = (u: fake.Uri): EditorUri => u as unknown as EditorUri;
const files = new Map<string, Uint8Array>();
const decoder = new TextDecoder();

beforeEach(() => {
  fake.reset();
  files.clear();
  files.set(docxUri.path, proposal);
  fake.workspace.fs.readFile.mockImplementation(async (uri: fake.Uri) => {
    const bytes = files.get(uri.path);
    if (!bytes) throw new Error(`EntryNotFound (FileSystemError): ${uri.path}`);
    return bytes;
  });
  fake.workspace.fs.stat.mockImplementation(async (uri: fake.Uri) => {
    if (!files.has(uri.path)) throw new Error('EntryNotFound');
    return { type: 1 };
  });
  fake.workspace.fs.writeFile.mockImplementation(async (uri: fake.Uri, bytes: Uint8Array) => {
    files.set(uri.path, bytes);
  });
  fake.workspace.openTextDocument.mockImplementation(async (arg: unknown) => ({ opened: arg }));
  fake.window.withProgress.mockImplementation((_o: unknown, task: () => unknown) => task());
});

/** Picks the quick-pick item whose `target` is given. */
const pick = (target: 'beside' | 'untitled') =>
  fake.window.showQuickPick.mockImplementation(async (items: { target: string }[]) => items.find((i) => i.target === target));

describe('Open Word Document as Markdown', () => {
  it('saves the Markdown beside the document and opens it', async () => {
    pick('beside');
    const document = await openWordDocument(convert, editorUri(docxUri));
    const written = files.get('/ws/bids/Proposal.md');
    expect(written && decoder.decode(written)).toBe(expected.markdown);
    expect(fake.workspace.openTextDocument).toHaveBeenCalledWith(fake.Uri.file('/ws/bids/Proposal.md'));
    expect(fake.window.showTextDocument).toHaveBeenCalledWith(document);
    const items = fake.window.showQuickPick.mock.calls[0]![0] as { label: string; description: string }[];
    expect(items.map((i) => i.label)).toEqual(['Save as Proposal.md beside it', 'Open as an untitled document']);
    expect(items[0]!.description).toBe('bids/Proposal.md');
    // The comment the document had is mentioned once the Markdown is open.
    expect(fake.window.showInformationMessage).toHaveBeenCalledWith(expect.stringMatching(/^POV Lint: 1 comment was left out of Proposal\.md/));
  });

  it('opens an untitled Markdown document and writes nothing', async () => {
    pick('untitled');
    await openWordDocument(convert, editorUri(docxUri));
    expect(fake.workspace.openTextDocument).toHaveBeenCalledWith({ language: 'markdown', content: expected.markdown });
    expect(fake.workspace.fs.writeFile).not.toHaveBeenCalled();
    expect(fake.window.showTextDocument).toHaveBeenCalledTimes(1);
  });

  it('asks before replacing an existing Markdown file, and leaves it when not confirmed', async () => {
    files.set('/ws/bids/Proposal.md', new TextEncoder().encode('# Mine\n'));
    pick('beside');
    fake.window.showWarningMessage.mockResolvedValue(undefined);
    expect(await openWordDocument(convert, editorUri(docxUri))).toBeUndefined();
    expect(fake.window.showWarningMessage).toHaveBeenCalledWith('Proposal.md already exists. Replace it with the converted Proposal.docx?', { modal: true }, 'Replace');
    expect(decoder.decode(files.get('/ws/bids/Proposal.md'))).toBe('# Mine\n');

    fake.window.showWarningMessage.mockResolvedValue('Replace');
    await openWordDocument(convert, editorUri(docxUri));
    expect(decoder.decode(files.get('/ws/bids/Proposal.md'))).toBe(expected.markdown);
  });

  it('asks for the document when run from the Command Palette, and does nothing when none is chosen', async () => {
    fake.window.showOpenDialog.mockResolvedValueOnce(undefined);
    expect(await openWordDocument(convert)).toBeUndefined();
    expect(fake.workspace.fs.readFile).not.toHaveBeenCalled();

    fake.window.showOpenDialog.mockResolvedValueOnce([docxUri]);
    pick('untitled');
    await openWordDocument(convert);
    expect(fake.window.showOpenDialog).toHaveBeenLastCalledWith(expect.objectContaining({ filters: { 'Word documents': ['docx'] } }));
    expect(fake.workspace.openTextDocument).toHaveBeenCalledWith({ language: 'markdown', content: expected.markdown });
  });

  it('does nothing when the quick pick is dismissed', async () => {
    fake.window.showQuickPick.mockResolvedValue(undefined);
    expect(await openWordDocument(convert, editorUri(docxUri))).toBeUndefined();
    expect(fake.workspace.fs.writeFile).not.toHaveBeenCalled();
    expect(fake.workspace.openTextDocument).not.toHaveBeenCalled();
  });

  it('names the document and the reason when it cannot be converted, and opens nothing', async () => {
    files.set('/ws/bids/Locked.docx', encryptedDocx());
    expect(await openWordDocument(convert, editorUri(fake.Uri.file('/ws/bids/Locked.docx')))).toBeUndefined();
    expect(fake.window.showErrorMessage).toHaveBeenCalledWith(expect.stringMatching(/^POV Lint: cannot convert Locked\.docx: the document is encrypted \(password-protected\)/));
    expect(fake.window.showQuickPick).not.toHaveBeenCalled();
    expect(fake.workspace.openTextDocument).not.toHaveBeenCalled();
  });

  it('names the document when it cannot be read', async () => {
    expect(await openWordDocument(convert, editorUri(fake.Uri.file('/ws/gone.docx')))).toBeUndefined();
    expect(fake.window.showErrorMessage).toHaveBeenCalledWith(expect.stringMatching(/^POV Lint: cannot read gone\.docx: EntryNotFound/));
  });

  it('refuses a file that is not a .docx', async () => {
    expect(await openWordDocument(convert, editorUri(fake.Uri.file('/ws/notes.md')))).toBeUndefined();
    expect(fake.window.showErrorMessage).toHaveBeenCalledWith('POV Lint: notes.md is not a Word document (.docx).');
    expect(fake.workspace.fs.readFile).not.toHaveBeenCalled();
  });
});
