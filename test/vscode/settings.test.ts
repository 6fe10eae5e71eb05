import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addAllowedTerm } from '../../src/vscode/model/allowTerm.js';
import { effectiveOptions } from '../../src/vscode/model/options.js';
import { coerceSettings, configurationContribution, DEFAULT_SETTINGS } from '../../src/vscode/model/settings.js';

describe('coerceSettings', () => {
  it('fills defaults for missing keys and never throws on junk', () => {
    expect(coerceSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, errors: [] });
    expect(coerceSettings(42).settings).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.run).toBe('onType');
    expect(DEFAULT_SETTINGS.debounceMs).toBe(300);
    expect(DEFAULT_SETTINGS.maxFileSizeKB).toBe(5000);
  });

  it('replaces invalid values with defaults and says precisely why', () => {
    const { settings, errors } = coerceSettings({ run: 'sometimes', debounceMs: -5, 'hover.enabled': 'yes', maxFileSizeKB: 10 });
    expect(settings.run).toBe('onType');
    expect(settings.debounceMs).toBe(300);
    expect(settings['hover.enabled']).toBe(true);
    expect(settings.maxFileSizeKB).toBe(10);
    expect(errors).toEqual([
      '`povlint.run`: expected one of "onType", "onSave", "off", got "sometimes"; using "onType"',
      '`povlint.debounceMs`: expected a number from 0 to 5000, got -5; using 300',
      '`povlint.hover.enabled`: expected true or false, got "yes"; using true',
    ]);
  });

  it('keeps valid severity overrides and reports unknown rules and severities', () => {
    const { settings, errors } = coerceSettings({ severity: { puffery: 'hint', nope: 'error', 'vague-quantifier': 'loud' } });
    expect(settings.severity).toEqual({ puffery: 'hint' });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('unknown rule id "nope"');
  });

  it('matches the configuration contributed in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      contributes?: { configuration?: unknown };
    };
    expect(pkg.contributes?.configuration).toEqual(configurationContribution());
  });
});

describe('effectiveOptions', () => {
  it('uses settings as defaults under the config file, and off from settings over both', () => {
    const settings = { ...DEFAULT_SETTINGS, locale: 'zh' as const, severity: { puffery: 'off' as const, 'weak-obligation': 'hint' as const } };
    const o = effectiveOptions({ docType: 'sla', maxFileSizeKB: 10, rules: { puffery: 'error' } }, settings, true);
    expect(o.lint).toMatchObject({ locale: 'zh', docType: 'sla', allowPatterns: true, rules: { puffery: 'off' } });
    expect(o.lint.rules?.['weak-obligation']).toBeUndefined();
    expect(o.maxFileSizeKB).toBe(10);
  });

  it('drops regular expressions from the config in an untrusted workspace', () => {
    const o = effectiveOptions({ rules: { puffery: { terms: ['best', { pattern: 'x+' }] } } }, DEFAULT_SETTINGS, false);
    expect(o.lint.allowPatterns).toBe(false);
    expect(o.lint.rules?.puffery).toEqual({ terms: ['best'] });
  });
});

describe('addAllowedTerm', () => {
  it('creates the config when there is none', () => {
    const r = addAllowedTerm(undefined, 'puffery', 'best-in-class');
    expect(r.ok && JSON.parse(r.text)).toEqual({ rules: { puffery: { allow: ['best-in-class'] } } });
  });

  it('keeps comments, turns a bare severity into an object and appends to an existing list', () => {
    const text = '{\n  // ours\n  "rules": { "puffery": "error", "vague-quantifier": { "allow": ["some"] } }\n}\n';
    const a = addAllowedTerm(text, 'puffery', 'seamless');
    expect(a.ok && a.text).toContain('// ours');
    expect(a.ok && a.text).toMatch(/"puffery": \{\s*"severity": "error",\s*"allow": \[\s*"seamless"\s*\]\s*\}/);
    const b = addAllowedTerm(text, 'vague-quantifier', 'many');
    expect(b.ok && b.text).toMatch(/"allow": \[\s*"some",\s*"many"\s*\]/);
    const c = addAllowedTerm(text, 'vague-quantifier', 'SOME');
    expect(c).toEqual({ ok: true, text, changed: false });
  });

  it('refuses to edit a file that does not parse', () => {
    expect(addAllowedTerm('{ "rules": ', 'puffery', 'x').ok).toBe(false);
  });
});

describe('README', () => {
  it('documents every setting and every command', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      contributes: { commands: { command: string; title: string }[] };
    };
    for (const c of configurationContribution()) for (const key of Object.keys(c.properties)) expect(readme).toContain(`\`${key}\``);
    for (const c of pkg.contributes.commands) expect(readme).toContain(`POV Lint: ${c.title}\` (\`${c.command}\`)`);
  });
});
