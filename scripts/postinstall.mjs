// Builds the CLI bundle (dist/cli.js) when it is missing: after `npm ci` in a checkout, and when
// npm or pre-commit installs povlint from its Git repository (they run `npm install` in the clone,
// with the build tools, before packing it). A packed or published povlint already holds the
// bundle, so there this does nothing. It is an install script rather than `prepare` because
// `prepare` also runs inside `npm pack`, whose output pre-commit reads as the tarball's name.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const at = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
if (!existsSync(at('dist/cli.js')) && existsSync(at('scripts/build.mjs'))) {
  const build = spawnSync(process.execPath, [at('scripts/build.mjs'), 'cli'], { stdio: 'inherit' });
  process.exitCode = build.status ?? 1;
}
