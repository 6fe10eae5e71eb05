/**
 * What makes a session incremental, not only correct: how many blocks an edit analyses again, and
 * which placed findings it keeps. Every result is also compared with a fresh `lint()`; the block
 * analyses are counted through a wrapper around the one function the session analyses them with.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession, lint } from '../src/core/index.js';
import * as lintModule from '../src/core/lint.js';

vi.mock('../src/core/lint.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/core/lint.js')>();
  return { ...original, blockResult: vi.fn(original.blockResult) };
});

const analysed = vi.mocked(lintModule.blockResult);
beforeEach(() => {
  analysed.mockClear();
});

/** `n` paragraphs; the odd ones hold a claim, so most blocks have findings. */
const paragraphs = (n: number): string =>
  Array.from({ length: n }, (_, i) => (i % 2 ? `Paragraph ${i} will be much faster than before.` : `Paragraph ${i} lists the deliverables.`)).join('\n\n') + '\n';

/** Analyses an edit causes, with the check that its findings are those of lint(). */
function analysesFor(s: ReturnType<typeof createSession>, at: number, del: number, insert: string): number {
  analysed.mockClear();
  const findings = s.edit(at, del, insert);
  expect(findings).toEqual(lint(s.text()));
  return analysed.mock.calls.length;
}

describe('incremental session', () => {
  const text = paragraphs(40);
  const inside = text.indexOf('Paragraph 21 ') + 'Paragraph 21 '.length;

  it('analyses each block once when it starts', () => {
    createSession(text);
    expect(analysed).toHaveBeenCalledTimes(40);
  });

  it('typing inside a paragraph analyses that block and the one before it', () => {
    expect(analysesFor(createSession(text), inside, 0, 'really ')).toBe(2);
  });

  it('an edit at the start of a block analyses that block and the one before it', () => {
    expect(analysesFor(createSession(text), text.indexOf('Paragraph 21 '), 0, 'So, ')).toBe(2);
  });

  it('an edit that ends where the next block starts stops there', () => {
    const end = text.indexOf('Paragraph 22 ');
    expect(analysesFor(createSession(text), end - 2, 2, '\n\n')).toBe(2);
  });

  it('deleting a whole paragraph analyses only the block before it', () => {
    const from = text.indexOf('Paragraph 21 ');
    expect(analysesFor(createSession(text), from, text.indexOf('Paragraph 22 ') - from, '')).toBe(1);
  });

  it('adding a paragraph analyses the new block and the one before it', () => {
    expect(analysesFor(createSession(text), text.indexOf('Paragraph 21 '), 0, 'A new paragraph is faster.\n\n')).toBe(2);
  });

  it('a late edit in a document with front matter does not start again from the top', () => {
    const withFm = `---\ntitle: Proposal\n---\n\n${text}`;
    expect(analysesFor(createSession(withFm), withFm.indexOf('Paragraph 21 ') + 5, 0, 'x')).toBe(2);
  });

  it('a late edit in a document whose first line is a lone --- does not start again from the top', () => {
    const dashes = `---\n\n${text}`;
    expect(analysesFor(createSession(dashes), dashes.indexOf('Paragraph 21 ') + 5, 0, 'x')).toBe(2);
  });

  it('an edit that changes nothing analyses nothing and returns the current findings', () => {
    const s = createSession(text);
    const before = s.findings();
    analysed.mockClear();
    expect([s.edit(inside, 0, ''), analysed.mock.calls.length]).toEqual([before, 0]);
  });

  it('keeps the placed findings of blocks the edit did not move (the same objects)', () => {
    const s = createSession(text);
    const first = s.findings()[0]!;
    s.edit(inside, 0, 'really ');
    expect(s.findings()[0]).toBe(first);
  });

  it('moves the placed findings of blocks after an edit in place: positions, fix ranges and all', () => {
    const s = createSession(text);
    const last = s.findings().at(-1)!;
    const before = structuredClone(last);
    expect(before.fixes.some((x) => x.edits.length > 0)).toBe(true);
    const after = s.edit(inside, 0, 'really\n');
    expect(after.at(-1)).toBe(last);
    expect(last.start).toEqual({ line: before.start.line + 1, column: before.start.column, offset: before.start.offset + 7 });
    expect(last.end.offset).toBe(before.end.offset + 7);
    expect(last.fixes.map((x) => x.edits.map((e) => [e.start, e.end]))).toEqual(before.fixes.map((x) => x.edits.map((e) => [e.start + 7, e.end + 7])));
    expect(after).toEqual(lint(s.text()));
    // Moved back by the next edit, not from where it was first placed.
    s.edit(inside, 7, '');
    expect(structuredClone(last)).toEqual(before);
  });
});

/** A Chinese paragraph, and an English one (which front matter `lang: zh` has read as Chinese). */
const ZH = '系统将显著提高处理效率，并提供一流的服务。供应商应尽可能恢复服务，确保客户满意。\n\n';
const EN = 'The platform will significantly improve response times.\n';

describe('session edits', () => {
  it('treats a missing insert as empty', () => {
    const s = createSession('abcdef');
    s.edit(0, 3, undefined as unknown as string);
    expect(s.text()).toBe('def');
  });

  it('with locale auto reads a Chinese document as Chinese, like lint()', () => {
    const text = '系统将显著提高处理效率，并提供一流的服务。\n';
    expect(createSession(text, { locale: 'auto' }).findings()).toEqual(lint(text, { locale: 'auto' }));
  });

  it('reads every block in the language front matter names, like lint()', () => {
    const text = `---\nlang: zh\n---\n\n${ZH}${EN}`;
    expect(createSession(text).findings()).toEqual(lint(text));
  });

  it('reads every block again when front matter names the language the text already had', () => {
    const s = createSession(`${ZH}${ZH}${EN}`);
    expect(s.edit(0, 0, '---\nlang: zh\n---\n\n')).toEqual(lint(s.text()));
  });

  it('reads front matter added at the start', () => {
    const s = createSession('Intro.\n\nThe platform will significantly improve response times.\n');
    expect(s.edit(0, 0, '---\nlang: zh\n---\n\n')).toEqual(lint(s.text()));
  });
});
