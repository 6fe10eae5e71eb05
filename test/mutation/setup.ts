/**
 * Setup of the mutation-testing test run (vitest.mutate.config.ts). The CLI scenarios run twice,
 * in-process and through the spawned binary; a mutant is active only in the test process, so the
 * spawned half would pass for every mutant and only cost time. It is skipped here.
 */
import { beforeEach } from 'vitest';

beforeEach((ctx) => {
  if (ctx.task.suite?.name === 'CLI scenarios, spawned binary') ctx.skip();
});
