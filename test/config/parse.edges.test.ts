/**
 * Config validation, ignore globs and the merge order, down to the branches the main config tests
 * leave open: exact messages and keys, what an invalid part leaves out of the config, and keys
 * that must be absent rather than present and undefined (hence `toStrictEqual`).
 */
import { describe, expect, it } from 'vitest';
import { checkGlob, locateKey, matchesIgnore, mergeConfigs, parseConfig, toLintOptions } from '../../src/core/config/index.js';

const errorsOf = (text: string) => parseConfig(text).errors.map((e) => `${e.line}:${e.column} ${e.key}: ${e.message}`);
const configOf = (text: string) => parseConfig(text).config;

describe('parseConfig: messages and keys', () => {
  it('names an unknown top-level key as being in a povlint config', () => {
    expect(errorsOf('{ "rulez": {} }')).toEqual([
      '1:3 rulez: unknown key `rulez` in a povlint config; expected one of `$schema`, `locale`, `docType`, `rules`, `ignore`, `clauses`, `maxFileSizeKB`, `baseline`',
    ]);
  });

  it('quotes a key path segment that starts with a digit', () => {
    expect(parseConfig('{ "1st": 1 }').errors[0]!.key).toBe('"1st"');
  });

  it('quotes a key path segment with a space', () => {
    expect(parseConfig('{ "a b": 1 }').errors[0]!.key).toBe('"a b"');
  });

  it.each([
    ['{}', 'an object'],
    ['[]', 'an array'],
    ['null', 'null'],
    ['true', 'true'],
    ['1.5', 'the number 1.5'],
  ])('describes a wrong value %s as %s', (value, described) => {
    expect(parseConfig(`{ "locale": ${value} }`).errors[0]!.message).toBe(`expected one of \`en\`, \`zh\`, \`auto\`, got ${described}`);
  });

  it('leaves `file` out of errors when no file name is given', () => {
    expect(parseConfig('{ "locale": 3 }').errors[0]).toStrictEqual({ line: 1, column: 13, key: 'locale', message: 'expected one of `en`, `zh`, `auto`, got the number 3' });
  });

  it('says what a term must be when it is neither a string nor an object', () => {
    expect(errorsOf('{ "rules": { "puffery": { "terms": [3] } } }')).toEqual([
      '1:37 rules.puffery.terms[0]: expected a term (a string, or an object with `pattern`), got the number 3',
    ]);
  });

  it('says a pattern must be a regular expression as a string, once', () => {
    expect(errorsOf('{ "rules": { "puffery": { "terms": [{ "pattern": 3 }] } } }')).toEqual([
      '1:50 rules.puffery.terms[0].pattern: expected a regular expression as a string, got the number 3',
    ]);
  });

  it('names the key of a reason that is not a string', () => {
    expect(parseConfig('{ "rules": { "puffery": { "terms": [{ "pattern": "x", "reason": 3 }] } } }').errors[0]!.key).toBe('rules.puffery.terms[0].reason');
  });

  it('names the key of an allow list that is not a list of strings', () => {
    expect(parseConfig('{ "rules": { "puffery": { "allow": [3] } } }').errors[0]!.key).toBe('rules.puffery.allow[0]');
  });

  it('says terms must be an array of terms', () => {
    expect(errorsOf('{ "rules": { "puffery": { "terms": "x" } } }')).toEqual(['1:36 rules.puffery.terms: expected an array of terms, got the string "x"']);
  });

  it('says rules must be an object mapping rule ids to settings', () => {
    expect(errorsOf('{ "rules": [] }')).toEqual(['1:12 rules: expected an object mapping rule ids to settings, got an array']);
  });

  it('reports a rule set twice', () => {
    expect(errorsOf('{ "rules": { "puffery": "off", "puffery": "error" } }')).toEqual(['1:32 rules.puffery: duplicate rule `puffery`']);
  });

  it('says clauses must be an object with paths', () => {
    expect(errorsOf('{ "clauses": [] }')).toEqual(['1:14 clauses: expected an object with `paths`, got an array']);
  });

  it('rejects an allowed term of only spaces', () => {
    expect(errorsOf('{ "rules": { "puffery": { "allow": ["  "] } } }')).toEqual(['1:37 rules.puffery.allow[0]: expected a non-empty string']);
  });

  it('stops at a syntax error instead of validating a half-read config', () => {
    expect(errorsOf('{ "locale": "fr" "x": 1 }')).toEqual(['1:18 : invalid JSONC: expected `,`']);
  });

  it('sorts errors on one line by column', () => {
    expect(parseConfig('{ "locale": 3, "zzz": 1 }').errors.map((e) => e.column)).toEqual([13, 16]);
  });
});

