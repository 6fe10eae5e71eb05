import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  checkGlob,
  checkPattern,
  DEFAULT_CONFIG,
  formatConfigError,
  lineColumnAt,
  locateKey,
  matchesIgnore,
  MAX_TERMS_PER_RULE,
  mergeConfigs,
  parseConfig,
  toLintOptions,
  type ConfigError,
} from '../../src/core/config/index.js';

import { lint } from '../../src/core/index.js';

const at = (e: ConfigError) => `${e.line}:${e.column} ${e.key}`;

describe('parseConfig', () => {
  it('accepts a full valid config with comments and trailing commas', () => {
    const text = `{
      // JSON with comments
      "$schema": "./node_modules/povlint/schemas/povlint.schema.json",
      "locale": "en",
      "docType": "sla",
      "rules": {
        "puffery": "off",
        "vague-quantifier": { "severity": "error", "terms": ["heaps", { "pattern": "\\\\bloads? of\\\\b", "reason": "vague" }], "allow": ["many"] },
        "weak-obligation": { "severity": "hint" },
      },
      "ignore": ["drafts/", "**/*.generated.md", "!keep.md"],
      "clauses": { "paths": ["legal/clauses"] },
      "maxFileSizeKB": 250.5,
    }`;
    const { config, errors } = parseConfig(text, 'p/.povlint.jsonc');
    expect(errors).toEqual([]);
    expect(config).toEqual({
      $schema: './node_modules/povlint/schemas/povlint.schema.json',
      locale: 'en',
      docType: 'sla',
      rules: {
        puffery: 'off',
        'vague-quantifier': { severity: 'error', terms: ['heaps', { pattern: '\\bloads? of\\b', reason: 'vague' }], allow: ['many'] },
        'weak-obligation': { severity: 'hint' },
      },
      ignore: ['drafts/', '**/*.generated.md', '!keep.md'],
      clauses: { paths: ['legal/clauses'] },
      maxFileSizeKB: 250.5,
    });
  });

  it('accepts an empty file, an empty object and a BOM', () => {
    expect(parseConfig('')).toEqual({ config: {}, errors: [] });
    expect(parseConfig('// nothing yet\n')).toEqual({ config: {}, errors: [] });
    expect(parseConfig('{}')).toEqual({ config: {}, errors: [] });
    expect(parseConfig('\uFEFF{ "locale": "zh" }')).toEqual({ config: { locale: 'zh' }, errors: [] });
  });

  it.each([
    ['malformed JSONC', '{\n  "locale": "en"\n  "rules": {}\n}', ['3:3 '], /invalid JSONC: expected `,`/],
    ['unclosed object', '{ "locale": "en"', ['1:17 '], /expected `}`/],
    ['not an object', '[1, 2]', ['1:1 '], /expected an object at the top/],
    ['unknown key', '{\n  "rulez": {}\n}', ['2:3 rulez'], /unknown key `rulez`.*expected one of `\$schema`, `locale`/],
    ['wrong type', '{ "ignore": "drafts" }', ['1:13 ignore'], /expected an array of strings, got the string "drafts"/],
    ['wrong item type', '{ "ignore": ["a", 3] }', ['1:19 ignore[1]'], /expected a string, got the number 3/],
    ['unknown rule id', '{ "rules": { "puffry": "off" } }', ['1:14 rules.puffry'], /unknown rule id `puffry`; expected one of `unmeasured-claim`/],
    ['unknown severity', '{ "rules": { "puffery": "warn" } }', ['1:25 rules.puffery'], /unknown value "warn"; expected one of `error`, `warning`, `info`, `hint`, `off`/],
    ['unknown severity in object', '{ "rules": { "puffery": { "severity": 2 } } }', ['1:39 rules.puffery.severity'], /expected one of .* got the number 2/],
    ['unknown rule option', '{ "rules": { "puffery": { "level": "off" } } }', ['1:27 rules.puffery.level'], /unknown key `level` in `rules.puffery`/],
    ['rule setting of the wrong type', '{ "rules": { "puffery": true } }', ['1:25 rules.puffery'], /expected a severity .* got true/],
    ['unknown locale', '{ "locale": "fr" }', ['1:13 locale'], /unknown value "fr"; expected one of `en`, `zh`, `auto`/],
    ['unknown docType', '{ "docType": "memo" }', ['1:14 docType'], /expected one of `rfp`, `sow`, `contract`, `sla`, `proposal`, `auto`/],
    ['bad glob', '{ "ignore": ["docs/[a"] }', ['1:14 ignore[0]'], /unbalanced brackets/],
    ['empty glob', '{ "ignore": [""] }', ['1:14 ignore[0]'], /non-empty glob/],
    ['absolute glob', '{ "ignore": ["C:/docs"] }', ['1:14 ignore[0]'], /relative to the config file/],
    ['negative size', '{ "maxFileSizeKB": -1 }', ['1:20 maxFileSizeKB'], /expected a positive number of kilobytes, got -1/],
    ['zero size', '{ "maxFileSizeKB": 0 }', ['1:20 maxFileSizeKB'], /positive number/],
    ['size as string', '{ "maxFileSizeKB": "5000" }', ['1:20 maxFileSizeKB'], /got the string "5000"/],
    ['clauses.paths wrong type', '{ "clauses": { "paths": "x" } }', ['1:25 clauses.paths'], /expected an array of strings/],
    ['clauses unknown key', '{ "clauses": { "path": [] } }', ['1:16 clauses.path'], /unknown key `path` in `clauses`/],
    ['unsafe regex', '{ "rules": { "puffery": { "terms": [{ "pattern": "(?:a+)+$" }] } } }', ['1:50 rules.puffery.terms[0].pattern'], /unsafe regular expression \(nested quantifier\)/],
    ['invalid regex', '{ "rules": { "puffery": { "terms": [{ "pattern": "(" }] } } }', ['1:50 rules.puffery.terms[0].pattern'], /invalid regular expression/],
    ['term object without pattern', '{ "rules": { "puffery": { "terms": [{ "reason": "x" }] } } }', ['1:37 rules.puffery.terms[0].pattern'], /missing `pattern`/],
    ['empty term', '{ "rules": { "puffery": { "terms": [""] } } }', ['1:37 rules.puffery.terms[0]'], /non-empty string/],
    ['duplicate key', '{ "locale": "en", "locale": "zh" }', ['1:19 locale'], /duplicate key/],
  ])('%s → one precise error', (_name, text, where, message) => {
    const { errors } = parseConfig(text, 'cfg/.povlint.jsonc');
    expect(errors.map(at)).toEqual(where);
    expect(errors[0]!.message).toMatch(message);
    expect(errors[0]!.file).toBe('cfg/.povlint.jsonc');
  });

  it('reports every error, in document order, and keeps the valid parts', () => {
    const { config, errors } = parseConfig('{\n "locale": "fr",\n "docType": "sow",\n "rules": { "nope": "off", "puffery": "error" },\n "zzz": 1\n}');
    expect(errors.map(at)).toEqual(['2:12 locale', '4:13 rules.nope', '5:2 zzz']);
    expect(config).toEqual({ docType: 'sow', rules: { puffery: 'error' } });
  });

  it('counts lines across CRLF and CR', () => {
    expect(parseConfig('{\r\n\r\n  "locale": 1\r\n}').errors.map(at)).toEqual(['3:13 locale']);
    expect(lineColumnAt('a\rb\r\nc\nd', 7)).toEqual({ line: 4, column: 1 });
  });

  it('never throws on hostile input', () => {
    const inputs = ['{', '}', '"', '\u0000', '{"rules":{"puffery":{"terms":[{"pattern":' + '('.repeat(5000) + '"}]}}}', '['.repeat(10000), '/*', '{ "a": ' + '{'.repeat(3000)];
    for (const text of inputs) expect(() => parseConfig(text)).not.toThrow();
  });
});

