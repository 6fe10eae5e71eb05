/* global indexedDB, navigator -- read inside the workbench page (page.evaluate) */
/**
 * End-to-end test in a real editor: the packaged .vsix installed into code-server 4.100.3
 * (VS Code 1.100.3 in the browser), driven through Debian chromium with playwright-core.
 *
 *   npm run test:e2e      (installs code-server into .cache/code-server once, packages the .vsix)
 *
 * It runs twice, once per extension host the extension ships for: `node` (the desktop bundle in
 * code-server's Node extension host) and `web` (the browser bundle, forced into VS Code's web
 * worker extension host with the `remote.extensionKind` setting, as on vscode.dev). E2E_HOSTS=web
 * (or node) runs one of them.
 *
 * Every wait is on a selector, a process message or a file's content, with a timeout; there is no
 * fixed sleep. Screenshots go to test-results/. The server is stopped by its process id.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { attribute, startHostProfile } from './hostProfile.mjs';
// The expected edits come from the same core the extension bundles (run with `node --import tsx`).
import { formatScorecard, lint, scorecard } from '../../src/core/index.ts';
import { criterionName, readinessText, tableLenses, tableStartLine } from '../../src/vscode/model/scorecard.ts';
import { findingsToDiagnostics } from '../../src/vscode/model/diagnostics.ts';
import { builtinClauses } from '../../src/core/clauses/builtin.ts';
import { expandWithDefaults } from '../../src/core/clauses/snippet.ts';
import { baselineOf, findingKeys, serialiseBaseline } from '../../src/core/index.ts';
import { convertDocx } from '../../src/docx/index.ts';
import { ENGLISH, proposalDocx } from '../helpers/docx.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const started = Date.now();
// The install of scripts/e2e/setup-code-server.sh (CODE_SERVER_DIR moves it for both).
const codeServer = process.env.CODE_SERVER_BIN ?? join(process.env.CODE_SERVER_DIR ?? join(root, '.cache/code-server'), 'node_modules/.bin/code-server');
const vsix = join(root, 'povlint.vsix');
const results = join(root, 'test-results');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 60_000);
const HOSTS = (process.env.E2E_HOSTS ?? 'node,web').split(',').map((h) => h.trim()).filter(Boolean);
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;
/** Files Lint Workspace goes through in the web phase (it reads them over the remote connection). */
const WEB_LOAD_FILES = 200;

// The state of the phase running now (one per extension host; the phases run one after the other).
/** `node` or `web`: the extension host povlint runs in. */
let host;
let metrics;
let checks;
let server;
let browser;
let tmp;
let userData;
let hostProfile;
/** The workbench page (the web extension host's logs are read from its IndexedDB). */
let workbench;
/** The last text read from the logs, for the summary after the browser has closed. */
const lastLogs = { output: '', host: '' };
/** Titles of the commands the test ran (see the check that every listed command was exercised). */
let exercised;

function log(msg) {
  process.stdout.write(`[e2e${host ? ` ${host}` : ''} +${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}\n`);
}

/** Marks the start of a step, so host blocks can be attributed to what the test was doing. */
function phase(name) {
  (metrics.phases ??= []).push({ name, at: Date.now() });
}

function check(name, ok, detail = '') {
  checks.push(ok ? { name, ok } : { name, ok, detail });
  log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
  if (!ok) throw new Error(`check failed: ${name}${detail ? `: ${detail}` : ''}`);
}

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** Resolves when `predicate()` returns a truthy value; polls a file or a value, bounded by a timeout. */
async function until(what, predicate, timeoutMs = TIMEOUT) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 50)); // poll interval, not a wait for an outcome
  }
}

function findFiles(dir, test, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findFiles(p, test, out);
    else if (test(p)) out.push(p);
  }
  return out;
}

/** The log files on the server's disk (the Node extension host writes there). */
function diskLogs(filter) {
  return findFiles(join(userData, 'logs'), (p) => p.endsWith('.log') && filter(p)).map((p) => readFileSync(p, 'utf8'));
}

/**
 * The log files the workbench keeps in the browser's IndexedDB: the web worker extension host
 * writes its own log and its extensions' output channels there, not to the server's disk.
 */
async function browserLogs(filter) {
  if (!workbench || workbench.isClosed()) return [];
  const files = await workbench.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('vscode-web-db');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    if (!db.objectStoreNames.contains('vscode-logs-store')) return [];
    const store = db.transaction('vscode-logs-store', 'readonly').objectStore('vscode-logs-store');
    const read = (request) => new Promise((resolve) => (request.onsuccess = () => resolve(request.result)));
    const [keys, values] = await Promise.all([read(store.getAllKeys()), read(store.getAll())]);
    db.close();
    return keys.map((key, i) => ({ path: String(key), text: typeof values[i] === 'string' ? values[i] : new TextDecoder().decode(values[i]) }));
  });
  return files.filter((f) => filter(f.path)).map((f) => f.text);
}

/** The text the extension wrote to its "POV Lint" output channel (persisted in the logs of its host). */
async function outputChannelText() {
  const texts = host === 'web' ? await browserLogs((p) => p.includes('/exthost/webWorker/')) : diskLogs(() => true);
  const text = texts.filter((t) => t.includes('[activate] povlint')).join('\n');
  if (text) lastLogs.output = text;
  return text || lastLogs.output;
}

