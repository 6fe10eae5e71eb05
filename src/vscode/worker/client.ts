/**
 * The extension host's side of the lint worker. It keeps, per open document, a mirror of what the
 * worker's session holds (version, length, options, edits not yet sent), so a lint after typing
 * sends only the edits; anything unexpected (a missed change event, new options, a restarted
 * worker, a length mismatch) falls back to sending the full text. A watchdog restarts the worker
 * when one request takes longer than its budget, and a crashed worker is restarted; requests that
 * were merely queued behind the culprit are sent again. Pure: no `vscode`, timers injected.
 */
import type { Finding, FindingKey, LintOptions, Scorecard } from '../../core/index.js';
import type { Timers } from '../model/scheduler.js';
import { lengthAfter, type Change, type Request, type Response, type WorkerPort } from './protocol.js';

export interface LintReply {
  findings: Finding[];
  /** The document version these findings are for (the caller publishes only if it still matches). */
  version: number;
  /** Time the worker spent, in milliseconds. */
  ms: number;
  incremental: boolean;
  /** The baseline key of each finding, when asked for. */
  keys?: FindingKey[];
}

export interface ScorecardReply {
  scorecard: Scorecard;
  /** The document version the scorecard is for. */
  version: number;
  /** Time the worker spent on lint and scorecard, in milliseconds. */
  ms: number;
}

/** A document as the client needs it; `vscode.TextDocument` fits. */
export interface DocumentLike {
  readonly version: number;
  getText(): string;
}

export type FailureKind = 'timeout' | 'crash' | 'error' | 'unavailable';

/** Why a request got no findings. `timeout` and `crash` name the request the worker was busy with. */
export class LintWorkerError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'LintWorkerError';
  }
}

export interface LintClientOptions {
  spawn: () => WorkerPort;
  log: (level: 'info' | 'warn' | 'error', line: string) => void;
  /** How long the worker may work on one request for a text of `length` code units. */
  budgetMs?: (length: number) => number;
  /** More restarts than this within `restartWindowMs` and the worker is not started again until the window has passed. */
  maxRestarts?: number;
  restartWindowMs?: number;
  timers?: Timers;
  now?: () => number;
}

/** 10 s plus 10 ms per KB: far beyond a normal lint (about 1 ms per KB cold), short of a hang. */
export const defaultBudgetMs = (length: number): number => 10_000 + Math.ceil(length / 1024) * 10;

interface Mirror {
  generation: number;
  options: LintOptions;
  version: number;
  length: number;
  pending: Change[];
  /** The version of the text the worker's session holds once the requests sent so far are answered. */
  sent: number;
}

interface InFlight {
  request: Request;
  budgetMs: number;
  resolve: (response: Response) => void;
  reject: (error: LintWorkerError) => void;
}

