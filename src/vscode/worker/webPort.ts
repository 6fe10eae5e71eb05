/** A Web Worker as a port of the lint worker (web extension host). */
import { isResponse, type WorkerPort } from './protocol.js';

export function webWorkerPort(worker: Worker): WorkerPort {
  let terminated = false;
  return {
    post: (message) => worker.postMessage(message),
    listen(onMessage, onExit) {
      worker.addEventListener('message', (event: MessageEvent<unknown>) => {
        if (isResponse(event.data)) onMessage(event.data);
      });
      // The worker never throws while serving, so an error event means it could not start.
      worker.addEventListener('error', (event: ErrorEvent) => {
        if (!terminated) onExit(new Error(event.message || 'the worker failed to load'));
      });
    },
    terminate() {
      terminated = true;
      worker.terminate();
    },
  };
}