describe('formatConfigError', () => {
  it('is file:line:column: key: message', () => {
    expect(formatConfigError({ file: 'a/.povlint.jsonc', line: 3, column: 7, key: 'rules.puffery', message: 'bad' })).toBe('a/.povlint.jsonc:3:7: rules.puffery: bad');
    expect(formatConfigError({ line: 1, column: 2, key: '', message: 'invalid JSONC: expected `}`' })).toBe('<config>:1:2: invalid JSONC: expected `}`');
  });
});

describe('locateKey', () => {
  it('finds a nested value, else 1:1', () => {
    const text = '{\n  "clauses": {\n    "paths": ["a", "b"]\n  }\n}';
    expect(locateKey(text, ['clauses', 'paths', 1])).toEqual({ line: 3, column: 20 });
    expect(locateKey(text, ['nope'])).toEqual({ line: 1, column: 1 });
  });
});

describe('checkPattern', () => {
  it.each(['\\bbest[- ]in[- ]class\\b', 'fast(?:er|est)?', 'up to \\d{1,3}%', '(?:very )?quick(?:ly)?', 'a{2,5}', '[(+*]+'])('accepts %s', (p) => {
    expect(checkPattern(p)).toBeUndefined();
  });
  it.each([
    ['(?:a+)+', /nested quantifier/],
    ['(?:a*)*b', /nested quantifier/],
    ['(?:[a-z]+\\s?)*', /nested quantifier/],
    ['(?:a|aa)*', /repeated alternation/],
    ['(?:a|ab){2,}', /repeated alternation/],
    ['(a)\\1', /back-reference/],
    ['te(a)m', /capturing group/],
    ['', /non-empty/],
    ['x'.repeat(201), /at most 200/],
    ['[', /invalid regular expression/],
  ])('rejects %s', (p, why) => {
    expect(checkPattern(p)).toMatch(why);
  });
});

