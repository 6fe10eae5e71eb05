/**
 * Entry of the Word converter in the Node extension host (`dist/docx-worker.cjs`): a
 * `worker_threads` Worker started for one conversion, so mammoth and turndown neither load into
 * nor block the extension host's thread. Receives the document's bytes, answers once.
 */
import { parentPort } from 'node:worker_threads';
import { convertDocx } from '../../docx/index.js';
import type { WordConversion } from '../commands/openWord.js';

const port = parentPort;
if (!port) throw new Error('the povlint Word converter runs in a worker thread; start it with new Worker(...)');
port.once('message', (bytes: Uint8Array) => {
  void convertDocx(bytes)
    .catch((e: unknown): WordConversion => ({ ok: false, reason: `the converter failed (${(e as Error).message})` }))
    .then((result) => {
      const answer: WordConversion = result.ok ? { ok: true, markdown: result.markdown, comments: result.comments } : result;
      port.postMessage(answer);
    });
});
