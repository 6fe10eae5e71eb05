/** Entry of the lint worker in the Node extension host (`dist/worker.cjs`, a `worker_threads` Worker). */
import { parentPort } from 'node:worker_threads';
import { createSession, findingKeys, lint, resolveFindings, scorecard } from '../../core/index.js';
import type { ToWorker } from './protocol.js';
import { serve } from './server.js';

const port = parentPort;
if (!port) throw new Error('the povlint lint worker runs in a worker thread; start it with new Worker(...)');
serve(
  {
    listen: (onMessage) => port.on('message', (message: ToWorker) => onMessage(message)),
    post: (response) => port.postMessage(response),
  },
  { createSession, lint, scorecard, findingKeys, resolveFindings },
);
