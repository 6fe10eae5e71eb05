/**
 * With `POVLINT_TRACE_HOST_LAG=1` in the extension host's environment, povlint measures how long
 * the host's thread is blocked (by anything) from activation on and writes every block of 20 ms or
 * more, and every new longest one, to the "POV Lint" output channel. The end-to-end test reads
 * these lines; users never pay for the timer.
 */
import type * as vscode from 'vscode';
import { HostLagMonitor } from './model/hostLag.js';

export const HOST_LAG_ENV = 'POVLINT_TRACE_HOST_LAG';

export function traceHostLag(output: vscode.LogOutputChannel): HostLagMonitor | undefined {
  const env = typeof process === 'undefined' ? undefined : process.env?.[HOST_LAG_ENV];
  if (env !== '1') return undefined;
  output.info(`[host lag] tracing from ${Date.now()}`);
  return new HostLagMonitor((block, longest) =>
    output.info(`[host lag] ${longest ? 'longest block so far' : 'block'}: ${block.ms} ms at ${block.at}`),
  ).start();
}
