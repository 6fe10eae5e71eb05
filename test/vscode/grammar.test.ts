import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/core/types.js';

interface Rule {
  match?: string;
  begin?: string;
  name?: string;
  patterns?: Rule[];
}
const grammar = JSON.parse(readFileSync(new URL('../../syntaxes/povlint-injection.tmLanguage.json', import.meta.url), 'utf8')) as {
  scopeName: string;
  repository: Record<string, Rule>;
};
const re = (src: string | undefined): RegExp => new RegExp(src ?? '(?!)', 'g');

describe('injection grammar', () => {
  it('is the grammar package.json injects into Markdown', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      contributes: { grammars: { scopeName: string; injectTo: string[] }[] };
    };
    expect(pkg.contributes.grammars).toContainEqual(expect.objectContaining({ scopeName: grammar.scopeName, injectTo: ['text.html.markdown'] }));
  });

  it('knows exactly the rule ids of the core', () => {
    const ruleIds = grammar.repository.directive!.patterns![0]!.match!;
    expect([...RULE_IDS].join(' ').match(re(ruleIds))).toEqual([...RULE_IDS]);
    const listed = ruleIds.slice(ruleIds.indexOf('(?:') + 3, ruleIds.indexOf(')')).split('|');
    expect(listed.sort()).toEqual([...RULE_IDS].sort());
  });

  it('marks directives and every kind of placeholder', () => {
    expect('<!-- povlint-disable-next-line puffery -->'.match(re(grammar.repository.directive!.begin))).toHaveLength(1);
    expect('<!-- povlint-disable-file -->'.match(re(grammar.repository.directive!.begin))).toHaveLength(1);
    const line = 'Target ${1:metric} and $2 and ${3|a,b|} for {{ name }} is [TBD] or [待定].';
    expect(line.match(re(grammar.repository['snippet-placeholder']!.match))).toEqual(['${1:metric}', '$2', '${3|a,b|}']);
    expect(line.match(re(grammar.repository['mustache-placeholder']!.match))).toEqual(['{{ name }}']);
    expect(line.match(re(grammar.repository['tbd-placeholder']!.match))).toEqual(['[TBD]', '[待定]']);
  });
});
