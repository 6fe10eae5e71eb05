/**
 * No data lost: a document edited while its lint is running gets no fix computed for the old text.
 * The real core runs behind the real lint client and server (in-process port); the document changes
 * between the request and the answer.
 */
import { expect, it } from 'vitest';
import { createSession, lint, resolveFindings, scorecard } from '../../src/core/index.js';
import { actionsForFinding } from '../../src/vscode/model/actions.js';
import { decideFix, fixArgs } from '../../src/vscode/model/staleFix.js';
import type { Timers } from '../../src/vscode/model/scheduler.js';
import { LintClient } from '../../src/vscode/worker/client.js';
import { Doc } from '../helpers/doc.js';
import type { Response, WorkerPort } from '../../src/vscode/worker/protocol.js';
import { LintServer } from '../../src/vscode/worker/server.js';


function port(): WorkerPort {
  const server = new LintServer({ createSession, lint, scorecard, resolveFindings });
  let deliver: (r: Response) => void = () => undefined;
  return {
    post(message) {
      const response = server.handle(message);
      // The answer arrives later, as from a real worker.
      if (response) setTimeout(() => deliver(response), 5);
    },
    listen(onMessage) {
      deliver = onMessage;
    },
    terminate() {},
  };
}

const timers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

it('refuses a fix computed for a version the document has moved past', async () => {
  const client = new LintClient({ spawn: port, timers, log: () => undefined });
  const doc = new Doc('# RFP\n\nOur platform responds faster than the incumbent.\n');
  const running = client.lintDocument('a', doc, {});
  // The user types while the lint is running.
  client.record('a', doc.edit(0, 0, 'Draft. '), doc.version);
  const stale = await running;
  expect(stale).toBeDefined();
  expect(stale!.version).toBe(1);
  expect(doc.version).toBe(2);
  const finding = stale!.findings.find((f) => f.ruleId === 'unmeasured-claim')!;
  const action = actionsForFinding(finding, { text: 'irrelevant', clause: () => undefined, clauseSuggestions: 0 }).find((a) => a.type === 'edit')!;
  expect(action.type).toBe('edit');
  if (action.type !== 'edit') throw new Error('no edit action');
  // The command's arguments carry the version the findings were computed for, and the command's
  // own decision refuses them now that the document has moved on.
  const args = fixArgs('file:///a.md', stale!, action);
  expect(args.version).toBe(1);
  const refused = decideFix(args, doc.version);
  expect(refused.apply).toBe(false);
  expect(refused.apply ? '' : refused.message).toContain(action.title);
  // Linted again, the current version gets fixes that apply, with exactly their edits.
  const fresh = await client.lintDocument('a', doc, {});
  expect(fresh!.version).toBe(doc.version);
  expect(fresh!.findings).toEqual(lint(doc.text, {}));
  const freshFinding = fresh!.findings.find((f) => f.ruleId === 'unmeasured-claim')!;
  const freshAction = actionsForFinding(freshFinding, { text: doc.text, clause: () => undefined, clauseSuggestions: 0 }).find((a) => a.type === 'edit')!;
  if (freshAction.type !== 'edit') throw new Error('no edit action');
  const accepted = decideFix(fixArgs('file:///a.md', fresh!, freshAction), doc.version);
  expect(accepted).toEqual({ apply: true, edits: freshAction.edits });
});
