/** Entry of the lint worker in the browser (`dist/web/worker.js`, a Web Worker started by the web extension host). */
import { createSession, findingKeys, lint, resolveFindings, scorecard } from '../../core/index.js';
import type { ToWorker } from './protocol.js';
import { serve } from './server.js';

serve(
  {
    listen: (onMessage) => self.addEventListener('message', (event: MessageEvent<ToWorker>) => onMessage(event.data)),
    post: (response) => self.postMessage(response),
  },
  { createSession, lint, scorecard, findingKeys, resolveFindings },
);