/** Whether a finding has details its lint deferred (a fix text, clause suggestions). */
export function isPending(f: Finding): boolean {
  return f.pending !== undefined;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

export class LintClient {
  private port: WorkerPort | undefined;
  /** Incremented on every start of a worker: mirrors of an older generation have no session behind them. */
  private generation = 0;
  private nextId = 1;
  /** Requests sent and not answered, in the order sent (the worker answers in that order). */
  private queue: InFlight[] = [];
  private watchdog: unknown;
  private readonly mirrors = new Map<string, Mirror>();
  private restarts: number[] = [];
  private readonly restartListeners = new Set<() => void>();
  private readonly timers: Timers;
  private readonly now: () => number;
  private readonly budgetMs: (length: number) => number;
  private disposed = false;

  constructor(private readonly options: LintClientOptions) {
    this.timers = options.timers ?? realTimers;
    this.now = options.now ?? Date.now;
    this.budgetMs = options.budgetMs ?? defaultBudgetMs;
  }

  /** Queues the edits of one change event; `version` is the document's version after them. */
  record(uri: string, changes: readonly Change[], version: number): void {
    const mirror = this.mirrors.get(uri);
    if (!mirror) return;
    mirror.pending.push(...changes);
    mirror.length = lengthAfter(mirror.length, changes);
    mirror.version = version;
  }

  /**
   * Lints an open document through its session in the worker: only the recorded edits when the
   * worker's session is known to match the document, else its full text.
   */
  async lintDocument(uri: string, document: DocumentLike, options: LintOptions, keys = false): Promise<LintReply> {
    this.start();
    const mirror = this.mirrors.get(uri);
    if (!mirror || mirror.generation !== this.generation || mirror.options !== options || mirror.version !== document.version) {
      return this.open(uri, document, options, keys);
    }
    const { version, length } = mirror;
    const changes = mirror.pending;
    mirror.pending = [];
    mirror.sent = version;
    const response = await this.send(uri, { type: 'edit', uri, changes, length, ...(keys ? { keys } : {}) }, length);
    if (response.type === 'resync') return this.open(uri, document, options, keys);
    return this.reply(uri, response, version);
  }

  /**
   * The scorecard of an open document: its session is brought up to date first (as for a lint),
   * then the worker reads the scorecard from it, reusing the session's findings.
   */
  async scorecardDocument(uri: string, document: DocumentLike, options: LintOptions): Promise<ScorecardReply> {
    const lint = await this.lintDocument(uri, document, options);
    // Requests are answered in order: the scorecard is of the last text sent before it (a lint
    // sent meanwhile by someone else may have moved the session past the one awaited here).
    const mirror = this.mirrors.get(uri);
    const version = mirror?.sent ?? lint.version;
    const response = await this.send(uri, { type: 'scorecard', uri }, mirror?.length ?? 0);
    if (response.type === 'scorecard') return { scorecard: response.scorecard, version, ms: lint.ms + response.ms };
    if (response.type === 'resync') this.mirrors.delete(uri);
    throw new LintWorkerError('error', response.type === 'error' ? response.message : `unexpected ${response.type} response to a scorecard request`);
  }

  /** Lints a text without a session (a file that is not open). */
  async lintText(text: string, options: LintOptions, keys = false, diagnosticsOnly = false): Promise<Omit<LintReply, 'version'>> {
    this.start();
    const request = { type: 'lint' as const, text, options, ...(keys ? { keys } : {}), ...(diagnosticsOnly ? { diagnosticsOnly } : {}) };
    const response = await this.send(undefined, request, text.length);
    const { findings, ms, keys: found } = this.reply(undefined, response, 0);
    return { findings, ms, incremental: false, ...(found ? { keys: found } : {}) };
  }

  /**
   * The findings with what their lint deferred written in (fix texts, clause suggestions), in the
   * same order; `options` are that lint's. Findings with nothing pending are not sent.
   */
  async resolveFindings(findings: readonly Finding[], options: LintOptions): Promise<Finding[]> {
    const pending = findings.filter(isPending);
    if (pending.length === 0) return [...findings];
    this.start();
    const response = await this.send(undefined, { type: 'resolve', findings: pending, options }, 0);
    if (response.type !== 'resolved' || response.findings.length !== pending.length) {
      throw new LintWorkerError('error', response.type === 'error' ? response.message : `unexpected ${response.type} response to a resolve request`);
    }
    let next = 0;
    return findings.map((f) => (isPending(f) ? response.findings[next++]! : f));
  }

  /** Forgets a closed document here and in the worker. */
  close(uri: string): void {
    if (this.mirrors.delete(uri)) this.port?.post({ type: 'close', uri });
  }

  /** Called after a worker was restarted, so the host can send its open documents again. */
  onDidRestart(listener: () => void): { dispose(): void } {
    this.restartListeners.add(listener);
    return { dispose: () => this.restartListeners.delete(listener) };
  }

  /** Requests sent and not yet answered. */
  get inFlight(): number {
    return this.queue.length;
  }

  get running(): boolean {
    return this.port !== undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
    this.fail(this.queue.splice(0), new LintWorkerError('unavailable', 'the lint worker was disposed'));
  }

  private async open(uri: string, document: DocumentLike, options: LintOptions, keys = false): Promise<LintReply> {
    this.start();
    // Version and text are read together, before anything can change the document.
    const version = document.version;
    const text = document.getText();
    this.mirrors.set(uri, { generation: this.generation, options, version, length: text.length, pending: [], sent: version });
    const response = await this.send(uri, { type: 'open', uri, text, options, ...(keys ? { keys } : {}) }, text.length);
    if (response.type === 'resync') throw new LintWorkerError('error', 'the lint worker asked for a resync of a full text');
    return this.reply(uri, response, version);
  }

  private reply(uri: string | undefined, response: Response, version: number): LintReply {
    if (response.type === 'findings') return { findings: response.findings, version, ms: response.ms, incremental: response.incremental, ...(response.keys ? { keys: response.keys } : {}) };
    if (uri !== undefined) this.mirrors.delete(uri); // the worker dropped the session
    throw new LintWorkerError('error', response.type === 'error' ? response.message : `unexpected ${response.type} response`);
  }

  private send(uri: string | undefined, body: RequestBody, length: number): Promise<Response> {
    const port = this.port;
    if (!port) {
      if (uri !== undefined) this.mirrors.delete(uri);
      return Promise.reject(new LintWorkerError('unavailable', 'the lint worker is not running (it failed too often; it is tried again shortly)'));
    }
    const request = { ...body, id: this.nextId++ } as Request;
    return new Promise<Response>((resolve, reject) => {
      this.queue.push({ request, budgetMs: this.budgetMs(length), resolve, reject });
      port.post(request);
      if (this.queue.length === 1) this.armWatchdog();
    });
  }

  /** Starts a worker unless one runs, it was disposed, or it failed too often lately. */
  private start(): void {
    if (this.port || this.disposed) return;
    const now = this.now();
    this.restarts = this.restarts.filter((t) => now - t < (this.options.restartWindowMs ?? 60_000));
    if (this.restarts.length > (this.options.maxRestarts ?? 3)) return;
    const port = this.options.spawn();
    this.port = port;
    this.generation++;
    port.listen(
      (response) => {
        if (this.port === port) this.answer(response);
      },
      (error) => {
        if (this.port === port) this.restart('crash', `the lint worker stopped: ${error.message}`);
      },
    );
  }

  private answer(response: Response): void {
    const at = this.queue.findIndex((f) => f.request.id === response.id);
    if (at < 0) {
      this.options.log('warn', `[worker] an answer to request ${response.id}, which is not waiting`);
      return;
    }
    const [done] = this.queue.splice(at, 1);
    this.armWatchdog();
    done!.resolve(response);
  }

  /** Watches the oldest request: the worker works on it from now (it answers in order). */
  private armWatchdog(): void {
    if (this.watchdog !== undefined) this.timers.clear(this.watchdog);
    this.watchdog = undefined;
    const head = this.queue[0];
    if (!head) return;
    this.watchdog = this.timers.set(() => {
      this.watchdog = undefined;
      if (this.queue[0] === head) {
        this.restart('timeout', `the lint worker spent more than ${head.budgetMs} ms on one ${head.request.type} request`);
      }
    }, head.budgetMs);
  }

  /**
   * Stops the worker and starts a new one. The request it was busy with fails with `kind`; the
   * others are sent again (edits as a resync, since the new worker has no sessions).
   */
  private restart(kind: 'timeout' | 'crash', reason: string): void {
    const [culprit, ...waiting] = this.queue.splice(0);
    const what = culprit ? `${culprit.request.type} request${'uri' in culprit.request ? ` for ${culprit.request.uri}` : ''}` : 'no request';
    this.options.log('error', `[worker] ${reason} (busy with ${what}); restarting it`);
    this.stop();
    this.restarts.push(this.now());
    if (culprit) this.fail([culprit], new LintWorkerError(kind, reason));
    this.start();
    if (!this.port) {
      this.options.log('error', `[worker] the lint worker failed ${this.restarts.length} times within a minute; not restarting it for now`);
      this.fail(waiting, new LintWorkerError('unavailable', 'the lint worker failed too often'));
      return;
    }
    for (const w of waiting) {
      if (w.request.type === 'edit') {
        w.resolve({ id: w.request.id, type: 'resync' });
      } else {
        // The new worker gets the same request, so a mirror made by a resent `open` is current.
        if (w.request.type === 'open') {
          const mirror = this.mirrors.get(w.request.uri);
          if (mirror) mirror.generation = this.generation;
        }
        this.queue.push(w);
        this.port.post(w.request);
      }
    }
    this.armWatchdog();
    for (const listener of this.restartListeners) listener();
  }

  private stop(): void {
    if (this.watchdog !== undefined) this.timers.clear(this.watchdog);
    this.watchdog = undefined;
    const port = this.port;
    this.port = undefined;
    port?.terminate();
  }

  private fail(requests: InFlight[], error: LintWorkerError): void {
    for (const r of requests) {
      if ('uri' in r.request) this.mirrors.delete(r.request.uri);
      r.reject(error);
    }
  }
}
