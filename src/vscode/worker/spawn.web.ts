/**
 * Starts the lint worker in the web extension host (vscode.dev, code-server's browser host): a Web
 * Worker running `dist/web/worker.js`. Same exports as ./spawn.ts, which this module replaces in
 * the web bundle.
 *
 * The worker is started from a `blob:` URL holding the script, not from the script's own URI: an
 * extension installed on a server (code-server, Codespaces, any remote) has a `vscode-remote:`
 * extension URI, and the web extension host refuses `new Worker` for those ("Creating workers from
 * remote extensions is currently not supported."). Its `fetch` does resolve such URIs (and plain
 * `https:` ones on vscode.dev); the host loads the extension's own code that way too. So the
 * script is fetched once and every worker starts from it.
 */
import * as vscode from 'vscode';
import type { WorkerPort } from './protocol.js';
import { webWorkerPort } from './webPort.js';

export function lintWorkerStarter(extensionUri: vscode.Uri): () => WorkerPort {
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'worker.js').toString(true);
  let url: Promise<string> | undefined;
  return () => {
    url ??= scriptUrl(script);
    const started = url.then((u) => new Worker(u, { name: 'povlint lint worker' }));
    // A failed fetch is tried again by the next start.
    started.catch(() => (url = undefined));
    return webWorkerPort(started);
  };
}

async function scriptUrl(script: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(script);
  } catch (e) {
    throw new Error(`cannot load the lint worker from ${script}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!response.ok) throw new Error(`cannot load the lint worker from ${script}: HTTP ${response.status}`);
  return URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' }));
}