/** The log of the extension host povlint runs in. */
async function hostLogText() {
  const text = (host === 'web' ? await browserLogs((p) => p.endsWith('/workerexthost.log')) : diskLogs((p) => p.endsWith('remoteexthost.log'))).join('\n');
  if (text) lastLogs.host = text;
  return text || lastLogs.host;
}

async function shot(page, name) {
  await page.screenshot({ path: join(results, `e2e-${host === 'node' ? '' : `${host}-`}${name}.png`) });
}

async function main() {
  metrics.vsixKB = Math.round(statSync(vsix).size / 1024);
  mkdirSync(results, { recursive: true });

  tmp = mkdtempSync(join(tmpdir(), 'povlint-e2e-'));
  userData = join(tmp, 'user-data');
  const extensions = join(tmp, 'extensions');
  const workspace = join(tmp, 'workspace');
  const config = join(tmp, 'code-server.yaml');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(workspace, { recursive: true });
  writeFileSync(config, 'auth: none\ncert: false\n');
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'editor.quickSuggestions': { other: false, comments: false, strings: false },
        'chat.commandCenter.enabled': false,
        'files.autoSave': 'off',
        // The web phase: povlint runs in the web worker extension host, as on vscode.dev.
        ...(host === 'web' ? { 'remote.extensionKind': { [extensionId]: ['web'] } } : {}),
      },
      null,
      2,
    ),
  );
  const example = existsSync(join(root, 'examples/security-rfp.md')) ? join(root, 'examples/security-rfp.md') : join(root, 'test/fixtures/vscode/rfp.md');
  const docPath = join(workspace, 'security-rfp.md');
  copyFileSync(example, docPath);
  const loadFiles = Number((host === 'web' ? process.env.E2E_WEB_LOAD_FILES : undefined) ?? process.env.E2E_LOAD_FILES ?? (host === 'web' ? WEB_LOAD_FILES : 2000));
  mkdirSync(join(workspace, 'generated'));
  const exampleText = readFileSync(example, 'utf8');
  for (let i = 0; i < loadFiles; i++) writeFileSync(join(workspace, 'generated', `doc-${String(i).padStart(4, '0')}.md`), `# Document ${i}\n\n${exampleText}`);
  metrics.loadFiles = loadFiles;
  // A Word proposal, converted by the extension into Markdown beside it.
  const docxBytes = await proposalDocx(ENGLISH);
  writeFileSync(join(workspace, 'proposal.docx'), docxBytes);
  const docxConverted = await convertDocx(docxBytes);
  if (!docxConverted.ok) throw new Error(`the e2e Word document does not convert: ${docxConverted.reason}`);
  log(`workspace ${workspace} with ${example.slice(root.length + 1)} and ${loadFiles} generated Markdown files`);

  const install = spawnSync(
    codeServer,
    ['--config', config, '--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix],
    { encoding: 'utf8', timeout: 120_000 },
  );
  check('the .vsix installs into code-server', install.status === 0 && /successfully installed/i.test(install.stdout + install.stderr), (install.stdout + install.stderr).trim().split('\n').pop());

  const port = await freePort();
  const serverStarted = Date.now();
  server = spawn(
    codeServer,
    [
      '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userData, '--extensions-dir', extensions, workspace,
    ],
    // POVLINT_TRACE_HOST_LAG: the extension logs how long its host's thread is blocked.
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, POVLINT_TRACE_HOST_LAG: '1' } },
  );
  let serverLog = '';
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  await until('code-server to listen', () => serverLog.includes('HTTP server listening') || server.exitCode !== null);
  if (server.exitCode !== null) throw new Error(`code-server exited:\n${serverLog}`);
  log(`code-server ${server.pid} listening on ${port} after ${Date.now() - serverStarted} ms`);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  workbench = page;
  page.setDefaultTimeout(TIMEOUT);
  // Errors of the workbench and its workers (the web extension host is one) go to the test's log.
  const consoleErrors = [];
  const onConsole = (where) => (m) => {
    if (m.type() === 'error') consoleErrors.push(`${where}: ${m.text()}`);
  };
  page.on('console', onConsole('workbench'));
  page.on('pageerror', (e) => consoleErrors.push(`workbench: ${e.message}`));
  page.on('worker', (w) => w.on('console', onConsole(`worker ${w.url().slice(0, 60)}`)));
  metrics.consoleErrors = consoleErrors;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${port}` });
  const loadStarted = Date.now();
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench .part.statusbar');
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'security-rfp.md' });
  await row.waitFor();
  metrics.workbenchLoadMs = Date.now() - loadStarted;
  await shot(page, '01-workbench');
  // The Node extension host is a process of its own: its memory is sampled and it is profiled.
  // The web worker extension host is a worker in the browser page; neither applies there.
  const hostPid =
    host === 'node'
      ? await until('the extension host pid', () => {
          const hostLog = diskLogs((p) => p.endsWith('remoteexthost.log')).join('\n');
          return Number(/Extension host with pid (\d+) started/.exec(hostLog)?.[1]) || undefined;
        })
      : undefined;
  // A CPU profile of the extension host says who ran during each block (see hostProfile.mjs).
  // Without it the 50 ms check below could not attribute blocks: failing to attach fails the run.
  const profiler = hostPid
    ? await startHostProfile(hostPid).catch((e) => {
        check('a CPU profile of the extension host attaches', false, e.message);
      })
    : undefined;

  // Open the RFP; povlint activates on Markdown and squiggles appear.
  const clicked = Date.now();
  metrics.clickedAt = clicked;
  phase('open the RFP until squiggles and the status bar count');
  await row.click();
  await page.waitForSelector('.monaco-editor .view-lines');
  await page.waitForSelector('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info');
  metrics.openToSquigglesMs = Date.now() - clicked;
  check('squiggles appear on the example RFP', true, `${metrics.openToSquigglesMs} ms after opening`);
  await shot(page, '02-squiggles');
  // povlint runs in the extension host this phase is about: its output channel is in that host's logs.
  // Both logs are written lazily (the web host's through the browser's storage): on a busy machine
  // they can trail the squiggles by many seconds, so the wait is long; the check still needs both.
  const activated = await until('povlint\'s activation in the extension host log and its output channel', async () => {
    const hostLog = await hostLogText();
    return /ExtensionService#_doActivateExtension povlint\.povlint/.test(hostLog) && /\[activate\] povlint/.test(await outputChannelText()) ? hostLog : undefined;
  }, 60_000).catch(() => '');
  // The web host's own log reaches the browser's storage last, and on a slow run it can still be
  // unwritten after the wait. povlint's output channel is itself a log of that host (it is read
  // from the web worker host's log folder only), so its activation line there shows the same thing.
  const viaOutput = !activated && host === 'web' && /\[activate\] povlint/.test(await outputChannelText());
  const where = host === 'web' ? 'web worker extension host' : 'Node extension host';
  check(
    `povlint runs in the ${where}`,
    Boolean(activated) || viaOutput,
    (host === 'web' ? 'browser bundle, lint worker nested in the host worker' : 'Node bundle') + (viaOutput ? '; seen in its output channel in the web worker host\'s logs, the host log not yet written' : ''),
  );

  // Status bar count.
  const status = page.locator('.statusbar-item[aria-label^="POV Lint:"]');
  await status.first().waitFor();
  const statusLabel = await until('a count in the status bar', async () => {
    const label = await status.first().getAttribute('aria-label');
    return label && /\d+ unverifiable claims?/.test(label) ? label : undefined;
  });
  const statusText = (await status.first().innerText()).trim();
  check('the status bar shows the count', /\d+ claims?/.test(statusText), `${statusText} / ${statusLabel}`);
  const count = Number(/(\d+)/.exec(statusLabel)[1]);
  // The same file through the core, with the same (default) settings: the numbers must agree.
  const expectedDiagnostics = (text) => findingsToDiagnostics(lint(text), { severity: {} });
  const core = expectedDiagnostics(readFileSync(docPath, 'utf8'));
  check('the status bar count equals the core\'s findings for the file', count === core.length, `status bar ${count}, core ${core.length}`);

  // Problems panel: povlint findings with rule ids.
  phase('Problems panel');
  await page.keyboard.press('Control+Shift+M');
  const markers = page.locator('.markers-panel .monaco-list-row');
  await markers.first().waitFor();
  const markerText = await until('povlint findings in the Problems panel', async () => {
    const text = (await markers.allInnerTexts()).join('\n');
    return /povlint/.test(text) && /\b(puffery|unmeasured-claim|vague-quantifier|unverifiable-absolute)\b/.test(text) ? text : undefined;
  });
  const ruleIds = [...new Set(markerText.match(/\b(unmeasured-claim|vague-quantifier|puffery|weak-obligation|unverifiable-absolute|missing-remedy|unresolved-placeholder)\b/g))];
  check('the Problems panel lists povlint findings with rule ids', ruleIds.length > 0, ruleIds.join(', '));
  // Its total (the panel's badge) and every row it shows match the core's findings.
  const problemsTotal = await until('the Problems count', async () => {
    const labels = await page.locator('.part.panel .composite-bar .action-item, .part.panel .panel-switcher-container .action-item').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
    const m = labels.map((l) => /Problems.*?Total (\d+) Problems?/i.exec(l)).find(Boolean);
    if (m) return Number(m[1]);
    // code-server 4.100 labels the tab without the total: its badge shows it.
    const badge = Number((await page.locator('.part.panel .badge-content').first().innerText().catch(() => '')).trim());
    return badge > 0 ? badge : undefined;
  });
  // The Problems panel lists every diagnostic but hints (VS Code shows hints only in the editor).
  const listed = core.filter((d) => d.severity !== 'hint');
  check('the Problems panel counts the core\'s findings (all but hints)', problemsTotal === listed.length, `panel ${problemsTotal}, core ${listed.length} (+${core.length - listed.length} hints)`);
  const rows = await markers.evaluateAll((els) => els.map((e) => `${e.textContent ?? ''} ${e.getAttribute('aria-label') ?? ''}`));
  const coreKeys = new Set(core.map((d) => `${d.code.value}@${d.range.start.line + 1}`));
  const rowKeys = rows
    .map((r) => {
      // A row reads "<message>povlint<rule id>[Ln 23, Col 27] ...": the source and the code run together.
      const rule = /povlint\(?(unmeasured-claim|vague-quantifier|puffery|weak-obligation|unverifiable-absolute|missing-remedy|unresolved-placeholder)\b/.exec(r)?.[1];
      const line = /\bLn\s*(\d+)|\bline\s+(\d+)/i.exec(r)?.slice(1).find(Boolean);
      return rule && line ? `${rule}@${line}` : undefined;
    })
    .filter(Boolean);
  if (rowKeys.length === 0) log(`Problems rows as read: ${JSON.stringify(rows.slice(0, 3))}`);
  check('every Problems row is a finding of the core (rule and line)', rowKeys.length > 0 && rowKeys.every((k) => coreKeys.has(k)), `${rowKeys.length} rows read; not in the core: ${rowKeys.filter((k) => !coreKeys.has(k)).join(', ') || 'none'}`);
  await shot(page, '03-problems');

  // Ctrl+. on a flagged claim offers the quick fixes; apply "Rewrite as a measurable outcome".
  phase('quick fix: rewrite as a measurable outcome');
  const original = readFileSync(docPath, 'utf8');
  const target = claimWithRewrite(original);
  await goTo(page, target.line, target.column);
  await page.keyboard.press('Control+Period');
  const menu = page.locator('.action-widget .monaco-list-row');
  await menu.first().waitFor();
  const offered = (await menu.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  await shot(page, '04-quick-fixes');
  check('Ctrl+. offers the quick fixes', offered.some((t) => t.startsWith('Rewrite as a measurable outcome')) && offered.some((t) => t.startsWith('Ignore')), offered.join(' | '));
  // Choose with the keyboard, as a user would: move the focus to the rewrite, then Enter.
  for (let i = 0; i < offered.length; i++) {
    const focused = (await page.locator('.action-widget .monaco-list-row.focused').first().innerText().catch(() => '')).trim();
    if (focused.startsWith('Rewrite as a measurable outcome')) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await page.locator('.action-widget').waitFor({ state: 'hidden' });
  await page.keyboard.press('Escape'); // leave snippet mode with the defaults in place
  await save(page);
  const rewritten = await until('the rewrite to reach the file', () => {
    const now = readFileSync(docPath, 'utf8');
    return now !== original ? now : undefined;
  });
  const changedLine = rewritten.split('\n')[target.line - 1] ?? '';
  check('applying "Rewrite as a measurable outcome" changes the text as expected', rewritten === target.expected, `line ${target.line}, \`${target.term}\`: ${changedLine.trim()}`);
  await shot(page, '05-rewritten');

  // "POV Lint: Insert Clause…" from the command palette inserts a clause at the cursor.
  phase('Insert Clause');
  const before = readFileSync(docPath, 'utf8');
  await goTo(page, before.split('\n').length, 1);
  await runCommand(page, 'POV Lint: Insert Clause');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Insert a proof-of-value clause' }).waitFor();
  const firstClause = page.locator('.quick-input-list .monaco-list-row').first();
  await firstClause.waitFor();
  await shot(page, '06-insert-clause');
  const separators = await page.locator('.quick-input-list .quick-input-list-separator-as-item, .quick-input-list .quick-input-list-separator').count();
  const picked = (await firstClause.locator('.label-name').first().innerText()).trim();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await save(page);
  const withClause = await until('the clause to reach the file', () => {
    const now = readFileSync(docPath, 'utf8');
    return now.length > before.length ? now : undefined;
  });
  const clause = builtinClauses().find((c) => c.title === picked);
  check(
    'Insert Clause inserts the chosen clause at the cursor',
    clause !== undefined && withClause === before + expandWithDefaults(clause.body),
    `"${picked}", +${withClause.length - before.length} characters, ${separators} category separators`,
  );
  await shot(page, '07-clause-inserted');

  // The POV Scorecard: a CodeLens above the success-criteria table and the view's rows say what
  // the core's scorecard says for the same text; a row moves the cursor to its criterion.
  phase('POV Scorecard');
  const cardText = readFileSync(docPath, 'utf8');
  const cardLines = cardText.split('\n');
  const card = scorecard(cardText);
  const lensesExpected = tableLenses(card, (c) => tableStartLine((l) => cardLines[l] ?? '', c.line - 1));
  check('the core finds criteria tables in the example', lensesExpected.length > 0, `${card.summary.criteria} criteria, ${lensesExpected.length} tables`);
  const firstLens = lensesExpected[0];
  if (firstLens) {
    await goTo(page, firstLens.line + 1, 1);
    const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: 'criteria complete' }).first();
    await lens.waitFor();
    const lensText = (await lens.innerText()).trim();
    check('a CodeLens above the criteria table says what the scorecard says', lensesExpected.some((l) => l.text === lensText), lensText);
    await shot(page, '08-scorecard-lens');
  }
  await runCommand(page, 'POV Lint: Show POV Scorecard');
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'POV Scorecard' }) });
  const summaryRow = pane.locator('.monaco-list-row', { hasText: 'POV readiness' });
  await summaryRow.waitFor();
  const summaryText = (await summaryRow.innerText()).replace(/\s+/g, ' ').trim();
  check('the scorecard view shows the core\'s readiness', summaryText.startsWith(`POV readiness ${readinessText(card.summary.readiness)}`), summaryText);
  const firstCriterion = card.criteria[0];
  if (firstCriterion) {
    const criterionRow = pane.locator('.monaco-list-row', { hasText: criterionName(firstCriterion) }).first();
    await criterionRow.waitFor();
    await shot(page, '09-scorecard-view');
    await criterionRow.click();
    const startLine = cardText.slice(0, firstCriterion.start).split('\n');
    const expectedCursor = `Ln ${startLine.length}, Col ${startLine[startLine.length - 1].length + 1}`;
    const cursor = page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first();
    const at = await until('the cursor to move to the criterion', async () => {
      const t = (await cursor.innerText().catch(() => '')).trim();
      return t.startsWith(expectedCursor) ? t : undefined;
    }, 15_000).catch(async () => (await cursor.innerText().catch(() => '')).trim());
    check('clicking a criterion row moves the cursor to it', at.startsWith(expectedCursor), `${criterionName(firstCriterion)}: ${at} (expected ${expectedCursor})`);
  } else {
    check('the scorecard view lists a criterion', false, 'the core found none in the example');
  }

  // Lint Workspace over every file: completes, and the extension host stays under 500 MB.
  if (loadFiles > 0) {
    let peakRssMB = 0;
    const sampleRss = () => {
      if (!hostPid) return;
      const status = existsSync(`/proc/${hostPid}/status`) ? readFileSync(`/proc/${hostPid}/status`, 'utf8') : '';
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peakRssMB = Math.max(peakRssMB, Math.round(kb / 1024));
    };
    const sampler = setInterval(sampleRss, 100);
    phase(`Lint Workspace over ${loadFiles + 1} files`);
    const lintStarted = Date.now();
    await runCommand(page, 'POV Lint: Lint Workspace');
    const done = page.locator('.notification-toast', { hasText: /POV Lint: \d+ unverifiable claims? in \d+ files?/ });
    await done.waitFor({ timeout: 300_000 });
    clearInterval(sampler);
    sampleRss();
    metrics.lintWorkspace = { ms: Date.now() - lintStarted, peakExtensionHostRssMB: peakRssMB, message: (await done.innerText()).split('\n')[0] };
    await shot(page, '10-lint-workspace');
    // ... and stays cancellable: start it again and cancel it from its progress notification.
    phase('Lint Workspace, cancelled');
    // (The toasts' close buttons show only on hover; the command needs none.)
    await runCommand(page, 'Notifications: Clear All Notifications');
    await done.waitFor({ state: 'detached' });
    await runCommand(page, 'POV Lint: Lint Workspace');
    const progressToast = page.locator('.notification-toast', { hasText: 'POV Lint: linting workspace' });
    await progressToast.locator('.monaco-button', { hasText: 'Cancel' }).click();
    const cancelled = page.locator('.notification-toast', { hasText: /POV Lint: cancelled after \d+ of \d+ files/ });
    await cancelled.waitFor();
    const cancelMessage = (await cancelled.innerText()).split('\n')[0];
    await shot(page, '11-lint-workspace-cancelled');
    const lintedBeforeCancel = Number(/after (\d+) of/.exec(cancelMessage)?.[1]);
    check('Lint Workspace can be cancelled from its progress notification', lintedBeforeCancel < loadFiles + 1, cancelMessage);
    const breakdown = await until('the Lint Workspace timing in the output log', async () => /\[lint workspace\][^\n]*/.exec(await outputChannelText())?.[0], 30_000).catch(() => undefined);
    if (breakdown) log(breakdown);
    if (hostPid) {
      check(
        `Lint Workspace over ${loadFiles + 1} files completes with the extension host under 500 MB`,
        new RegExp(`in ${loadFiles + 1} files`).test(metrics.lintWorkspace.message) && peakRssMB > 0 && peakRssMB < 500,
        `${metrics.lintWorkspace.message}; ${metrics.lintWorkspace.ms} ms; peak extension host RSS ${peakRssMB} MB`,
      );
    } else {
      check(`Lint Workspace over ${loadFiles + 1} files completes`, new RegExp(`in ${loadFiles + 1} files`).test(metrics.lintWorkspace.message), `${metrics.lintWorkspace.message}; ${metrics.lintWorkspace.ms} ms`);
    }
  }

  // Status bar again after the edits: it equals the core's count for the edited file.
  phase('status bar after the edits');
  await page.keyboard.press('Control+1').catch(() => undefined);
  const edited = expectedDiagnostics(readFileSync(docPath, 'utf8')).length;
  const after = await until('the status bar to show the count of the edited file', async () => {
    const label = await status.first().getAttribute('aria-label');
    return label && /\d+/.test(label) && Number(/(\d+)/.exec(label)[1]) === edited ? label : undefined;
  }, 15_000).catch(() => status.first().getAttribute('aria-label'));
  check('after the edits the status bar count equals the core\'s findings for the edited file', Number(/(\d+)/.exec(after ?? '')?.[1]) === edited, `status bar "${after}", core ${edited} (before the edits ${count})`);
  // The baseline: once the config names a baseline that records the document's findings, none of
  // them counts as new (they are hints now); deleting the file brings them back.
  phase('baseline');
  const recordedText = readFileSync(docPath, 'utf8');
  const recorded = lint(recordedText);
  const baselineFile = join(workspace, '.povlint-baseline.json');
  writeFileSync(baselineFile, serialiseBaseline(baselineOf([{ path: 'security-rfp.md', keys: findingKeys(recordedText, recorded) }])));
  writeFileSync(join(workspace, '.povlint.jsonc'), JSON.stringify({ baseline: '.povlint-baseline.json' }));
  const countIs = (n) => async () => {
    const label = await status.first().getAttribute('aria-label');
    return label && Number(/(\d+) unverifiable/.exec(label)?.[1]) === n ? label : undefined;
  };
  const muted = await until('the status bar to count no new claims', countIs(0), 30_000).catch(() => status.first().getAttribute('aria-label'));
  check('with a baseline recording the document, no finding counts as new', /POV Lint: 0 unverifiable claims/.test(muted ?? ''), `"${muted}", ${recorded.length} findings recorded`);
  await shot(page, '12-baseline');
  rmSync(baselineFile);
  const back = await until('the findings to come back when the baseline is deleted', countIs(edited), 30_000).catch(() => status.first().getAttribute('aria-label'));
  check('deleting the baseline file shows the findings as new again', Number(/(\d+) unverifiable/.exec(back ?? '')?.[1]) === edited, `"${back}", core ${edited}`);
  rmSync(join(workspace, '.povlint.jsonc'));

  // Word: the Explorer's context menu on a .docx converts it into Markdown beside it, which is
  // then linted like any Markdown document. The web extension cannot convert: there the entry is absent.
  phase('Open Word Document as Markdown');
  const docxRow = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'proposal.docx' });
  await docxRow.click({ button: 'right' });
  const menuEntry = page.locator('.context-view .action-label', { hasText: 'Open Word Document as Markdown' });
  if (host === 'web') {
    await page.locator('.context-view .action-label').first().waitFor();
    const entries = await page.locator('.context-view .action-label').allInnerTexts();
    check('the Explorer offers no Word conversion in the web extension host', !entries.some((t) => t.includes('Open Word Document')), `${entries.length} menu entries`);
    await page.keyboard.press('Escape');
  } else {
  await menuEntry.waitFor();
  await shot(page, '10-docx-context-menu');
  await menuEntry.click();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Save as proposal.md beside it' }).waitFor();
  await page.keyboard.press('Enter');
  const mdPath = join(workspace, 'proposal.md');
  const writtenMd = await until('proposal.md to be written', () => (existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : undefined));
  check('Open Word Document as Markdown writes the converted Markdown beside the .docx', writtenMd === docxConverted.markdown, `${writtenMd.length} characters`);
  await page.locator('.tab.active', { hasText: 'proposal.md' }).waitFor();
  const docxExpected = expectedDiagnostics(writtenMd).length;
  const docxStatus = await until('the status bar to count the converted document', async () => {
    const label = await status.first().getAttribute('aria-label');
    return label && Number(/(\d+)/.exec(label)?.[1]) === docxExpected ? label : undefined;
  }, 30_000).catch(() => status.first().getAttribute('aria-label'));
  await shot(page, '11-docx-converted');
  check('the converted Markdown is linted: the status bar count equals the core\'s findings', Number(/(\d+)/.exec(docxStatus ?? '')?.[1]) === docxExpected && docxExpected > 0, `status bar "${docxStatus}", core ${docxExpected}`);
  exercised.add('POV Lint: Open Word Document as Markdown');
  // Back to the RFP for the commands that follow.
  await page.locator('.tab', { hasText: 'security-rfp.md' }).first().click();
  await page.locator('.tab.active[data-resource-name="security-rfp.md"]').waitFor();
  }

  hostProfile = await profiler?.stop();
  if (hostProfile) writeFileSync(join(results, 'e2e-extension-host.cpuprofile'), JSON.stringify(hostProfile.profile));

  await otherCommands(page, docPath);

  // The extension host is never blocked by povlint for more than 50 ms: the first lint (which
  // compiles the core's regular expressions) and every later one run in the lint worker.
  // (Measured in the Node extension host, a process the test can profile.)
  if (host !== 'node') return;
  const blocks = hostBlocks(await outputChannelText());
  check('the extension host blocks were attributed from its CPU profile', Boolean(blocks?.povlint), blocks ? 'profile read' : 'no host block data');
  if (blocks?.povlint) {
    check(
      'povlint never blocks the extension host for more than 50 ms',
      blocks.povlint.longestRunMs <= 50,
      `longest run of povlint on the host's thread ${blocks.povlint.longestRunMs} ms, ${blocks.povlint.gcMs} ms of it garbage collection (${blocks.povlint.step}); longest block by anything ${blocks.longestMs} ms`,
    );
  }

}

