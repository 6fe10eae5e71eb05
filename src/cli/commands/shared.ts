/** Helpers shared by the `clauses` and `suggest` subcommands. */
import { builtinClauses } from '../../core/index.js';
import { mergeClauses } from '../../core/index.js';
import type { Clause } from '../../core/index.js';
import { LOCALES, type Locale } from '../../core/index.js';
import type { CliIo } from '../io.js';

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

/** The built-in library with the custom clauses (from the config's clause folders) laid over it. */
export function libraryWith(customClauses: readonly Clause[] | undefined): Clause[] {
  return mergeClauses(builtinClauses(), customClauses ?? []);
}

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

export const parseLocale = (value: string | undefined): Locale | undefined => oneOf('locale', value, LOCALES);

/** `node:util` parseArgs errors and our own usage errors both end here: message on stderr, exit 2. */
export function usageFailure(io: CliIo, command: string, e: unknown): number {
  const message = e instanceof Error ? e.message : String(e);
  io.stderr(`povlint ${command}: ${message}\nRun \`povlint ${command} --help\` for usage.\n`);
  return EXIT_USAGE;
}

export function isUsageError(e: unknown): boolean {
  if (e instanceof UsageError) return true;
  const code = e instanceof Error ? (e as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** The snippet prefix of a clause in the editor. */
export const clausePrefix = (c: Pick<Clause, 'id' | 'locale'>): string =>
  c.locale === 'en' ? `pov-${c.id}` : `pov-${c.locale}-${c.id}`;

/** Mostly Han script → zh, else en. */
export function detectLocale(text: string): Locale {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return han > 0 && han * 2 >= latin ? 'zh' : 'en';
}

export function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}
