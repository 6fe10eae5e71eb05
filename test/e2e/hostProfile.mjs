/* global fetch, WebSocket */
/**
 * Who blocked the extension host: a CPU profile of the extension host process, taken through its
 * inspector (opened with SIGUSR1, as `node --inspect` would), and attributed block by block.
 *
 * The extension's own `[host lag]` lines say when and how long the host's thread was blocked; the
 * profile says what ran meanwhile: povlint, another extension (the built-in git, markdown and
 * merge-conflict extensions activate in the same host), VS Code itself, the garbage collector, or
 * nothing at all (the machine did not schedule the process: two cores shared with the browser).
 * Needs a global WebSocket (Node 22, or Node 20 with --experimental-websocket).
 */

/** Starts profiling process `pid`; resolves to an object whose `stop()` resolves to the profile. */
export async function startHostProfile(pid, { port = 9229, intervalUs = 1000, timeoutMs = 15_000 } = {}) {
  if (typeof WebSocket === 'undefined') throw new Error('no WebSocket in this Node (use Node 22 or --experimental-websocket)');
  process.kill(pid, 'SIGUSR1');
  const deadline = Date.now() + timeoutMs;
  let url;
  while (!url) {
    try {
      const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      url = targets[0]?.webSocketDebuggerUrl;
    } catch {
      // not listening yet
    }
    if (!url && Date.now() > deadline) throw new Error(`the extension host's inspector did not open on port ${port}`);
    if (!url) await new Promise((r) => setTimeout(r, 100)); // poll interval
  }
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve, { once: true });
    ws.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)), { once: true });
  });
  let next = 0;
  const waiting = new Map();
  ws.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data));
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
      ws.send(JSON.stringify({ id, method, params }));
    });
  await call('Profiler.enable');
  await call('Profiler.setSamplingInterval', { interval: intervalUs });
  await call('Profiler.start');
  const startedAt = Date.now();
  return {
    async stop() {
      const { profile } = await call('Profiler.stop');
      ws.close();
      return { startedAt, profile };
    },
  };
}

/**
 * Attributes a profile: for every sample, who was running (`povlint`, another extension's id,
 * `vscode`, `gc`, `idle`). Returns the longest uninterrupted run of povlint on the host's thread
 * after `after` (wall clock; activation, so loading the bundle is not counted) and, for each of
 * `blocks` ({ ms, at } with `at` the wall-clock end), the time each owner had.
 */
export function attribute({ startedAt, profile }, blocks, { extensionPattern = /povlint\.povlint-[^/]*\/dist\//, intervalUs = 1000, after = 0 } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ownerCache = new Map();
  const ownerOf = (id) => {
    if (ownerCache.has(id)) return ownerCache.get(id);
    let owner;
    const top = nodes.get(id).callFrame;
    if (top.functionName === '(garbage collector)') owner = 'gc';
    else if (top.functionName === '(idle)') owner = 'idle';
    else {
      for (let x = id; x !== undefined && !owner; x = parent.get(x)) {
        const url = nodes.get(x).callFrame.url;
        if (extensionPattern.test(url)) owner = 'povlint';
        else owner = /\/extensions\/([^/]+)\//.exec(url)?.[1];
      }
      owner ??= 'vscode';
    }
    ownerCache.set(id, owner);
    return owner;
  };
  // Samples on the wall clock: the profile's clock starts when profiling started.
  const samples = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    // A sample stands for at most two intervals: a longer gap means the process was not running.
    samples.push({ at: startedAt + (t - profile.startTime) / 1000, ms: Math.min(dt, 2 * intervalUs) / 1000, owner: ownerOf(profile.samples[i]) });
  }
  // povlint's longest uninterrupted run: consecutive samples with povlint on the stack, where the
  // garbage collector running in between does not interrupt (povlint's own allocations cause it).
  // Its length is the time sampled, like the blocks' owners below: time the machine did not run
  // the process at all (a gap between samples) is not povlint holding the thread.
  let longestRun = { ms: 0, gcMs: 0, at: NaN };
  let run;
  for (const s of samples) {
    if (s.at < after) continue;
    if (s.owner === 'povlint') {
      run ??= { ms: 0, gc: 0, gcMs: 0, at: s.at };
      run.ms += run.gc + s.ms;
      run.gcMs += run.gc;
      run.gc = 0;
      run.at = s.at;
    } else if (s.owner === 'gc' && run) {
      run.gc += s.ms; // counted once povlint runs again
    } else if (run) {
      if (run.ms > longestRun.ms) longestRun = { ms: Math.round(run.ms * 10) / 10, gcMs: Math.round(run.gcMs * 10) / 10, at: run.at };
      run = undefined;
    }
  }
  const byBlock = blocks.map((b) => {
    const owners = {};
    for (const s of samples) if (s.at > b.at - b.ms && s.at <= b.at) owners[s.owner] = (owners[s.owner] ?? 0) + s.ms;
    const sampled = Object.values(owners).reduce((a, v) => a + v, 0);
    // Time with no sample at all: the process was not running.
    owners['not scheduled'] = Math.max(0, b.ms - sampled);
    for (const k of Object.keys(owners)) owners[k] = Math.round(owners[k]);
    return { ...b, owners };
  });
  return { longestPovlintRunMs: longestRun.ms, longestPovlintRunGcMs: longestRun.gcMs, longestPovlintRunAt: longestRun.at, blocks: byBlock };
}
