/**
 * Runs inside the VS Code extension host (loaded by @vscode/test-electron). A tiny sequential
 * runner: every test waits for events (diagnostics changed, commands resolved) with a timeout.
 */
/* global require, exports */
/* eslint-disable @typescript-eslint/no-require-imports */
const vscode = require('vscode');
const assert = require('node:assert/strict');
const path = require('node:path');

const RULE_IDS = ['unmeasured-claim', 'vague-quantifier', 'puffery', 'weak-obligation', 'unverifiable-absolute', 'missing-remedy', 'unresolved-placeholder'];
const workspace = process.env.POVLINT_TEST_WORKSPACE;
const fixture = vscode.Uri.file(path.join(workspace, 'rfp.md'));
const configUri = vscode.Uri.file(path.join(workspace, '.povlint.jsonc'));

const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'povlint');

/** Resolves with the povlint diagnostics of `uri` once `predicate` holds for them. */
function diagnosticsWhere(uri, predicate, what, options = {}) {
  const timeoutMs = options.timeoutMs ?? 20_000;
  return new Promise((resolve, reject) => {
    const now = ours(uri);
    // With `afterChange`, the diagnostics present now do not count: wait for the next publication.
    if (!options.afterChange && predicate(now)) return resolve(now);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for diagnostics: ${what}; have ${ours(uri).map((d) => d.code.value).join(', ')}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const list = ours(uri);
      if (predicate(list)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(list);
      }
    });
  });
}

