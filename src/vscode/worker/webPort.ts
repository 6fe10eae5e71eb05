/**
 * A Web Worker as a port of the lint worker (web extension host). The worker may still be on its
 * way (its script is fetched first, see ./spawn.web.ts): messages posted meanwhile are kept and
 * sent in order once it runs, and a worker that cannot be created is reported like one that died.
 */
import { isResponse, type ToWorker, type WorkerPort } from './protocol.js';

export function webWorkerPort(starting: Worker | Promise<Worker>): WorkerPort {
  let worker: Worker | undefined;
  let terminated = false;
  let exited = false;
  const queued: ToWorker[] = [];
  let onResponse: (response: Parameters<Parameters<WorkerPort['listen']>[0]>[0]) => void = () => undefined;
  let onExit: (error: Error) => void = () => undefined;
  const exit = (error: Error): void => {
    if (terminated || exited) return;
    exited = true;
    onExit(error);
  };
  // Settles after the caller's listen() (a then-callback never runs synchronously).
  Promise.resolve(starting).then(
    (w) => {
      if (terminated) {
        w.terminate();
        return;
      }
      worker = w;
      w.addEventListener('message', (event: MessageEvent<unknown>) => {
        if (isResponse(event.data)) onResponse(event.data);
      });
      // The worker never throws while serving, so an error event means it could not start.
      w.addEventListener('error', (event: ErrorEvent) => exit(new Error(event.message || 'the worker failed to load')));
      for (const message of queued.splice(0)) w.postMessage(message);
    },
    (error: unknown) => exit(error instanceof Error ? error : new Error(String(error))),
  );
  return {
    post(message) {
      if (worker) worker.postMessage(message);
      else if (!terminated && !exited) queued.push(message);
    },
    listen(response, exited) {
      onResponse = response;
      onExit = exited;
    },
    terminate() {
      terminated = true;
      queued.length = 0;
      worker?.terminate();
    },
  };
}
