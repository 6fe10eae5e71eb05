/** A `worker_threads` Worker as a port of the lint worker (Node extension host, tests). */
import { Worker } from 'node:worker_threads';
import { isResponse, type WorkerPort } from './protocol.js';

export function nodeWorkerPort(file: string): WorkerPort {
  const worker = new Worker(file, { name: 'povlint lint worker' });
  // The worker never keeps the extension host (or a test run) alive by itself.
  worker.unref();
  let terminated = false;
  return {
    post: (message) => worker.postMessage(message),
    listen(onMessage, onExit) {
      let exited = false;
      const exit = (error: Error): void => {
        if (exited || terminated) return;
        exited = true;
        onExit(error);
      };
      worker.on('message', (message: unknown) => {
        if (isResponse(message)) onMessage(message);
      });
      worker.on('error', (error) => exit(error));
      worker.on('exit', (code) => exit(new Error(`the worker exited with code ${code}`)));
    },
    terminate() {
      terminated = true;
      void worker.terminate();
    },
  };
}
