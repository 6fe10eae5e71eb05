/**
 * The extension-host test layer: a real VS Code (1.100.3) downloaded by @vscode/test-electron
 * runs test/electron/suite against the built extension.
 *
 * Where VS Code cannot be downloaded (no network), this says so and exits 0 as "skipped"; any
 * other failure, including a failing test, exits 1.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const VERSION = process.env.VSCODE_TEST_VERSION ?? '1.100.3';

/** Errors that mean "the download is impossible here", as opposed to a broken setup. */
const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|EPROTO|CERT_|getaddrinfo|socket hang up|timed? ?out|proxy|Failed to get JSON|status code (?:4|5)\d\d|Error fetching|fetch failed/i;

function describe(e) {
  const parts = [e?.code, e?.message ?? String(e), e?.cause?.code, e?.cause?.message].filter(Boolean);
  return [...new Set(parts)].join(': ');
}

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), 'extension'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

let vscodeExecutablePath;
try {
  vscodeExecutablePath = await downloadAndUnzipVSCode({ version: VERSION, timeout: 15_000, cachePath: join(root, '.vscode-test') });
} catch (e) {
  const reason = describe(e);
  if (NETWORK.test(reason)) {
    process.stdout.write(`test:electron skipped: cannot download VS Code ${VERSION} (${reason})\n`);
    process.exit(0);
  }
  process.stderr.write(`test:electron failed: downloading VS Code ${VERSION}: ${reason}\n`);
  process.exit(1);
}

const workspace = mkdtempSync(join(tmpdir(), 'povlint-electron-'));
mkdirSync(join(workspace, 'docs'));
cpSync(join(root, 'test/fixtures/vscode/rfp.md'), join(workspace, 'rfp.md'));
cpSync(join(root, 'test/fixtures/vscode/rfp.md'), join(workspace, 'docs', 'copy.md'));

// Linux without a display: run through xvfb-run when it is there.
const launchArgs = [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'];
let exitCode = 1;
try {
  exitCode = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'test/electron/suite/index.cjs'),
    launchArgs,
    extensionTestsEnv: { POVLINT_TEST_WORKSPACE: workspace },
  });
} catch (e) {
  process.stderr.write(`test:electron failed: ${describe(e)}\n`);
  if (process.platform === 'linux' && !process.env.DISPLAY) process.stderr.write('(no DISPLAY: run under xvfb-run, e.g. `xvfb-run -a npm run test:electron`)\n');
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
process.exit(exitCode === 0 ? 0 : 1);
