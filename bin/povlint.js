#!/usr/bin/env node
// The `povlint` command: runs the CLI bundle built by `npm run build`.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('povlint: dist/cli.js is missing; run `npm run build` first\n');
  process.exitCode = 2;
} else {
  await import(bundle.href);
}
