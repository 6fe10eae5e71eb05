/**
 * The lint worker without a worker: the server's sessions, and the host's client against the
 * server in-process through a fake port, with timers and crashes driven by the test. The real
 * worker bundles are exercised in bundles.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createSession, findingKeys, lint, resolveFindings, scorecard } from '../../src/core/index.js';
import type { LintOptions } from '../../src/core/config/types.js';
import type { Finding } from '../../src/core/types.js';
import type { Timers } from '../../src/vscode/model/scheduler.js';
import { isPending, LintClient, LintWorkerError } from '../../src/vscode/worker/client.js';
import { Doc } from '../helpers/doc.js';
import { isResponse, lengthAfter, type Response, type ToWorker, type WorkerPort } from '../../src/vscode/worker/protocol.js';
import { LintServer } from '../../src/vscode/worker/server.js';

const text = '# RFP\n\nThe platform is best-in-class.\n\nIt will significantly reduce cost.\n';
const options: LintOptions = { allowPatterns: true };
const core = { createSession, lint, scorecard, resolveFindings };

describe('protocol', () => {
  it('computes the length after edits and recognises responses', () => {
    expect(lengthAfter(10, [{ offset: 0, deleteCount: 3, insert: 'ab' }, { offset: 5, deleteCount: 0, insert: 'xyz' }])).toBe(12);
    expect(isResponse({ id: 1, type: 'findings', findings: [], ms: 0, incremental: false })).toBe(true);
    expect(isResponse({ id: 1, type: 'other' })).toBe(false);
    expect(isResponse(null)).toBe(false);
  });
});

describe('LintServer', () => {
  it('keeps one session per document, applies edits and matches a fresh lint', () => {
    const server = new LintServer(core);
    const opened = server.handle({ id: 1, type: 'open', uri: 'a', text, options });
    expect(opened).toMatchObject({ id: 1, type: 'findings', incremental: false, findings: lint(text, options) });
    // Two edits of one event, in the order the editor reports them (later offsets first).
    const at = text.indexOf('cost');
    const p = text.indexOf('best-in-class');
    const changes = [
      { offset: at, deleteCount: 4, insert: 'operating cost' },
      { offset: p, deleteCount: 'best-in-class'.length, insert: 'ready' },
    ];
    const expected = text.slice(0, p) + 'ready' + text.slice(p + 13, at) + 'operating cost' + text.slice(at + 4);
    const edited = server.handle({ id: 2, type: 'edit', uri: 'a', changes, length: expected.length });
    expect(edited).toMatchObject({ id: 2, type: 'findings', incremental: true, findings: lint(expected, options) });
    expect(server.size).toBe(1);
    server.handle({ type: 'close', uri: 'a' });
    expect(server.size).toBe(0);
  });

  it('asks for the full text when it has no session or the length does not match', () => {
    const server = new LintServer(core);
    expect(server.handle({ id: 1, type: 'edit', uri: 'a', changes: [], length: 0 })).toEqual({ id: 1, type: 'resync' });
    server.handle({ id: 2, type: 'open', uri: 'a', text, options });
    expect(server.handle({ id: 3, type: 'edit', uri: 'a', changes: [{ offset: 0, deleteCount: 1, insert: '' }], length: text.length })).toEqual({
      id: 3,
      type: 'resync',
    });
    expect(server.size).toBe(0);
  });

  it('lints one-off texts without a session and answers errors instead of throwing', () => {
    const server = new LintServer(core);
    expect(server.handle({ id: 1, type: 'lint', text, options })).toMatchObject({ type: 'findings', findings: lint(text, options) });
    expect(server.size).toBe(0);
    const full = lint(text, options);
    const keyed = new LintServer({ ...core, findingKeys });
    const reply = keyed.handle({ id: 3, type: 'lint', text, options, diagnosticsOnly: true, keys: true });
    // What a diagnostic shows is kept, finding by finding; what only an open document uses is not.
    expect(reply).toMatchObject({
      type: 'findings',
      findings: full.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, start: f.start, end: f.end, docs: f.docs, fixes: [], clauses: [], missing: [] })),
      keys: findingKeys(text, full, options),
    });
    expect(full.some((f) => f.fixes.length > 0)).toBe(true);
    const broken = new LintServer({
      createSession: () => {
        throw new Error('boom');
      },
      lint,
      scorecard,
      resolveFindings,
    });
    expect(broken.handle({ id: 2, type: 'open', uri: 'a', text, options })).toMatchObject({ id: 2, type: 'error', message: expect.stringContaining('boom') });
  });
});

describe('LintServer resolve', () => {
  it('writes what a deferred lint left pending, with the options it is sent, in the order sent', () => {
    const server = new LintServer(core);
    const deferred = { ...options, deferDetails: true };
    const opened = server.handle({ id: 1, type: 'open', uri: 'a', text, options: deferred });
    if (opened?.type !== 'findings') throw new Error('no findings');
    expect(opened.findings.some((f) => f.fixes.some((x) => x.pending))).toBe(true);
    const asked = [...opened.findings].reverse();
    const answer = server.handle({ id: 2, type: 'resolve', findings: asked, options: deferred });
    expect(answer).toEqual({ id: 2, type: 'resolved', findings: [...lint(text, options)].reverse() });
    expect(isResponse(answer)).toBe(true);
  });

  it('answers malformed findings in a resolve request with an error, not a throw', () => {
    const server = new LintServer(core);
    const broken = [{ ruleId: 'puffery', fixes: [], clauses: [], pending: { claim: 42, locale: 'en', docType: 'rfp' } }] as unknown as Finding[];
    expect(server.handle({ id: 3, type: 'resolve', findings: broken, options })).toMatchObject({ id: 3, type: 'error', message: expect.any(String) });
    expect(server.handle({ id: 4, type: 'resolve', findings: null as unknown as Finding[], options })).toMatchObject({ id: 4, type: 'error' });
  });
});

describe('LintServer scorecard', () => {
  const schedule = '# SLA\n\n| Metric | Target | Window | Method |\n|---|---|---|---|\n| Availability | 99.9% | per calendar month | synthetic probes |\n\nOur support is world-class.\n';

  it('answers with the scorecard of the session as edited, the same as the core computes for its text', () => {
    const server = new LintServer(core);
    server.handle({ id: 1, type: 'open', uri: 'a', text: schedule, options });
    const first = server.handle({ id: 2, type: 'scorecard', uri: 'a' });
    expect(first).toMatchObject({ id: 2, type: 'scorecard', scorecard: scorecard(schedule, options) });
    if (first?.type !== 'scorecard') throw new Error('no scorecard');
    expect(first.scorecard.criteria.length).toBeGreaterThan(0);
    expect(first.scorecard.claims.map((c) => c.ruleId)).toContain('puffery');
    const at = schedule.indexOf('Our support');
    const edited = schedule.slice(0, at) + schedule.slice(schedule.indexOf('\n', at) + 1);
    server.handle({ id: 3, type: 'edit', uri: 'a', changes: [{ offset: at, deleteCount: schedule.length - edited.length, insert: '' }], length: edited.length });
    const second = server.handle({ id: 4, type: 'scorecard', uri: 'a' });
    expect(second).toMatchObject({ type: 'scorecard', scorecard: scorecard(edited, options) });
    if (second?.type !== 'scorecard') throw new Error('no scorecard');
    expect(second.scorecard.claims).toEqual([]);
  });

  it('asks for the full text when it has no session, and keeps the session when the scorecard fails', () => {
    expect(new LintServer(core).handle({ id: 1, type: 'scorecard', uri: 'a' })).toEqual({ id: 1, type: 'resync' });
    const failing = new LintServer({ createSession, lint, resolveFindings, scorecard: () => { throw new Error('bad table'); } });
    failing.handle({ id: 1, type: 'open', uri: 'a', text: schedule, options });
    expect(failing.handle({ id: 2, type: 'scorecard', uri: 'a' })).toMatchObject({ type: 'error', message: expect.stringContaining('bad table') });
    expect(failing.size).toBe(1);
  });
});

/** Timers the test fires by hand. */
function manualTimers() {
  let next = 0;
  const pending = new Map<number, { fn: () => void; ms: number }>();
  const timers: Timers = {
    set: (fn, ms) => {
      pending.set(++next, { fn, ms });
      return next;
    },
    clear: (h) => pending.delete(h as number),
  };
  return {
    timers,
    /** Fires every pending timer (the watchdog). */
    fireAll() {
      const due = [...pending.values()];
      pending.clear();
      for (const t of due) t.fn();
    },
    get count() {
      return pending.size;
    },
  };
}

