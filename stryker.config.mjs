// Mutation testing (Stryker, vitest runner): `npm run mutate`, or `npm run mutate -- src/core/rules`
// for one folder (scripts/mutate.mjs). Not part of `npm test`: a full run takes tens of minutes.
// Results and the surviving mutants that are equivalent: docs/mutation.md.

/** The code under mutation, one entry per folder the scores are reported for. */
export const MUTATION_TARGETS = {
  'src/core/rules': ['src/core/rules/**/*.ts'],
  'src/core/session.ts': ['src/core/session.ts'],
  'src/core/config': ['src/core/config/**/*.ts'],
  'src/vscode/commands': ['src/vscode/commands/**/*.ts'],
  'src/cli/configs.ts': ['src/cli/configs.ts'],
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  // Only the unit tests that exercise the code above; no fuzzing, no spawned CLI, no parser corpora.
  vitest: { configFile: 'vitest.mutate.config.ts' },
  mutate: [...Object.values(MUTATION_TARGETS).flat(), '!**/*.test.ts'],
  // Each mutant runs only the tests that reached it in the initial run.
  coverageAnalysis: 'perTest',
  // Mutants of module-level constants (patterns, rule metadata, message tables) take effect when a
  // module loads, so each would need every test: about 12% of the mutants, 75% of the run time.
  // They are reported as ignored; `npm run mutate -- --with-static` tests them too.
  ignoreStatic: true,
  // The machine the suite is written for has two cores.
  concurrency: 2,
  // A mutant that turns a loop into an endless one is stopped after this (plus 1.5 x the tests' time).
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: true, logTests: false, reportMutants: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 80, low: 60, break: null },
};