/** Activation and lint timings from the extension's output channel and the extension host log. */
async function collectTimings() {
  if (!userData) return;
  const output = await outputChannelText().catch(() => lastLogs.output);
  metrics.activateCallMs = Number(/activated in ([\d.]+) ms/.exec(output)?.[1] ?? NaN);
  // Whole activation as the extension host sees it: from its "activating povlint" log line
  // (module load included) to the moment activate() returned.
  const activatedAt = Number(/activated in [\d.]+ ms at (\d+)/.exec(output)?.[1] ?? NaN);
  const hostLog = await hostLogText().catch(() => lastLogs.host);
  const stamp = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) \[info\] ExtensionService#_doActivateExtension povlint\.povlint/m.exec(hostLog);
  metrics.activationMs = stamp ? activatedAt - new Date(`${stamp[1]}T${stamp[2]}`).getTime() : NaN;
  const lintTimes = [...output.matchAll(/longest lint so far: ([\d.]+) ms/g)].map((m) => Number(m[1]));
  // Where the time between opening the file and the first squiggle goes.
  const firstLintAt = Number(/longest lint so far: [\d.]+ ms .* at (\d+)/.exec(output)?.[1] ?? NaN);
  if (stamp && metrics.clickedAt) {
    metrics.timeline = {
      clickToActivationStartMs: new Date(`${stamp[1]}T${stamp[2]}`).getTime() - metrics.clickedAt,
      clickToActivatedMs: activatedAt - metrics.clickedAt,
      clickToFirstLintDoneMs: firstLintAt - metrics.clickedAt,
      firstLintMs: lintTimes[0],
    };
    log(`timeline after opening the file: ${JSON.stringify(metrics.timeline)}`);
  }
  metrics.longestLintMs = lintTimes.length ? Math.max(...lintTimes) : NaN;
  metrics.hostBlock = hostBlocks(output);
  if (metrics.hostBlock) log(`extension host blocks after activation: ${JSON.stringify(metrics.hostBlock)}`);
}

