import { describe, expect, it } from 'vitest';
import { lint } from './index.js';

const rules = (text: string): string[] => lint(text).map((f) => `${f.start.line}:${f.ruleId}`);

describe('directives', () => {
  const claim = 'Our industry-leading platform ships.';

  it('disable-file silences everything, or the named rules', () => {
    expect(rules(`<!-- povlint-disable-file -->\n\n${claim}`)).toEqual([]);
    expect(rules(`<!-- povlint-disable-file weak-obligation -->\n\n${claim}`)).toEqual(['3:puffery']);
  });

  it('disable and enable bound a range', () => {
    expect(rules(`<!-- povlint-disable puffery -->\n\n${claim}\n\n<!-- povlint-enable puffery -->\n\n${claim}`)).toEqual(['7:puffery']);
  });

  it('disable-next-line and disable-line act on one line', () => {
    expect(rules(`<!-- povlint-disable-next-line -->\n${claim}\n\n${claim}`)).toEqual(['4:puffery']);
    expect(rules(`${claim} <!-- povlint-disable-line puffery -->`)).toEqual([]);
  });

  it('ignores unknown rule names and directives in code', () => {
    expect(rules(`<!-- povlint-disable-file no-such-rule -->\n\n${claim}`)).toEqual(['3:puffery']);
    expect(rules('```\n<!-- povlint-disable-file -->\n```\n\n' + claim)).toEqual(['5:puffery']);
  });
});
