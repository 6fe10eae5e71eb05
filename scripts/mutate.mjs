// Mutation testing with Stryker (config: stryker.config.mjs), then the mutation score per folder.
//
//   npm run mutate                        every folder of MUTATION_TARGETS
//   npm run mutate -- src/core/rules      one folder (or file) at a time; several may be given
//   npm run mutate -- --with-static       also the mutants of module-level constants (slow)
//
// Exits 1 when Stryker fails to run; a low score does not fail the run.
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Stryker } from '@stryker-mutator/core';
import { MUTATION_TARGETS } from '../stryker.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

/** Stryker globs for a folder or file given on the command line. */
function globsFor(arg) {
  const rel = relative(root, resolve(arg)).replace(/\\/g, '/');
  if (MUTATION_TARGETS[rel]) return MUTATION_TARGETS[rel];
  if (!existsSync(rel)) throw new Error(`no such file or folder: ${arg}`);
  return statSync(rel).isDirectory() ? [`${rel}/**/*.ts`] : [rel];
}

/** The reporting group of a mutated file: the MUTATION_TARGETS key it falls under. */
function groupOf(file) {
  const rel = relative(root, resolve(file)).replace(/\\/g, '/');
  return Object.keys(MUTATION_TARGETS).find((k) => rel === k || rel.startsWith(`${k}/`)) ?? rel;
}

const args = process.argv.slice(2).filter((a) => a !== '--with-static');
const options = {};
if (args.length < process.argv.length - 2) options.ignoreStatic = false;
if (args.length > 0) options.mutate = [...args.flatMap(globsFor), '!**/*.test.ts'];
if (!process.stdout.isTTY) options.reporters = ['clear-text', 'progress-append-only', 'html', 'json'];

const started = Date.now();
let results;
try {
  results = await new Stryker(options).runMutationTest();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}

const columns = ['mutants', 'killed', 'timeout', 'survived', 'no coverage', 'errors', 'ignored'];
const groups = new Map();
for (const r of results) {
  const g = groupOf(r.fileName);
  const row = groups.get(g) ?? Object.fromEntries(columns.map((c) => [c, 0]));
  row.mutants++;
  if (r.status === 'Killed') row.killed++;
  else if (r.status === 'Timeout') row.timeout++;
  else if (r.status === 'Survived') row.survived++;
  else if (r.status === 'NoCoverage') row['no coverage']++;
  else if (r.status === 'Ignored') row.ignored++;
  else row.errors++; // CompileError, RuntimeError: not valid mutants, left out of the score
  groups.set(g, row);
}

/** Stryker's mutation score: detected (killed or timed out) over all valid mutants. */
function score(row) {
  const valid = row.killed + row.timeout + row.survived + row['no coverage'];
  return valid === 0 ? 'n/a' : `${((100 * (row.killed + row.timeout)) / valid).toFixed(2)}%`;
}

const total = Object.fromEntries(columns.map((c) => [c, 0]));
const lines = [['folder', ...columns, 'score']];
for (const [g, row] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
  for (const c of columns) total[c] += row[c];
  lines.push([g, ...columns.map((c) => String(row[c])), score(row)]);
}
lines.push(['all', ...columns.map((c) => String(total[c])), score(total)]);
const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
console.log('\nMutation score per folder');
for (const l of lines) console.log(l.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
console.log(`\n${results.length} mutants in ${((Date.now() - started) / 60000).toFixed(1)} min; report: reports/mutation/mutation.html`);
