/**
 * The tests Stryker runs (stryker.config.mjs): the unit tests of the rules, the session, the
 * config and its CLI loading, and the editor commands. Left out: the tests that are slow and aimed
 * elsewhere (fuzzing, the regular-expression safety proofs, the parser tests and corpora, the
 * evaluation gate), and those that run the code outside this process, where no mutant is active
 * (the spawned CLI, the extension bundles).
 */
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Stryker stops a mutant's run at the first failing test, so the files most likely to fail soon run
 * first: the ones that failed last time, then the quicker ones (vitest's default runs longer first).
 */
class QuickFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const state = (f: TestSpecification) => cache.getFileTestResults(`${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`);
    return [...files].sort((a, b) => {
      const sa = state(a);
      const sb = state(b);
      if (!sa || !sb) return sa ? 1 : sb ? -1 : 0;
      if (sa.failed !== sb.failed) return sa.failed ? -1 : 1;
      return sa.duration - sb.duration;
    });
  }
}

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'test/rules.test.ts',
      'test/rules/**/*.test.ts',
      'test/registry.test.ts',
      'test/contract-cases.test.ts',
      'test/vocab.test.ts',
      'test/generated.test.ts',
      'test/session.test.ts',
      'test/config/**/*.test.ts',
      'test/cli/scenarios.test.ts',
      'test/cli/formatters.test.ts',
      'test/cli/sarif.test.ts',
      'test/cli/clause-commands.test.ts',
      'test/vscode/actions.test.ts',
      'test/vscode/diagnostics.test.ts',
      'test/vscode/model.test.ts',
      'test/vscode/settings.test.ts',
      'test/vscode/stale-fix.test.ts',
      'test/vscode/worker.test.ts',
      'test/session.edges.test.ts',
      'test/scorer-kinds.test.ts',
      'test/cli/configs.test.ts',
      'test/vscode/commands.test.ts',
      'test/mutation-open.test.ts',
    ],
    // Skips the spawned-binary half of the CLI scenarios (its in-process half runs).
    setupFiles: ['test/mutation/setup.ts'],
    // Instrumented code runs slower; Stryker stops mutants that loop forever on its own timeout.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    sequence: { sequencer: QuickFirst },
  },
});
