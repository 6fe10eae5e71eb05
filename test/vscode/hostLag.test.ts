import { describe, expect, it } from 'vitest';
import { HostLagMonitor, type HostBlock } from '../../src/vscode/model/hostLag.js';
import type { Timers } from '../../src/vscode/model/scheduler.js';

/** A clock and timers the test moves by hand. */
function fakeTime() {
  let now = 0;
  let pending: { fn: () => void; at: number } | undefined;
  const timers: Timers = {
    set: (fn, ms) => (pending = { fn, at: now + ms }),
    clear: () => (pending = undefined),
  };
  return {
    timers,
    now: () => now,
    /** Runs the timer `lateBy` ms after it was due, as a blocked thread would. */
    fire(lateBy = 0) {
      const p = pending!;
      now = p.at + lateBy;
      pending = undefined;
      p.fn();
    },
    get armed() {
      return pending !== undefined;
    },
  };
}

describe('HostLagMonitor', () => {
  it('measures how late its timer ran and reports new longest blocks and long ones', () => {
    const t = fakeTime();
    const seen: [HostBlock, boolean][] = [];
    const monitor = new HostLagMonitor((b, longest) => seen.push([b, longest]), {
      intervalMs: 5,
      reportOverMs: 20,
      now: t.now,
      wallClock: t.now,
      timers: t.timers,
    }).start();
    t.fire(0);
    t.fire(3);
    t.fire(120);
    t.fire(1);
    t.fire(30);
    const stats = monitor.stats();
    expect(stats.samples).toBe(5);
    expect(stats.longest.ms).toBe(120);
    expect(stats.blocks.map((b) => b.ms)).toEqual([120, 30]);
    expect(seen.map(([b, longest]) => `${b.ms}${longest ? '*' : ''}`)).toEqual(['3*', '120*', '30']);
    monitor.dispose();
    expect(t.armed).toBe(false);
  });
});