describe('parseConfig: an invalid part is left out of the config', () => {
  it.each([
    ['$schema', '{ "$schema": 3 }'],
    ['locale', '{ "locale": "fr" }'],
    ['docType', '{ "docType": "memo" }'],
    ['ignore', '{ "ignore": 3 }'],
    ['clauses', '{ "clauses": { "paths": [3] } }'],
  ])('%s', (_key, text) => {
    expect(configOf(text)).toStrictEqual({});
  });

  it('rules that are not an object', () => {
    expect(configOf('{ "rules": 3 }')).toStrictEqual({});
  });

  it('a rule with an unknown severity', () => {
    expect(configOf('{ "rules": { "puffery": { "severity": "warn" } } }')).toStrictEqual({ rules: {} });
  });

  it('a rule with an empty term among valid ones', () => {
    expect(configOf('{ "rules": { "puffery": { "terms": ["", "ok"] } } }')).toStrictEqual({ rules: {} });
  });

  it('a rule whose terms are not an array', () => {
    expect(configOf('{ "rules": { "puffery": { "terms": "x" } } }')).toStrictEqual({ rules: {} });
  });

  it('a rule with an unsafe pattern', () => {
    expect(configOf('{ "rules": { "puffery": { "terms": [{ "pattern": "(a+)+$" }] } } }')).toStrictEqual({ rules: {} });
  });

  it('a rule with a pattern that is not a string', () => {
    expect(configOf('{ "rules": { "puffery": { "terms": [{ "pattern": 3 }] } } }')).toStrictEqual({ rules: {} });
  });

  it('a rule with a reason that is not a string', () => {
    expect(configOf('{ "rules": { "puffery": { "terms": [{ "pattern": "x", "reason": 3 }] } } }')).toStrictEqual({ rules: {} });
  });

  it('a rule with an invalid allow list', () => {
    expect(configOf('{ "rules": { "puffery": { "allow": [""] } } }')).toStrictEqual({ rules: {} });
  });

  it('an ignore list with one item that is not a string', () => {
    expect(configOf('{ "ignore": ["a/", 3] }')).toStrictEqual({});
  });

  it('an ignore list with one glob that does not check', () => {
    expect(configOf('{ "ignore": ["a/", ""] }')).toStrictEqual({});
  });

  it('and a valid pattern term keeps exactly its pattern', () => {
    expect(configOf('{ "rules": { "puffery": { "terms": [{ "pattern": "slick" }] } } }')).toStrictEqual({ rules: { puffery: { terms: [{ pattern: 'slick' }] } } });
  });
});

describe('locateKey', () => {
  it('does not index into an object with a number', () => {
    expect(locateKey('{\n  "clauses": { "paths": { "a": 1 } }\n}', ['clauses', 'paths', 0])).toEqual({ line: 1, column: 1 });
  });

  it('does not look up a name in an array', () => {
    expect(locateKey('{\n  "clauses": [["paths", 5]]\n}', ['clauses', 'paths'])).toEqual({ line: 1, column: 1 });
  });
});

describe('checkGlob', () => {
  it.each([
    ['!', 'expected a non-empty glob pattern'],
    ['/   ', 'expected a non-empty glob pattern'],
    ['   ', 'expected a non-empty glob pattern'],
    ['!//', 'expected a non-empty glob pattern'],
    ['a\0b', 'a glob pattern cannot contain a NUL character'],
    ['//server/share', 'expected a pattern relative to the config file, not an absolute path'],
    ['a]', 'unbalanced brackets or braces in glob pattern'],
    ['a)', 'unbalanced brackets or braces in glob pattern'],
    ['a'.repeat(70_000), 'invalid glob pattern: Input length: 70000, exceeds maximum allowed length: 65536'],
  ])('rejects %j', (glob, why) => {
    expect(checkGlob(glob)).toBe(why);
  });

  it.each(['[ab].md', '{a,b}.md', '(a|b).md', 'notes/a:/b', 'drafts//'])('accepts %j', (glob) => {
    expect(checkGlob(glob)).toBeUndefined();
  });
});

describe('matchesIgnore', () => {
  it('a bare wildcard matches dot files too', () => {
    expect(matchesIgnore('docs/.draft.md', ['*.md'])).toBe(true);
  });

  it('a path pattern matches the file itself', () => {
    expect(matchesIgnore('docs/draft.md', ['docs/draft.md'])).toBe(true);
  });

  it('a leading ./ is dropped from the path', () => {
    expect(matchesIgnore('./drafts/a.md', ['drafts/'])).toBe(true);
  });

  it('never matches the parent folder itself', () => {
    expect(matchesIgnore('..', ['..'])).toBe(false);
  });
});

describe('mergeConfigs', () => {
  it('skips a missing config', () => {
    expect(mergeConfigs(undefined, { locale: 'en' })).toStrictEqual({ locale: 'en' });
  });

  it('keeps the last $schema', () => {
    expect(mergeConfigs({ $schema: 'a.json' }, { $schema: 'b.json' }, {}).$schema).toBe('b.json');
  });

  it('adds no keys a config does not set', () => {
    expect(mergeConfigs({ locale: 'en' }, { rules: { puffery: undefined } })).toStrictEqual({ locale: 'en', rules: {} });
  });

  it('keeps a first rule object that sets only a severity as an object', () => {
    expect(mergeConfigs({ rules: { puffery: { severity: 'error' } } }).rules).toStrictEqual({ puffery: { severity: 'error' } });
  });

  it('keeps terms that replace terms as an object', () => {
    expect(mergeConfigs({ rules: { puffery: { terms: ['a'] } } }, { rules: { puffery: { terms: ['b'] } } }).rules).toStrictEqual({ puffery: { terms: ['b'] } });
  });
});

describe('toLintOptions', () => {
  it('adds no options the config does not set', () => {
    expect(toLintOptions({}, { allowPatterns: true })).toStrictEqual({ allowPatterns: true });
  });

  it('skips a rule without a setting', () => {
    expect(toLintOptions({ rules: { puffery: undefined } }, { allowPatterns: false })).toStrictEqual({ allowPatterns: false, rules: {} });
  });
});
