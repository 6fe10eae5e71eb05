import { describe, expect, it } from 'vitest';
import type { Clause } from '../../src/core/clauses/types.js';
import { lint } from '../../src/core/index.js';
import { actionsForFinding, type ActionData } from '../../src/vscode/model/actions.js';
import { MESSAGES } from '../../src/core/messages.js';

const REWRITE_TITLE = MESSAGES.en.fix.rewrite;
import { ignoreFileEdit, ignoreNextLineEdit } from '../../src/vscode/model/directives.js';
import { applyOffsetEdits, paragraphEndAt } from '../../src/vscode/model/geometry.js';
import { findingAt } from './findings.js';
import { rewriteExample } from '../../src/vscode/model/hover.js';

const clause: Clause = {
  id: 'baseline-measurement-plan',
  title: 'Baseline measurement plan',
  category: 'baseline-measurement',
  topics: ['performance'],
  docTypes: ['rfp'],
  description: 'Measure the baseline before the POV starts.',
  locale: 'en',
  body: 'The Supplier shall measure ${1:the metric} for ${2:14 days} before the POV starts.',
};
const ctx = (text: string) => ({ text, clause: (id: string) => (id === clause.id ? clause : undefined), clauseSuggestions: 3 });
const edits = (a: ActionData) => (a.type === 'edit' ? a.edits : []);

