import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { FormatName, Formatter, FormatterContext } from './types.js';

export * from './types.js';

export const formatters: Record<FormatName, (ctx: FormatterContext) => Formatter> = { stylish, json, sarif, gitlab };

/**
 * The formats that write fix texts or clause suggestions: findings are resolved for them. The
 * others show what a diagnostic shows, and the lint defers those details (`deferDetails`).
 */
export const WITH_DETAILS: ReadonlySet<FormatName> = new Set(['json', 'sarif']);
