/**
 * Starts the lint worker in the Node extension host: a `worker_threads` Worker running
 * `dist/worker.cjs`. The web bundle is built with ./spawn.web.ts in place of this module.
 */
import * as vscode from 'vscode';
import { nodeWorkerPort } from './nodePort.js';
import type { WorkerPort } from './protocol.js';

export function lintWorkerStarter(extensionUri: vscode.Uri): () => WorkerPort {
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'worker.cjs').fsPath;
  return () => nodeWorkerPort(script);
}
