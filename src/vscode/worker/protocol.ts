/**
 * The messages between the extension host and the lint worker. Plain data only (they cross a
 * `postMessage` boundary by structured clone); the same shapes serve the Node worker thread and
 * the browser's Web Worker. Requests carry an id and get exactly one response with that id,
 * in the order they were sent; `close` is a notification and gets none.
 */
import type { Finding, FindingKey, LintOptions, Scorecard } from '../../core/index.js';

/** One edit of a document, in the order the editor reports them. */
export interface Change {
  /** 0-based UTF-16 offset in the text before this change. */
  offset: number;
  deleteCount: number;
  insert: string;
}

export type Request =
  /** Start (or restart) the session of a document from its full text. */
  | { id: number; type: 'open'; uri: string; text: string; options: LintOptions; keys?: boolean }
  /** Apply edits to a document's session; `length` is the text length the host expects after them. */
  | { id: number; type: 'edit'; uri: string; changes: Change[]; length: number; keys?: boolean }
  /**
   * Lint a text without keeping a session (files that are not open). With `diagnosticsOnly`, the
   * findings come without what only an open document uses (fixes, clauses, topics, missing parts).
   */
  | { id: number; type: 'lint'; text: string; options: LintOptions; keys?: boolean; diagnosticsOnly?: boolean }
  /** The scorecard of a document's session as it stands after the requests sent before this one. */
  | { id: number; type: 'scorecard'; uri: string }
  /**
   * The details a lint deferred (`deferDetails`: fix texts, clause suggestions) of some of its
   * findings, with the options of that lint: a quick fix or a hover asks for the findings at hand.
   */
  | { id: number; type: 'resolve'; findings: Finding[]; options: LintOptions };

export interface Notification {
  type: 'close';
  uri: string;
}

export type ToWorker = Request | Notification;

export type Response =
  /** `keys`: the baseline key of each finding, when the request asked for them (a baseline applies). */
  | { id: number; type: 'findings'; findings: Finding[]; ms: number; incremental: boolean; keys?: FindingKey[] }
  | { id: number; type: 'scorecard'; scorecard: Scorecard; ms: number }
  /** The findings of a `resolve` request, in its order, with nothing pending. */
  | { id: number; type: 'resolved'; findings: Finding[] }
  /** The worker has no session for the document, or its text has another length: send the full text. */
  | { id: number; type: 'resync' }
  | { id: number; type: 'error'; message: string };

/** The lint worker as the host sees it: a Node `Worker` or a Web Worker behind one shape. */
export interface WorkerPort {
  post(message: ToWorker): void;
  /** Called with every response, and once with an error if the worker dies or fails to start. */
  listen(onMessage: (response: Response) => void, onExit: (error: Error) => void): void;
  terminate(): void;
}

/** The worker's side of a port: receives requests, sends responses. */
export interface ServerPort {
  listen(onMessage: (message: ToWorker) => void): void;
  post(response: Response): void;
}

export function isResponse(value: unknown): value is Response {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { id?: unknown; type?: unknown };
  return typeof r.id === 'number' && (r.type === 'findings' || r.type === 'scorecard' || r.type === 'resolved' || r.type === 'resync' || r.type === 'error');
}

/** The text length after `changes` are applied to a text of `length` code units. */
export function lengthAfter(length: number, changes: readonly Change[]): number {
  let n = length;
  for (const c of changes) n += c.insert.length - c.deleteCount;
  return n;
}
