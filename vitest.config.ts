import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The mutation run's sandbox holds a copy of the tests (npm run mutate, stryker.config.mjs).
    exclude: [...configDefaults.exclude, '.stryker-tmp/**', 'reports/**'],
  },
});