/**
 * The longest time the extension host's thread was blocked after povlint activated (from the
 * extension's `[host lag]` lines), overall and per step of the test, with the longest blocks and,
 * when the host was profiled, who ran during each and povlint's longest uninterrupted run.
 */
function hostBlocks(output) {
  if (!/\[host lag\] tracing from/.test(output)) return undefined;
  const blocks = [...output.matchAll(/\[host lag\] (?:longest block so far|block): ([\d.]+) ms at (\d+)/g)].map((m) => ({ ms: Number(m[1]), at: Number(m[2]) }));
  const phases = metrics.phases ?? [];
  const phaseOf = (at) => phases.filter((p) => p.at <= at).pop()?.name ?? 'before opening the RFP';
  const byPhase = {};
  for (const b of blocks) byPhase[phaseOf(b.at)] = Math.max(byPhase[phaseOf(b.at)] ?? 0, b.ms);
  const longest = blocks.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, at: NaN });
  const top = [...blocks].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const activatedAt = Number(/activated in [\d.]+ ms at (\d+)/.exec(output)?.[1] ?? 0);
  const attributed = hostProfile ? attribute(hostProfile, top, { after: activatedAt }) : undefined;
  const describe = (b, i) => ({
    ms: b.ms,
    step: phaseOf(b.at),
    afterOpeningMs: metrics.clickedAt ? b.at - metrics.clickedAt : undefined,
    ...(attributed ? { who: attributed.blocks[i].owners } : {}),
  });
  return {
    longestMs: longest.ms,
    step: phaseOf(longest.at),
    over50ms: blocks.filter((b) => b.ms > 50).length,
    byStep: byPhase,
    ...(attributed ? { povlint: { longestRunMs: attributed.longestPovlintRunMs, gcMs: attributed.longestPovlintRunGcMs, step: phaseOf(attributed.longestPovlintRunAt) } } : {}),
    top: top.map(describe),
  };
}