async function actionsAt(uri, diagnostic) {
  return vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

async function run(action) {
  return vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

async function openFixture() {
  const document = await vscode.workspace.openTextDocument(fixture);
  await vscode.window.showTextDocument(document);
  return document;
}

async function revert(document) {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('activates on Markdown and publishes povlint diagnostics with rule ids and docs links', async () => {
  await openFixture();
  const list = await diagnosticsWhere(fixture, (l) => l.length > 0, 'any');
  for (const d of list) {
    assert.ok(RULE_IDS.includes(d.code.value), `rule id ${d.code.value}`);
    assert.match(d.code.target.toString(), /docs\/rules\/[a-z-]+\.md$/);
  }
  const api = vscode.extensions.getExtension('povlint.povlint').exports;
  assert.ok(api.activationMs < 500, `activate() took ${api.activationMs} ms`);
});

test('offers quick fixes for every povlint diagnostic, each carrying the document version', async () => {
  const document = await openFixture();
  const list = await diagnosticsWhere(fixture, (l) => l.length > 0, 'any');
  for (const d of list) {
    const actions = await actionsAt(fixture, d);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes(`Ignore \`${d.code.value}\` on this line`), titles.join(' | '));
    assert.ok(titles.includes(`Show documentation for \`${d.code.value}\``));
    for (const a of actions.filter((x) => x.command.command === 'povlint.applyFix')) assert.equal(a.command.arguments[0].version, document.version);
  }
});

test('replacing puffery edits the text and the finding goes away', async () => {
  const document = await openFixture();
  const list = await diagnosticsWhere(fixture, (l) => l.some((d) => d.code.value === 'puffery'), 'puffery');
  const puffery = list.find((d) => d.code.value === 'puffery');
  const term = document.getText(puffery.range);
  const action = (await actionsAt(fixture, puffery)).find((a) => a.title.startsWith('Replace `'));
  assert.ok(action, 'replace action');
  assert.equal(await run(action), true);
  assert.ok(!document.getText().includes(term), 'term replaced');
  await diagnosticsWhere(fixture, (l) => !l.some((d) => d.code.value === 'puffery' && d.range.start.line === puffery.range.start.line), 'puffery gone');
  await revert(document);
});

test('"Rewrite as a measurable outcome" replaces the claim with a measurable statement', async () => {
  const document = await openFixture();
  const list = await diagnosticsWhere(fixture, (l) => l.some((d) => d.code.value === 'unmeasured-claim'), 'unmeasured-claim');
  const claim = list.find((d) => d.code.value === 'unmeasured-claim');
  const before = document.lineAt(claim.range.start.line).text;
  const action = (await actionsAt(fixture, claim)).find((a) => a.title === 'Rewrite as a measurable outcome');
  assert.ok(action, 'rewrite action offered');
  assert.equal(action.isPreferred, true);
  assert.equal(await run(action), true);
  const after = document.lineAt(claim.range.start.line).text;
  assert.notEqual(after, before);
  assert.match(after, /\d/);
  await revert(document);
});

test('"Ignore on this line" writes the directive and the finding goes away', async () => {
  const document = await openFixture();
  const list = await diagnosticsWhere(fixture, (l) => l.length > 0, 'any');
  const target = list[0];
  const rule = target.code.value;
  const action = (await actionsAt(fixture, target)).find((a) => a.title === `Ignore \`${rule}\` on this line`);
  // Listen before the edit: only diagnostics published after it can show the finding gone.
  const ignored = diagnosticsWhere(
    fixture,
    (l) => l.length > 0 && !l.some((d) => d.code.value === rule && d.range.start.line === target.range.start.line + 1),
    'ignored after the directive',
    { afterChange: true },
  );
  assert.equal(await run(action), true);
  assert.match(document.getText(), new RegExp(`<!-- povlint-disable-next-line ${rule} -->`));
  await ignored;
  await revert(document);
});

test('a fix computed for an older version is refused', async () => {
  const document = await openFixture();
  const list = await diagnosticsWhere(fixture, (l) => l.length > 0, 'any');
  const action = (await actionsAt(fixture, list[0])).find((a) => a.command.command === 'povlint.applyFix');
  const edit = new vscode.WorkspaceEdit();
  edit.insert(fixture, new vscode.Position(0, 0), 'Moved on.\n\n');
  assert.equal(await vscode.workspace.applyEdit(edit), true);
  const text = document.getText();
  assert.equal(await run(action), false);
  assert.equal(document.getText(), text);
  await revert(document);
});

test('"Allow <term> in this workspace" writes .povlint.jsonc and re-lints', async () => {
  await openFixture();
  const list = await diagnosticsWhere(fixture, (l) => l.some((d) => d.code.value === 'unverifiable-absolute'), 'unverifiable-absolute');
  const target = list.find((d) => d.code.value === 'unverifiable-absolute');
  const action = (await actionsAt(fixture, target)).find((a) => a.command.command === 'povlint.allowTerm');
  const term = action.command.arguments[0].term;
  assert.equal(await run(action), true);
  const config = Buffer.from(await vscode.workspace.fs.readFile(configUri)).toString('utf8');
  assert.ok(config.includes(JSON.stringify(term)), config);
  await diagnosticsWhere(fixture, (l) => !l.some((d) => d.range.isEqual(target.range) && d.code.value === 'unverifiable-absolute'), 'term allowed');
  await vscode.workspace.fs.delete(configUri);
  await diagnosticsWhere(fixture, (l) => l.some((d) => d.range.isEqual(target.range)), 'term flagged again');
});

test('a broken config falls back to defaults and linting continues', async () => {
  await openFixture();
  await vscode.workspace.fs.writeFile(configUri, Buffer.from('{ "rules": { "puffery": "loud" } }'));
  const api = vscode.extensions.getExtension('povlint.povlint').exports;
  const loaded = await api.configs.forDocument(fixture);
  assert.equal(loaded.config, undefined);
  assert.ok(loaded.errors.length > 0);
  await diagnosticsWhere(fixture, (l) => l.some((d) => d.code.value === 'puffery'), 'defaults apply');
  await vscode.workspace.fs.delete(configUri);
});

test('Insert Clause inserts the clause body at the cursor', async () => {
  const document = await openFixture();
  const editor = await vscode.window.showTextDocument(document);
  const end = document.lineAt(document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  const api = vscode.extensions.getExtension('povlint.povlint').exports;
  const clause = (await api.configs.forDocument(fixture)).clauses.find((c) => c.locale === 'en');
  const before = document.getText().length;
  assert.equal(await vscode.commands.executeCommand('povlint.insertClause', clause.id), clause.id);
  assert.ok(document.getText().length > before + 20);
  await revert(document);
});

test('Show Report summarises the active document', async () => {
  await openFixture();
  const report = await vscode.commands.executeCommand('povlint.showReport');
  assert.ok(report.total > 0);
  assert.ok(report.readiness === null || (report.readiness >= 0 && report.readiness <= 100));
  assert.ok(report.perRule.length > 0);
});

test('Lint Workspace lints files that are not open and stays within memory', async () => {
  const folder = vscode.Uri.file(path.join(workspace, 'generated'));
  const text = Buffer.from(await vscode.workspace.fs.readFile(fixture));
  for (let i = 0; i < 300; i++) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, `doc-${i}.md`), text);
  const summary = await vscode.commands.executeCommand('povlint.lintWorkspace');
  assert.ok(summary.files >= 300, `files ${summary.files}`);
  assert.ok(summary.claims > 0);
  assert.ok(ours(vscode.Uri.joinPath(folder, 'doc-7.md')).length > 0, 'closed files get diagnostics');
  assert.ok(process.memoryUsage().rss < 500 * 1024 * 1024, `rss ${process.memoryUsage().rss}`);
  await vscode.workspace.fs.delete(folder, { recursive: true });
});

exports.run = async function run() {
  const failures = [];
  for (const t of tests) {
    const started = Date.now();
    try {
      await t.fn();
      console.log(`  ok   ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failures.push(t.name);
      console.log(`  FAIL ${t.name}\n       ${(e && e.stack) || e}`);
    }
  }
  console.log(`${tests.length - failures.length}/${tests.length} passed`);
  if (failures.length) throw new Error(`${failures.length} test(s) failed: ${failures.join('; ')}`);
};
