/**
 * The lint worker's logic: one core session per open document (keyed by URI), edits applied
 * incrementally, one-shot lints for files that are not open. Pure: no `vscode`, no Node built-ins;
 * the core is injected so tests can run it in-process, and the worker entries only connect it to
 * their platform's message port.
 */
import type { Finding, FindingKey, LintOptions, Scorecard, ScorecardOptions, Session } from '../../core/index.js';
import type { Request, Response, ServerPort, ToWorker } from './protocol.js';

export interface Core {
  createSession(text: string, options?: LintOptions): Session;
  lint(text: string, options?: LintOptions): Finding[];
  scorecard(text: string, options?: ScorecardOptions): Scorecard;
  /** Writes what a lint with `deferDetails` left out of `findings` (see the core's `resolveFindings`). */
  resolveFindings(findings: Finding[], options?: LintOptions): Finding[];
  /** The baseline key of each finding (needed only where a baseline applies). */
  findingKeys?(text: string, findings: readonly Finding[], options?: LintOptions): FindingKey[];
}

interface Open {
  session: Session;
  options: LintOptions;
}

export class LintServer {
  private readonly sessions = new Map<string, Open>();

  constructor(
    private readonly core: Core,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The response to one request, or undefined for a notification. Never throws. */
  handle(message: ToWorker): Response | undefined {
    if (message.type === 'close') {
      this.sessions.delete(message.uri);
      return undefined;
    }
    try {
      return this.answer(message);
    } catch (e) {
      // A session that threw mid-edit cannot be trusted; the host resends the full text next time.
      if (message.type === 'open' || message.type === 'edit') this.sessions.delete(message.uri);
      return { id: message.id, type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
  }

  private answer(request: Request): Response {
    const started = this.now();
    const done = (findings: Finding[], incremental: boolean, keysOf?: { text: string; options: LintOptions }): Response => {
      const keys = keysOf && 'keys' in request && request.keys && this.core.findingKeys ? this.core.findingKeys(keysOf.text, findings, keysOf.options) : undefined;
      return {
        id: request.id,
        type: 'findings',
        findings,
        ms: this.now() - started,
        incremental,
        ...(keys ? { keys } : {}),
      };
    };
    switch (request.type) {
      case 'open': {
        const session = this.core.createSession(request.text, request.options);
        this.sessions.set(request.uri, { session, options: request.options });
        return done(session.findings(), false, { text: request.text, options: request.options });
      }
      case 'edit': {
        const open = this.sessions.get(request.uri);
        if (!open) return { id: request.id, type: 'resync' };
        const session = open.session;
        let findings: Finding[] | undefined;
        for (const c of request.changes) findings = session.edit(c.offset, c.deleteCount, c.insert);
        if (session.length() !== request.length) {
          this.sessions.delete(request.uri);
          return { id: request.id, type: 'resync' };
        }
        return done(findings ?? session.findings(), true, { text: session.text(), options: open.options });
      }
      case 'lint': {
        const response = done(this.core.lint(request.text, request.options), false, { text: request.text, options: request.options });
        // Keys are taken from the whole findings first; the host of a closed file only shows them.
        if (request.diagnosticsOnly && response.type === 'findings') response.findings = response.findings.map(forDiagnostics);
        return response;
      }
      case 'resolve':
        return { id: request.id, type: 'resolved', findings: this.core.resolveFindings(request.findings, request.options) };
      case 'scorecard': {
        const open = this.sessions.get(request.uri);
        if (!open) return { id: request.id, type: 'resync' };
        // The session's findings are reused: the scorecard lists them as claims without a second lint.
        const scorecard = this.core.scorecard(open.session.text(), { ...open.options, findings: open.session.findings() });
        return { id: request.id, type: 'scorecard', scorecard, ms: this.now() - started };
      }
    }
  }

  get size(): number {
    return this.sessions.size;
  }
}

/**
 * A finding as a diagnostic shows it: what the editor needs of a file that is not open. Fixes,
 * clause ids and topics are made again when the file is opened; leaving them here keeps a
 * workspace lint's replies about half as large on the host, which holds many at once.
 */
function forDiagnostics(f: Finding): Finding {
  const { ruleId, severity, message, start, end, docs, related } = f;
  return { ruleId, severity, message, start, end, docs, missing: [], fixes: [], clauses: [], ...(related ? { related } : {}) };
}

/** Serves lint requests on a port until the worker is terminated. */
export function serve(port: ServerPort, core: Core): LintServer {
  const server = new LintServer(core);
  port.listen((message) => {
    const response = server.handle(message);
    if (response) port.post(response);
  });
  return server;
}