describe('actionsForFinding', () => {
  const text = '# RFP\n\nThe system will be much faster\nfor all users.\n\nNext paragraph.\n';
  const f = findingAt(text, 'much faster');
  const actions = actionsForFinding(f, ctx(text));

  it('offers rewrite (preferred), clause, ignore line, ignore file, allow term and docs, in that order', () => {
    expect(actions.map((a) => a.title)).toEqual([
      REWRITE_TITLE,
      'Insert POV clause: Baseline measurement plan',
      'Ignore `unmeasured-claim` on this line',
      'Ignore `unmeasured-claim` in this file',
      'Allow `much faster` in this workspace',
      'Show documentation for `unmeasured-claim`',
    ]);
    expect(actions.filter((a) => a.type === 'edit' && a.preferred)).toHaveLength(1);
  });

  it('rewrite replaces exactly the claim with a snippet', () => {
    const [edit] = edits(actions[0]!);
    expect(edit).toMatchObject({ start: f.start.offset, end: f.end.offset, snippet: true });
    expect(applyOffsetEdits(text, [edit!])).toContain('The system will be p95 response time of ${1:300} ms');
  });

  it('inserts the clause as its own paragraph after the paragraph', () => {
    const out = applyOffsetEdits(text, edits(actions[1]!));
    expect(out).toBe(
      '# RFP\n\nThe system will be much faster\nfor all users.\n\nThe Supplier shall measure ${1:the metric} for ${2:14 days} before the POV starts.\n\nNext paragraph.\n',
    );
  });

  it('writes directive comments', () => {
    expect(applyOffsetEdits(text, edits(actions[2]!))).toContain('\n<!-- povlint-disable-next-line unmeasured-claim -->\nThe system');
    expect(applyOffsetEdits(text, edits(actions[3]!))).toMatch(/^<!-- povlint-disable-file unmeasured-claim -->\n\n# RFP/);
  });

  it('offers no allow action without a term, and respects the clause count', () => {
    const g = findingAt(text, 'faster', { term: undefined });
    const list = actionsForFinding(g, { ...ctx(text), clauseSuggestions: 0 });
    expect(list.some((a) => a.type === 'allowTerm')).toBe(false);
    expect(list.some((a) => a.title.startsWith('Insert POV clause'))).toBe(false);
  });

  it("uses the core's fix titles as they are", () => {
    const p = findingAt(text, 'much faster', {
      ruleId: 'puffery',
      fixes: [{ kind: 'replace-puffery', title: 'a title from the core', edits: [{ start: 0, end: 1, text: '${1:x}', snippet: true }] }],
    });
    expect(actionsForFinding(p, ctx(text))[0]?.title).toBe('a title from the core');
  });

  it('does not offer a fix whose text is still pending (its lint deferred it), nor show it in a hover', () => {
    const claim = '# Proposal\n\nOur platform will reduce the cost of operations.\n';
    const rewriting = (x: { fixes: Array<{ kind: string }> }) => x.fixes.some((fix) => fix.kind === 'rewrite-measurable');
    const [deferred] = lint(claim, { deferDetails: true }).filter(rewriting);
    expect(deferred!.fixes[0]!.pending).toBeDefined();
    expect(actionsForFinding(deferred!, ctx(claim)).some((a) => a.title === REWRITE_TITLE)).toBe(false);
    expect(rewriteExample(deferred!)).toBeUndefined();
    const [eager] = lint(claim).filter(rewriting);
    expect(actionsForFinding(eager!, ctx(claim))[0]?.title).toBe(REWRITE_TITLE);
    expect(rewriteExample(eager!)).toContain('reduce the cost of operations');
  });
});

describe('fix titles', () => {
  const titles = (text: string) =>
    lint(text).flatMap((f) => actionsForFinding(f, ctx(text)).filter((a) => a.type === 'edit' && f.fixes.some((x) => x.title === a.title && (x.kind === 'rewrite-measurable' || x.kind === 'replace-puffery'))).map((a) => [f.fixes.find((x) => x.title === a.title)!.kind, a.title]));

  it('keep the English words for English documents', () => {
    expect(titles('# RFP\n\nThe platform is best-in-class and much faster.\n')).toEqual(
      expect.arrayContaining([
        ['replace-puffery', 'Replace `best-in-class` with a specific, checkable statement'],
        ['rewrite-measurable', REWRITE_TITLE],
      ]),
    );
  });

  it("use the core's localised titles for Chinese documents", () => {
    const text = '# 招标\n\n提供业界领先的服务，响应速度更快。\n';
    expect(titles(text)).toEqual(
      expect.arrayContaining([
        ['replace-puffery', '将“业界领先”替换为具体、可核查的陈述'],
        ['rewrite-measurable', '改写为可衡量的结果'],
      ]),
    );
  });

  it('title an English document in English even when a term is Chinese', () => {
    expect(titles('# RFP\n\nThe service will be 更快 and much faster.\n').every(([, t]) => !/\p{Script=Han}/u.test(t!.replace(/`[^`]*`/g, '')))).toBe(true);
  });
});

describe('directive edits', () => {
  it('indents like the flagged line and keeps CRLF', () => {
    const text = '- item\r\n  - nested much faster\r\n';
    const e = ignoreNextLineEdit(text, text.indexOf('much'), 'puffery');
    expect(applyOffsetEdits(text, [e])).toBe('- item\r\n  <!-- povlint-disable-next-line puffery -->\r\n  - nested much faster\r\n');
  });

  it('extends an existing next-line directive instead of stacking another', () => {
    const text = '<!-- povlint-disable-next-line puffery -->\nmuch faster\n';
    const e = ignoreNextLineEdit(text, text.indexOf('much'), 'unmeasured-claim');
    expect(applyOffsetEdits(text, [e])).toBe('<!-- povlint-disable-next-line puffery unmeasured-claim -->\nmuch faster\n');
    expect(applyOffsetEdits(text, [ignoreNextLineEdit(text, text.indexOf('much'), 'puffery')])).toBe(text);
  });

  it('keeps blockquote markers', () => {
    const text = '> quoted much faster\n';
    expect(applyOffsetEdits(text, [ignoreNextLineEdit(text, 10, 'puffery')])).toBe('> <!-- povlint-disable-next-line puffery -->\n> quoted much faster\n');
  });

  it('puts the file directive after front matter and extends an existing one', () => {
    const text = '---\ntitle: x\n---\n# Title\n';
    expect(applyOffsetEdits(text, [ignoreFileEdit(text, 'puffery')])).toBe('---\ntitle: x\n---\n<!-- povlint-disable-file puffery -->\n\n# Title\n');
    const again = '<!-- povlint-disable-file puffery -->\n\n# T\n';
    expect(applyOffsetEdits(again, [ignoreFileEdit(again, 'vague-quantifier')])).toBe('<!-- povlint-disable-file puffery vague-quantifier -->\n\n# T\n');
  });

  it('finds the paragraph end at end of text without a newline', () => {
    expect(paragraphEndAt('a\nb', 0)).toBe(3);
    expect(paragraphEndAt('a\r\nb\r\n\r\nc', 0)).toBe(4);
  });
});
