export { run, EXIT_OK, EXIT_FINDINGS, EXIT_ERROR } from './run.js';
export type { CliIo } from './io.js';