/**
 * The contributed commands the steps above did not run, each with what it must do; then every
 * povlint command the command palette lists must have been run by this test (a command that cannot
 * work in an extension host must be absent from its palette, not listed and broken).
 */
async function otherCommands(page, docPath) {
  phase('the other commands');
  const text = readFileSync(docPath, 'utf8');
  const card = scorecard(text);
  await page.keyboard.press('Control+1').catch(() => undefined);

  await runCommand(page, 'POV Lint: Show Report');
  const reportTab = page.locator('.tab', { hasText: 'POV Lint Report' });
  await reportTab.first().waitFor();
  check('Show Report opens the report beside the document', true, (await reportTab.first().innerText()).trim());
  await shot(page, '12-report');

  await page.keyboard.press('Control+1').catch(() => undefined);
  await runCommand(page, 'POV Lint: Copy Scorecard as Markdown');
  const copied = page.locator('.notification-toast', { hasText: 'POV Lint: copied the scorecard of security-rfp.md' });
  await copied.waitFor();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText()).catch((e) => `(clipboard not readable: ${e.message})`);
  const expectedMd = formatScorecard([{ path: 'security-rfp.md', scorecard: card }], 'md');
  check('Copy Scorecard as Markdown copies the core\'s scorecard table', clipboard === expectedMd, `${clipboard.length} characters copied, ${expectedMd.length} expected`);

  const csvPath = docPath.replace(/\.md$/, '.scorecard.csv');
  await runCommand(page, 'POV Lint: Export Scorecard as CSV');
  // The save dialog (VS Code's own in the browser) proposes security-rfp.scorecard.csv beside the document.
  const dialog = page.locator('.quick-input-widget input');
  await until('the save dialog to propose the CSV file', async () => /security-rfp\.scorecard\.csv$/.test(await dialog.inputValue().catch(() => '')));
  await shot(page, '13-export-csv');
  await page.keyboard.press('Enter');
  const csv = await until('the CSV file', () => (existsSync(csvPath) ? readFileSync(csvPath, 'utf8') : undefined));
  check('Export Scorecard as CSV writes the core\'s scorecard as CSV', csv === formatScorecard([{ path: 'security-rfp.md', scorecard: card }], 'csv'), `${csv.split('\n').length} lines`);

  // The povlint commands the palette lists with the Markdown document active (all that apply).
  await page.keyboard.press('Control+1').catch(() => undefined);
  await page.locator('.tab.active[data-resource-name="security-rfp.md"]').waitFor();
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type('POV Lint: ');
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  const listed = [...new Set((await page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts()).map((t) => t.trim()).filter((t) => t.startsWith('POV Lint: ')))];
  await page.keyboard.press('Escape');

  // Last: the config it creates applies to the workspace from then on.
  const configPath = join(dirname(docPath), '.povlint.jsonc');
  await runCommand(page, 'POV Lint: Open Config');
  await page.locator('.tab.active', { hasText: '.povlint.jsonc' }).waitFor();
  check('Open Config creates and opens .povlint.jsonc', existsSync(configPath), readFileSync(configPath, 'utf8').split('\n')[0]);

  // Every povlint command the palette listed was run by this test.
  const contributed = manifest.contributes.commands.map((c) => `${c.category}: ${c.title}`);
  const notRun = listed.filter((t) => ![...exercised].some((e) => t.startsWith(e)));
  const hidden = contributed.filter((t) => !listed.includes(t));
  check(
    'every povlint command the command palette lists works (each was run by this test)',
    listed.length > 0 && notRun.length === 0,
    `${listed.length} listed${notRun.length ? `; not run: ${notRun.join(', ')}` : ''}${hidden.length ? `; absent here: ${hidden.join(', ')}` : ''}`,
  );
}

