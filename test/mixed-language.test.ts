/**
 * Mixed-language text: where no locale is fixed, a block that holds both Han characters and Latin
 * letters has each of its units (sentence, list item, table cell) read in the language of its own
 * script; a locale fixed by the options or the front matter reads every unit in that locale.
 */
import { describe, expect, it } from 'vitest';
import { createSession, explain, lint, type Finding, type LintOptions } from '../src/core/index.js';

const ZH = '我们的产品性能大幅提升，业界领先。';
const EN = 'Our platform is industry-leading and dramatically faster.';

const onLine = (findings: readonly Finding[], line: number): Finding[] => findings.filter((f) => f.start.line === line);
const isHan = (s: string | undefined): boolean => /[\u4e00-\u9fff]/.test(s ?? '');
const isLatin = (s: string | undefined): boolean => /^[A-Za-z][A-Za-z -]*$/.test(s ?? '');

/** The findings of `text` whose term is written in each script. */
function byScript(findings: readonly Finding[]): { han: Finding[]; latin: Finding[] } {
  return { han: findings.filter((f) => isHan(f.term)), latin: findings.filter((f) => isLatin(f.term)) };
}

describe('a unit is read in the language of its own script', () => {
  it('an English sentence in a Chinese paragraph gets the English findings, and the Chinese one its own', () => {
    const text = `# 产品介绍\n\n${ZH}${EN}\n`;
    const { han, latin } = byScript(onLine(lint(text), 3));
    expect(han.map((f) => f.term)).toEqual(expect.arrayContaining(['大幅', '业界领先']));
    expect(latin.map((f) => f.term)).toEqual(expect.arrayContaining(['industry-leading', 'dramatically']));
    // Each is written in its own language: the English finding speaks English.
    for (const f of latin) expect(isHan(f.message)).toBe(false);
    for (const f of han) expect(isHan(f.message)).toBe(true);
  });

  it('a Chinese sentence in an English paragraph gets the Chinese findings', () => {
    const text = `# Overview\n\n${EN} ${ZH} The team meets on Mondays and reviews the backlog with the product owner.\n`;
    const { han, latin } = byScript(onLine(lint(text), 3));
    expect(han.map((f) => f.term)).toEqual(expect.arrayContaining(['大幅', '业界领先']));
    expect(latin.map((f) => f.term)).toContain('industry-leading');
  });

  it('an English cell of a Chinese table is read in English, and a Chinese cell in Chinese', () => {
    const text = `| 功能 | 说明 |\n|---|---|\n| 扫描 | Seamless integration with best-in-class tools |\n| 性能 | ${ZH} |\n`;
    const findings = lint(text);
    expect(onLine(findings, 3).map((f) => f.term)).toEqual(expect.arrayContaining(['Seamless', 'best-in-class']));
    expect(onLine(findings, 4).map((f) => f.term)).toEqual(expect.arrayContaining(['业界领先']));
  });

  it('the same sentence gets the same findings inside a mixed block as on its own', () => {
    const alone = (t: string): Array<[string, string | undefined]> => lint(t).map((f) => [f.ruleId, f.term]);
    const mixed = lint(`${ZH}${EN}\n`).map((f): [string, string | undefined] => [f.ruleId, f.term]);
    expect(mixed).toEqual([...alone(`${ZH}\n`), ...alone(`${EN}\n`)]);
  });

  it('a Chinese claim in an English document is given the clauses it gets in a Chinese document', () => {
    // The document is English (its Latin letters outweigh its Han characters); the claim is not.
    const inEnglish = lint(`# Overview\n\n${EN} ${EN} ${EN}\n\n${ZH}\n`).filter((f) => isHan(f.term));
    const inChinese = lint(`# 概述\n\n${ZH}\n`);
    expect(inEnglish.length).toBeGreaterThan(0);
    expect(inEnglish.map((f) => [f.ruleId, f.term, f.clauses])).toEqual(inChinese.map((f) => [f.ruleId, f.term, f.clauses]));
  });

  it('explain reads the unit in the same language as the rules do', () => {
    const units = explain(`${ZH}${EN}\n`);
    const english = units.find((u) => u.text.startsWith('Our platform'))!;
    const chinese = units.find((u) => u.text.startsWith('我们'))!;
    expect(english.matches.map((m) => m.text)).toEqual(expect.arrayContaining(['industry-leading', 'dramatically']));
    expect(chinese.matches.map((m) => m.text)).toEqual(expect.arrayContaining(['业界领先']));
    expect(english.findings.length).toBeGreaterThan(0);
  });

  it('a session reads mixed blocks as lint does, across edits', () => {
    const text = `# 产品介绍\n\n${ZH}\n\n| 功能 | 说明 |\n|---|---|\n| 扫描 | Fast and seamless scanning |\n`;
    const session = createSession(text);
    expect(session.findings()).toEqual(lint(text));
    const at = text.indexOf('提升') + 2;
    const edited = session.edit(at, 0, `${EN}`);
    expect(edited).toEqual(lint(session.text()));
    expect(byScript(onLine(edited, 3)).latin.map((f) => f.term)).toContain('industry-leading');
  });
});

describe('a fixed locale overrides the script of each unit', () => {
  const text = `${ZH}${EN}\n`;
  it.each<[string, string, LintOptions]>([
    ['the options', text, { locale: 'zh' }],
    ['the front matter', `---\nlang: zh\n---\n\n${text}`, {}],
  ])('%s: every unit is read in Chinese', (_how, doc, options) => {
    const { han, latin } = byScript(lint(doc, options));
    expect(han.length).toBeGreaterThan(0);
    expect(latin).toEqual([]);
  });

  it('the options: every unit is read in English', () => {
    const { han, latin } = byScript(lint(text, { locale: 'en' }));
    expect(latin.length).toBeGreaterThan(0);
    expect(han).toEqual([]);
  });
});