describe('ignore globs', () => {
  it('checks globs', () => {
    expect(checkGlob('docs/**/*.md')).toBeUndefined();
    expect(checkGlob('!keep.md')).toBeUndefined();
    expect(checkGlob('a\\b')).toMatch(/use `\/`/);
    expect(checkGlob('{a,b')).toMatch(/unbalanced/);
  });

  it('matches like .gitignore: bare names at any depth, folders, anchors, negation', () => {
    const globs = ['drafts/', '*.generated.md', '/top.md', 'archive/**/*.md', '!archive/keep.md'];
    expect(matchesIgnore('drafts/a.md', globs)).toBe(true);
    expect(matchesIgnore('x/drafts/y/a.md', globs)).toBe(true);
    expect(matchesIgnore('docs/a.generated.md', globs)).toBe(true);
    expect(matchesIgnore('top.md', globs)).toBe(true);
    expect(matchesIgnore('docs/top.md', globs)).toBe(false);
    expect(matchesIgnore('archive/2020/a.md', globs)).toBe(true);
    expect(matchesIgnore('archive/keep.md', globs)).toBe(false);
    expect(matchesIgnore('docs/a.md', globs)).toBe(false);
    expect(matchesIgnore('../outside/drafts/a.md', globs)).toBe(false);
    expect(matchesIgnore('.hidden/a.md', ['.hidden'])).toBe(true);
    expect(matchesIgnore('docs\\drafts\\a.md', globs)).toBe(true);
  });
});