/** Workers that run a LintServer in-process; answers are delivered on a later microtask, in order. */
function fakeWorkers() {
  const started: {
    sent: ToWorker[];
    hang: boolean;
    terminated: boolean;
    crash: (e: Error) => void;
    server: LintServer;
  }[] = [];
  const spawn = (): WorkerPort => {
    const server = new LintServer(core);
    let deliver: (r: Response) => void = () => undefined;
    const w = { sent: [] as ToWorker[], hang: false, terminated: false, crash: (_e: Error) => undefined as void, server };
    started.push(w);
    return {
      post(message) {
        w.sent.push(message);
        if (w.hang) return;
        const response = server.handle(message);
        if (response) queueMicrotask(() => !w.terminated && deliver(response));
      },
      listen(onMessage, onExit) {
        deliver = onMessage;
        w.crash = onExit;
      },
      terminate() {
        w.terminated = true;
      },
    };
  };
  return { started, spawn };
}


function client(over: Partial<ConstructorParameters<typeof LintClient>[0]> = {}) {
  const workers = fakeWorkers();
  const t = manualTimers();
  const logs: string[] = [];
  const c = new LintClient({ spawn: workers.spawn, timers: t.timers, log: (level, line) => logs.push(`${level} ${line}`), ...over });
  return { c, workers, t, logs };
}

