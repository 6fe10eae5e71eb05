/** Runs one Word conversion in a fresh `worker_threads` Worker (./worker.ts, built to `dist/docx-worker.cjs`). */
import { Worker } from 'node:worker_threads';
import type { WordConversion, WordConverter } from '../commands/openWord.js';

/** Longer than any document under the converter's size limits takes. */
const TIMEOUT_MS = 120_000;

export function workerConverter(file: string): WordConverter {
  return (bytes) =>
    new Promise<WordConversion>((resolve) => {
      const worker = new Worker(file, { name: 'povlint Word converter' });
      let settled = false;
      const finish = (result: WordConversion): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(result);
      };
      const timer = setTimeout(() => finish({ ok: false, reason: `the conversion took longer than ${TIMEOUT_MS / 1000} s` }), TIMEOUT_MS);
      worker.on('message', (message: WordConversion) => finish(message));
      worker.on('error', (error) => finish({ ok: false, reason: `the converter failed (${error.message})` }));
      worker.on('exit', (code) => finish({ ok: false, reason: `the converter stopped (exit code ${code})` }));
      const copy = bytes.slice();
      worker.postMessage(copy, [copy.buffer]);
    });
}
