/** The baseline: the file format and matcher (./file.ts) and the keys of a document's findings (./keys.ts). */
export * from './file.js';
export { findingKeys } from './keys.js';
