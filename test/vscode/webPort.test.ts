/**
 * The web extension host's port to its lint worker while the worker is still being started (its
 * script is fetched first): messages wait in order, a worker that cannot be created is reported
 * like one that died, and a port terminated meanwhile never leaves a worker running. The worker is
 * a stand-in with the Web Worker surface the port uses; the real one runs in the e2e web phase.
 */
import { describe, expect, it } from 'vitest';
import { createSession, lint, resolveFindings, scorecard } from '../../src/core/index.js';
import { LintClient, LintWorkerError } from '../../src/vscode/worker/client.js';
import type { Response, ToWorker } from '../../src/vscode/worker/protocol.js';
import { LintServer } from '../../src/vscode/worker/server.js';
import { webWorkerPort } from '../../src/vscode/worker/webPort.js';

/** A Web Worker stand-in that serves the lint protocol with the real server, answering asynchronously. */
class ServingWorker extends EventTarget {
  readonly received: ToWorker[] = [];
  terminated = false;
  private readonly server = new LintServer({ createSession, lint, scorecard, resolveFindings });

  postMessage(message: ToWorker): void {
    this.received.push(message);
    const response = this.server.handle(structuredClone(message));
    if (response) setTimeout(() => this.dispatchEvent(new MessageEvent<Response>('message', { data: structuredClone(response) })));
  }

  terminate(): void {
    this.terminated = true;
  }

  /** What a worker whose script cannot load does. */
  failToLoad(message: string): void {
    const event = new Event('error') as Event & { message: string };
    event.message = message;
    this.dispatchEvent(event);
  }
}

const deferred = <T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

const text = '# RFP\n\nThe platform is best-in-class and significantly faster.\n';

describe('webWorkerPort', () => {
  it('keeps requests sent while the worker starts and sends them in order once it runs', async () => {
    const worker = new ServingWorker();
    const starting = deferred<Worker>();
    const client = new LintClient({ spawn: () => webWorkerPort(starting.promise), log: () => undefined });
    const doc = { version: 1, getText: () => text };
    const first = client.lintDocument('a', doc, {});
    const second = client.lintText('We offer best-in-class support.\n', {});
    await Promise.resolve();
    expect(worker.received).toEqual([]);
    starting.resolve(worker as unknown as Worker);
    expect((await first).findings).toEqual(lint(text, {}));
    expect((await second).findings).toEqual(lint('We offer best-in-class support.\n', {}));
    expect(worker.received.map((m) => m.type)).toEqual(['open', 'lint']);
    client.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('reports a worker that cannot be created, or cannot load its script, with the reason', async () => {
    for (const start of [
      () => Promise.reject(new Error('cannot load the lint worker from https://x/worker.js: HTTP 404')),
      () => {
        const worker = new ServingWorker();
        worker.postMessage = () => setTimeout(() => worker.failToLoad('Uncaught NetworkError: importScripts failed'));
        return Promise.resolve(worker as unknown as Worker);
      },
    ]) {
      const logged: string[] = [];
      const client = new LintClient({ spawn: () => webWorkerPort(start()), log: (_level, line) => logged.push(line), maxRestarts: 0 });
      const failure = await client.lintDocument('a', { version: 1, getText: () => text }, {}).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(LintWorkerError);
      expect((failure as LintWorkerError).kind).toBe('crash');
      expect(logged.join('\n')).toMatch(/the lint worker stopped: (cannot load the lint worker from https:\/\/x\/worker\.js: HTTP 404|Uncaught NetworkError: importScripts failed)/);
      client.dispose();
    }
  });

  it('terminates a worker that arrives after the port was terminated, and sends it nothing', async () => {
    const worker = new ServingWorker();
    const starting = deferred<Worker>();
    const port = webWorkerPort(starting.promise);
    port.listen(() => undefined, () => undefined);
    port.post({ type: 'close', uri: 'a' });
    port.terminate();
    starting.resolve(worker as unknown as Worker);
    await starting.promise;
    await Promise.resolve();
    expect(worker.terminated).toBe(true);
    expect(worker.received).toEqual([]);
  });
});