/**
 * The first claim the core offers "Rewrite as a measurable outcome" for, and the text the file
 * must have after the fix is applied with every tab stop left at its default.
 */
function claimWithRewrite(text) {
  for (const finding of lint(text)) {
    const fix = finding.fixes.find((f) => f.kind === 'rewrite-measurable');
    if (!fix) continue;
    let expected = text;
    for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) {
      expected = expected.slice(0, e.start) + (e.snippet ? expandWithDefaults(e.text) : e.text) + expected.slice(e.end);
    }
    return { line: finding.start.line, column: finding.start.column + 1, term: finding.term, expected };
  }
  throw new Error('the example has no claim the rewrite fix applies to');
}

async function goTo(page, line, column) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Runs a command from the command palette (F1), waiting for it to be listed first. */
async function runCommand(page, title) {
  exercised.add(title);
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function save(page) {
  await page.keyboard.press('Control+S');
  await page.locator('.tab.active.dirty').waitFor({ state: 'detached' }).catch(() => undefined);
}

function stopServer() {
  if (!server || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM'); // its process group: the server and its extension host
  } catch {
    server.kill('SIGTERM');
  }
}

/** One phase: a fresh code-server with povlint in extension host `name`; resolves to whether it passed. */
async function runPhase(name) {
  host = name;
  metrics = { host: name };
  checks = [];
  exercised = new Set();
  server = browser = tmp = userData = hostProfile = workbench = undefined;
  lastLogs.output = lastLogs.host = '';
  const phaseStarted = Date.now();
  let failed = false;
  try {
    await main();
  } catch (e) {
    failed = true;
    metrics.error = String(e?.message ?? e).split('\n')[0];
    process.stderr.write(`[e2e ${name}] ${e.stack ?? e}\n`);
    if (metrics.consoleErrors?.length) process.stderr.write(`[e2e ${name}] errors in the browser console:\n  ${metrics.consoleErrors.slice(-20).join('\n  ')}\n`);
  } finally {
    if (browser) {
      const pages = browser.contexts().flatMap((c) => c.pages());
      if (failed && pages[0]) await pages[0].screenshot({ path: join(results, `e2e-${name}-failure.png`) }).catch(() => undefined);
      // The web extension host's logs live in the page: read them before it closes.
      await outputChannelText().catch(() => undefined);
      await hostLogText().catch(() => undefined);
      if (failed && host === 'web') process.stderr.write(`[e2e ${name}] "POV Lint" output:\n${lastLogs.output}\n`);
      await browser.close().catch(() => undefined);
    }
    await collectTimings();
    stopServer();
    if (tmp && !failed && !process.env.E2E_KEEP) rmSync(tmp, { recursive: true, force: true });
    else if (tmp) log(`kept ${tmp} for inspection`);
  }
  metrics.wallMs = Date.now() - phaseStarted;
  log(
    `.vsix ${metrics.vsixKB} KB · workbench loaded in ${metrics.workbenchLoadMs} ms · squiggles ${metrics.openToSquigglesMs} ms after opening · ` +
      `activation ${Number.isFinite(metrics.activationMs) ? metrics.activationMs : '?'} ms (activate() ${Number.isFinite(metrics.activateCallMs) ? metrics.activateCallMs.toFixed(1) : '?'} ms) · longest lint ${Number.isFinite(metrics.longestLintMs) ? metrics.longestLintMs.toFixed(1) : '?'} ms · ` +
      (name === 'node' ? `longest extension host block ${metrics.hostBlock ? `${metrics.hostBlock.longestMs} ms (${metrics.hostBlock.step})` : '?'}, by povlint ${metrics.hostBlock?.povlint ? `${metrics.hostBlock.povlint.longestRunMs} ms` : '?'} · ` : '') +
      `${checks.filter((c) => c.ok).length}/${checks.length} checks · phase wall ${(metrics.wallMs / 1000).toFixed(1)} s`,
  );
  return { passed: !failed, metrics: { ...metrics, checks } };
}

const phases = {};
let failed = false;
if (!existsSync(codeServer)) {
  process.stderr.write(`[e2e] code-server not found at ${codeServer}; run scripts/e2e/setup-code-server.sh\n`);
  failed = true;
} else if (!existsSync(vsix)) {
  process.stderr.write(`[e2e] ${vsix} not found; run npm run package\n`);
  failed = true;
} else {
  mkdirSync(results, { recursive: true });
  // Every phase runs even when an earlier one failed, so one run says which hosts work.
  for (const name of HOSTS) {
    const result = await runPhase(name);
    phases[name] = result.metrics;
    if (!result.passed) failed = true;
  }
}
host = undefined;
const wallMs = Date.now() - started;
log(`${HOSTS.map((h) => `${h}: ${phases[h] ? `${phases[h].checks.filter((c) => c.ok).length}/${phases[h].checks.length} checks in ${(phases[h].wallMs / 1000).toFixed(1)} s` : 'not run'}`).join(' · ')} · e2e wall ${(wallMs / 1000).toFixed(1)} s`);
// The failures again at the end, where a log cut to its last lines still shows them.
for (const h of HOSTS) if (phases[h]?.error) log(`${h} failed: ${phases[h].error}`);
if (existsSync(results)) writeFileSync(join(results, 'e2e-metrics.json'), JSON.stringify({ wallMs, phases }, null, 2));
process.exitCode = failed ? 1 : 0;
