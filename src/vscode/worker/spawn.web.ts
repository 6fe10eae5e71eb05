/**
 * Starts the lint worker in the web extension host (vscode.dev, code-server's browser host): a Web
 * Worker running `dist/web/worker.js`; the web extension host lets an extension start workers from
 * its own files. Same exports as ./spawn.ts, which this module replaces in the web bundle.
 */
import * as vscode from 'vscode';
import type { WorkerPort } from './protocol.js';
import { webWorkerPort } from './webPort.js';

export function startLintWorker(extensionUri: vscode.Uri): WorkerPort {
  const url = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'worker.js').toString(true);
  return webWorkerPort(new Worker(url, { name: 'povlint lint worker' }));
}