describe('LintClient', () => {
  it('sends the full text first, then only the recorded edits, and matches a fresh lint', async () => {
    const { c, workers } = client();
    const doc = new Doc(text);
    const first = await c.lintDocument('a', doc, options);
    expect(first).toMatchObject({ version: 1, incremental: false, findings: lint(text, options) });
    c.record('a', doc.edit(text.indexOf('best-in-class'), 13, 'ready'), doc.version);
    c.record('a', doc.edit(doc.text.length, 0, '\nAlways faster.\n'), doc.version);
    const second = await c.lintDocument('a', doc, options);
    expect(second).toMatchObject({ version: 3, incremental: true, findings: lint(doc.text, options) });
    expect(workers.started[0]!.sent.map((m) => m.type)).toEqual(['open', 'edit']);
    c.close('a');
    expect(workers.started[0]!.sent.at(-1)).toEqual({ type: 'close', uri: 'a' });
    expect(workers.started[0]!.server.size).toBe(0);
  });

  it('gives the scorecard of the text it just brought the session to, labelled with that version', async () => {
    const { c, workers } = client();
    const doc = new Doc(text);
    const first = await c.scorecardDocument('a', doc, options);
    expect(first).toMatchObject({ version: 1, scorecard: scorecard(text, options) });
    c.record('a', doc.edit(doc.text.length, 0, '\nThe vendor shall resolve 90% of P2 tickets within 8 hours.\n'), doc.version);
    const second = await c.scorecardDocument('a', doc, options);
    expect(second).toMatchObject({ version: 2, scorecard: scorecard(doc.text, options) });
    expect(second.scorecard.criteria.length).toBe(first.scorecard.criteria.length + 1);
    expect(workers.started[0]!.sent.map((m) => m.type)).toEqual(['open', 'scorecard', 'edit', 'scorecard']);
    // A lint sent by someone else before the scorecard request moves the label with it.
    const pending = c.scorecardDocument('a', doc, options);
    c.record('a', doc.edit(0, 0, 'x'), doc.version);
    const other = c.lintDocument('a', doc, options);
    const [card] = await Promise.all([pending, other]);
    expect(card.scorecard).toEqual(scorecard(doc.text, options));
    expect(card.version).toBe(doc.version);
  });

  it('resends the full text after a missed change event or with new options', async () => {
    const { c, workers } = client();
    const doc = new Doc(text);
    await c.lintDocument('a', doc, options);
    doc.edit(0, 0, 'x'); // not recorded
    expect(await c.lintDocument('a', doc, options)).toMatchObject({ incremental: false, findings: lint(doc.text, options) });
    expect(await c.lintDocument('a', doc, { ...options })).toMatchObject({ incremental: false });
    expect(workers.started[0]!.sent.map((m) => m.type)).toEqual(['open', 'open', 'open']);
  });

  it('recovers when the worker lost the session (length mismatch) by sending the full text', async () => {
    const { c, workers } = client();
    const doc = new Doc(text);
    await c.lintDocument('a', doc, options);
    workers.started[0]!.server.handle({ type: 'close', uri: 'a' });
    c.record('a', doc.edit(0, 0, 'x'), doc.version);
    expect(await c.lintDocument('a', doc, options)).toMatchObject({ version: 2, findings: lint(doc.text, options) });
    expect(workers.started[0]!.sent.map((m) => m.type)).toEqual(['open', 'edit', 'open']);
  });

  it('restarts a worker that takes too long: the culprit fails with timeout, requests queued behind it are sent again', async () => {
    const { c, workers, t, logs } = client();
    let restarted = 0;
    c.onDidRestart(() => restarted++);
    const doc = new Doc(text);
    await c.lintDocument('a', doc, options);
    workers.started[0]!.hang = true;
    c.record('a', doc.edit(0, 0, 'x'), doc.version);
    const culprit = c.lintDocument('a', doc, options);
    const other = new Doc('It is very fast.\n');
    const queuedOpen = c.lintDocument('b', other, options);
    const queuedLint = c.lintText('Best-in-class support.\n', options);
    expect(c.inFlight).toBe(3);
    t.fireAll();
    await expect(culprit).rejects.toMatchObject({ kind: 'timeout' });
    await expect(queuedOpen).resolves.toMatchObject({ findings: lint(other.text, options) });
    await expect(queuedLint).resolves.toMatchObject({ findings: lint('Best-in-class support.\n', options) });
    expect(workers.started).toHaveLength(2);
    expect(workers.started[0]!.terminated).toBe(true);
    expect(restarted).toBe(1);
    expect(logs.join('\n')).toMatch(/error \[worker\] the lint worker spent more than \d+ ms on one edit request .*restarting it/);
    // The restarted worker has no session for `a`: the next lint sends the full text.
    expect(await c.lintDocument('a', doc, options)).toMatchObject({ incremental: false, findings: lint(doc.text, options) });
    expect(t.count).toBe(0);
  });

  it('restarts a crashed worker, and stops trying for a while after repeated crashes', async () => {
    const { c, workers } = client({ maxRestarts: 1, now: () => 0 });
    const doc = new Doc(text);
    await c.lintDocument('a', doc, options);
    workers.started[0]!.hang = true;
    const p = c.lintDocument('b', new Doc('fast'), options);
    workers.started[0]!.crash(new Error('out of memory'));
    await expect(p).rejects.toBeInstanceOf(LintWorkerError);
    await expect(p).rejects.toMatchObject({ kind: 'crash' });
    expect(c.running).toBe(true);
    workers.started[1]!.hang = true;
    const q = c.lintDocument('a', doc, options);
    workers.started[1]!.crash(new Error('again'));
    await expect(q).rejects.toMatchObject({ kind: 'crash' });
    expect(c.running).toBe(false);
    await expect(c.lintText('fast', options)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(workers.started).toHaveLength(2);
  });

  it('resolves only the findings with something pending, and gives every finding back in its place', async () => {
    const { c, workers } = client();
    const deferred = { ...options, deferDetails: true };
    const reply = await c.lintDocument('a', new Doc(text), deferred);
    const eager = lint(text, options);
    // A finding that needs nothing (here the first, complete already) is passed through as it is, and not sent.
    const asked = [eager[0]!, ...reply.findings.slice(1)];
    const pending = asked.filter(isPending).length;
    expect(pending).toBeGreaterThan(0);
    expect(pending).toBeLessThan(asked.length);
    expect(await c.resolveFindings(asked, deferred)).toEqual(eager);
    const sent = workers.started[0]!.sent.at(-1)!;
    expect(sent.type === 'resolve' && sent.findings.length).toBe(pending);
    // Nothing pending: no request at all.
    const before = workers.started[0]!.sent.length;
    expect(await c.resolveFindings(eager, deferred)).toEqual(eager);
    expect(workers.started[0]!.sent.length).toBe(before);
  });

  it('lints lazily: no worker until the first request, none after dispose', async () => {
    const { c, workers } = client();
    expect(workers.started).toHaveLength(0);
    await c.lintText(text, options);
    expect(workers.started).toHaveLength(1);
    c.dispose();
    expect(workers.started[0]!.terminated).toBe(true);
    await expect(c.lintText(text, options)).rejects.toMatchObject({ kind: 'unavailable' });
  });
});
