/**
 * The editor settings (`povlint.*`): one table that is the source of the type, the defaults, the
 * coercion and the `contributes.configuration` block in package.json (a test keeps them equal).
 * `coerceSettings` turns whatever the editor hands over into valid settings plus precise
 * messages, and never throws.
 */
import { RULE_IDS, type RuleId } from '../../core/host.js';
import { BASELINE_DISPLAYS, type BaselineDisplay } from './baseline.js';
import type { DisplaySeverity } from './diagnostics.js';

export const RUN_MODES = ['onType', 'onSave', 'off'] as const;
export type RunMode = (typeof RUN_MODES)[number];
export const LOCALE_SETTINGS = ['auto', 'en', 'zh'] as const;
export const DOC_TYPE_SETTINGS = ['auto', 'rfp', 'sow', 'contract', 'sla', 'proposal'] as const;
export const DISPLAY_SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;

export interface Settings {
  run: RunMode;
  debounceMs: number;
  locale: (typeof LOCALE_SETTINGS)[number];
  docType: (typeof DOC_TYPE_SETTINGS)[number];
  severity: Partial<Record<RuleId, DisplaySeverity>>;
  maxFileSizeKB: number;
  baselineFindings: BaselineDisplay;
  'quickFixes.clauseSuggestions': number;
  'hover.enabled': boolean;
  'completion.enabled': boolean;
  'statusBar.enabled': boolean;
  'lintWorkspace.include': string;
  'lintWorkspace.exclude': string;
}

type Kind =
  | { type: 'enum'; values: readonly string[]; descriptions?: readonly string[] }
  | { type: 'integer'; minimum: number; maximum: number }
  | { type: 'boolean' }
  | { type: 'string' }
  | { type: 'severityMap' };

export interface SettingSpec<K extends keyof Settings = keyof Settings> {
  key: K;
  default: Settings[K];
  kind: Kind;
  description: string;
}

export interface SettingsCategory {
  id: string;
  title: string;
  settings: SettingSpec[];
}

const spec = <K extends keyof Settings>(s: SettingSpec<K>): SettingSpec => s as unknown as SettingSpec;

/** Settings in the order and categories shown in the Settings editor. */
export const SETTINGS_CATEGORIES: SettingsCategory[] = [
  {
    id: 'general',
    title: 'General',
    settings: [
      spec({
        key: 'run',
        default: 'onType',
        kind: {
          type: 'enum',
          values: RUN_MODES,
          descriptions: ['Lint as you type (debounced), on open and on save.', 'Lint on open and on save only.', 'Do not lint.'],
        },
        description: 'When povlint lints Markdown documents.',
      }),
      spec({
        key: 'debounceMs',
        default: 300,
        kind: { type: 'integer', minimum: 0, maximum: 5000 },
        description: 'Milliseconds to wait after the last keystroke before linting (with `#povlint.run#` set to `onType`).',
      }),
      spec({
        key: 'locale',
        default: 'auto',
        kind: { type: 'enum', values: LOCALE_SETTINGS },
        description: 'Language of the documents when `.povlint.jsonc` does not set `locale`: `auto` reads each sentence, list item and table cell in the language of its own script.',
      }),
      spec({
        key: 'docType',
        default: 'auto',
        kind: { type: 'enum', values: DOC_TYPE_SETTINGS },
        description: 'Document type used to choose clause suggestions when `.povlint.jsonc` does not set `docType`: `auto` guesses it from the wording.',
      }),
    ],
  },
  {
    id: 'diagnostics',
    title: 'Diagnostics',
    settings: [
      spec({
        key: 'severity',
        default: {},
        kind: { type: 'severityMap' },
        description:
          'How each rule\'s findings are shown in this editor, overriding `.povlint.jsonc`: `error`, `warning`, `info`, `hint`, or `off` to hide them.',
      }),
      spec({
        key: 'maxFileSizeKB',
        default: 5000,
        kind: { type: 'integer', minimum: 1, maximum: 1_000_000 },
        description:
          'Files larger than this many kilobytes are not linted; a message on the first line says so. `maxFileSizeKB` in `.povlint.jsonc` takes precedence.',
      }),
      spec({
        key: 'baselineFindings',
        default: 'hint',
        kind: {
          type: 'enum',
          values: BASELINE_DISPLAYS,
          descriptions: ['Show them as hints (dotted underline), with "(recorded in the baseline)" after the message.', 'Do not show them.'],
        },
        description:
          'How findings recorded in the baseline file named by `baseline` in `.povlint.jsonc` are shown; findings not in it are shown as usual.',
      }),
    ],
  },
  {
    id: 'assistance',
    title: 'Quick Fixes and Clauses',
    settings: [
      spec({
        key: 'quickFixes.clauseSuggestions',
        default: 3,
        kind: { type: 'integer', minimum: 0, maximum: 10 },
        description: 'How many "Insert POV clause" quick fixes to offer per finding.',
      }),
      spec({
        key: 'hover.enabled',
        default: true,
        kind: { type: 'boolean' },
        description: 'Explain flagged claims on hover: why, which outcome parts are missing, and a measurable rewrite.',
      }),
      spec({
        key: 'completion.enabled',
        default: true,
        kind: { type: 'boolean' },
        description: 'Offer POV clauses as completions after typing `pov:`.',
      }),
    ],
  },
  {
    id: 'workspace',
    title: 'Workspace',
    settings: [
      spec({
        key: 'statusBar.enabled',
        default: true,
        kind: { type: 'boolean' },
        description: 'Show the number of unverifiable claims of the active document in the status bar.',
      }),
      spec({
        key: 'lintWorkspace.include',
        default: '**/*.{md,markdown}',
        kind: { type: 'string' },
        description: 'Glob of the files **POV Lint: Lint Workspace** lints.',
      }),
      spec({
        key: 'lintWorkspace.exclude',
        default: '{**/node_modules/**,**/.git/**}',
        kind: { type: 'string' },
        description: 'Glob of the files **POV Lint: Lint Workspace** skips.',
      }),
    ],
  },
];