describe('mergeConfigs and toLintOptions', () => {
  it('later configs override earlier ones, rule by rule', () => {
    const merged = mergeConfigs(
      DEFAULT_CONFIG,
      { locale: 'en', rules: { puffery: { severity: 'error', terms: ['slick'] }, 'weak-obligation': 'off' }, ignore: ['a/'] },
      { rules: { puffery: 'warning' }, maxFileSizeKB: 10 },
    );
    expect(merged).toEqual({
      locale: 'en',
      docType: 'auto',
      rules: { puffery: { severity: 'warning', terms: ['slick'] }, 'weak-obligation': 'off' },
      ignore: ['a/'],
      clauses: { paths: ['.povlint/clauses/'] },
      maxFileSizeKB: 10,
    });
    expect(DEFAULT_CONFIG.rules).toEqual({});
  });

  it('drops regular-expression terms when patterns are not allowed', () => {
    const config = { locale: 'zh' as const, rules: { puffery: { terms: ['slick', { pattern: 'x+' }] }, 'vague-quantifier': 'info' as const } };
    expect(toLintOptions(config, { allowPatterns: true })).toEqual({ allowPatterns: true, locale: 'zh', rules: config.rules });
    expect(toLintOptions(config, { allowPatterns: false })).toEqual({
      allowPatterns: false,
      locale: 'zh',
      rules: { puffery: { terms: ['slick'] }, 'vague-quantifier': 'info' },
    });
  });
});

describe('schemas/povlint.schema.json agrees with parseConfig', () => {
  const samples: [string, unknown, boolean][] = [
    ['empty', {}, true],
    ['full', { locale: 'auto', docType: 'rfp', rules: { puffery: { severity: 'info', terms: ['a', { pattern: 'b' }], allow: ['c'] }, 'missing-remedy': 'off' }, ignore: ['x/'], clauses: { paths: ['c/'] }, maxFileSizeKB: 1 }, true],
    ['unknown key', { nope: 1 }, false],
    ['unknown rule', { rules: { nope: 'off' } }, false],
    ['bad severity', { rules: { puffery: 'warn' } }, false],
    ['bad locale', { locale: 'fr' }, false],
    ['bad docType', { docType: 'memo' }, false],
    ['ignore not array', { ignore: 'x' }, false],
    ['negative size', { maxFileSizeKB: -1 }, false],
    ['term object without pattern', { rules: { puffery: { terms: [{ reason: 'x' }] } } }, false],
    ['extra rule option', { rules: { puffery: { level: 'off' } } }, false],
    ['clauses extra key', { clauses: { path: [] } }, false],
  ];

  it.each(samples)('%s', async (_name, value, valid) => {
    const schema = JSON.parse(await readFile(new URL('../../schemas/povlint.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate(value)).toBe(valid);
    expect(parseConfig(JSON.stringify(value, null, 2)).errors.length === 0).toBe(valid);
  });
});

describe('custom term limit', () => {
  const config = (n: number): string => JSON.stringify({ rules: { puffery: { terms: Array.from({ length: n }, (_, i) => `zzterm${i}`) } } });

  it(`takes ${MAX_TERMS_PER_RULE} terms of a rule and lints with them`, () => {
    const { config: parsed, errors } = parseConfig(config(MAX_TERMS_PER_RULE), '.povlint.jsonc');
    expect(errors).toEqual([]);
    const findings = lint('Our zzterm4999 platform.', toLintOptions(parsed, { allowPatterns: true }));
    expect(findings.map((f) => f.term)).toEqual(['zzterm4999']);
  }, 60_000);

  it('refuses one more with the file, the place of the first term too many and the key, never the pattern', () => {
    const { errors } = parseConfig(config(MAX_TERMS_PER_RULE + 1), '.povlint.jsonc');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: '.povlint.jsonc', line: 1, key: 'rules.puffery.terms' });
    expect(errors[0]!.message).toBe(`at most ${MAX_TERMS_PER_RULE} terms per rule, got ${MAX_TERMS_PER_RULE + 1}; split them over fewer, broader patterns`);
  });

  it('refuses 40,000 terms given as options with a short error', () => {
    const terms = Array.from({ length: 40_000 }, (_, i) => `zzterm${i}`);
    expect(() => lint('text', { rules: { puffery: { terms } } })).toThrow(/^rules\.puffery\.terms: at most 5000 terms per rule, got 40000$/);
  });
});