export const ALL_SETTINGS: SettingSpec[] = SETTINGS_CATEGORIES.flatMap((c) => c.settings);

export const DEFAULT_SETTINGS: Settings = Object.fromEntries(ALL_SETTINGS.map((s) => [s.key, s.default])) as unknown as Settings;

const show = (v: unknown): string => {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
};

function coerceOne(s: SettingSpec, value: unknown, errors: string[]): unknown {
  const name = `povlint.${s.key}`;
  const fail = (expected: string): unknown => {
    errors.push(`\`${name}\`: expected ${expected}, got ${show(value)}; using ${show(s.default)}`);
    return s.default;
  };
  const k = s.kind;
  switch (k.type) {
    case 'enum':
      return typeof value === 'string' && k.values.includes(value) ? value : fail(`one of ${k.values.map((v) => `"${v}"`).join(', ')}`);
    case 'integer':
      return typeof value === 'number' && Number.isFinite(value) && value >= k.minimum && value <= k.maximum
        ? Math.round(value)
        : fail(`a number from ${k.minimum} to ${k.maximum}`);
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('true or false');
    case 'string':
      return typeof value === 'string' && value.trim() !== '' ? value : fail('a non-empty string');
    case 'severityMap': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('an object of rule ids to severities');
      const out: Partial<Record<RuleId, DisplaySeverity>> = {};
      for (const [rule, sev] of Object.entries(value)) {
        if (!(RULE_IDS as readonly string[]).includes(rule)) {
          errors.push(`\`${name}\`: unknown rule id "${rule}"; expected one of ${RULE_IDS.join(', ')}`);
          continue;
        }
        if (typeof sev !== 'string' || !(DISPLAY_SEVERITIES as readonly string[]).includes(sev)) {
          errors.push(`\`${name}.${rule}\`: expected one of ${DISPLAY_SEVERITIES.join(', ')}, got ${show(sev)}; ignored`);
          continue;
        }
        out[rule as RuleId] = sev as DisplaySeverity;
      }
      return out;
    }
  }
}

/**
 * Valid settings from raw values keyed by setting name without the `povlint.` prefix (missing
 * keys take their defaults), and one message per value that had to be replaced.
 */
export function coerceSettings(raw: unknown): { settings: Settings; errors: string[] } {
  const errors: string[] = [];
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const settings = {} as Record<string, unknown>;
  for (const s of ALL_SETTINGS) {
    const value = source[s.key];
    settings[s.key] = value === undefined ? structuredClone(s.default) : coerceOne(s, value, errors);
  }
  return { settings: settings as unknown as Settings, errors };
}

/** The JSON Schema of one setting, as contributed in package.json. */
function settingSchema(s: SettingSpec, order: number): Record<string, unknown> {
  const base = { order, markdownDescription: s.description };
  const k = s.kind;
  switch (k.type) {
    case 'enum':
      return { type: 'string', enum: [...k.values], ...(k.descriptions ? { enumDescriptions: [...k.descriptions] } : {}), default: s.default, ...base };
    case 'integer':
      return { type: 'integer', minimum: k.minimum, maximum: k.maximum, default: s.default, ...base };
    case 'boolean':
      return { type: 'boolean', default: s.default, ...base };
    case 'string':
      return { type: 'string', default: s.default, ...base };
    case 'severityMap':
      return {
        type: 'object',
        default: s.default,
        additionalProperties: false,
        properties: Object.fromEntries(RULE_IDS.map((id) => [id, { type: 'string', enum: [...DISPLAY_SEVERITIES] }])),
        ...base,
      };
  }
}

/** `contributes.configuration` for package.json: one titled, ordered section per category. */
export function configurationContribution(): { id: string; title: string; order: number; properties: Record<string, unknown> }[] {
  return SETTINGS_CATEGORIES.map((c, i) => ({
    id: `povlint.${c.id}`,
    title: c.title,
    order: i + 1,
    properties: Object.fromEntries(c.settings.map((s, j) => [`povlint.${s.key}`, settingSchema(s, j + 1)])),
  }));
}
