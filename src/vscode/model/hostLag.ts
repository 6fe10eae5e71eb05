/**
 * How long the extension host's thread was blocked, measured from inside it: a timer asks to run
 * every `intervalMs` and records how much later than that it ran. A late timer means something
 * (povlint, another extension, the garbage collector) held the thread; the delay is that block to
 * within one interval. Pure: the clock and the timers are injected, so tests drive it directly.
 */
import type { Timers } from './scheduler.js';

export interface HostBlock {
  /** How much later than asked the timer ran, in milliseconds. */
  ms: number;
  /** Wall-clock time (`Date.now()`) when the block ended. */
  at: number;
}

export interface HostLagStats {
  samples: number;
  longest: HostBlock;
  /** Blocks longer than `reportOverMs`, longest first (at most `keep`). */
  blocks: HostBlock[];
}

export interface HostLagOptions {
  intervalMs?: number;
  /** Blocks at least this long are kept and reported. */
  reportOverMs?: number;
  keep?: number;
  now?: () => number;
  wallClock?: () => number;
  timers?: Timers;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class HostLagMonitor {
  private readonly intervalMs: number;
  private readonly reportOverMs: number;
  private readonly keep: number;
  private readonly now: () => number;
  private readonly wallClock: () => number;
  private readonly timers: Timers;
  private handle: unknown;
  private last = 0;
  private readonly state: HostLagStats = { samples: 0, longest: { ms: 0, at: 0 }, blocks: [] };

  /** `onBlock` is called for each block of at least `reportOverMs`, and for each new longest one. */
  constructor(
    private readonly onBlock: (block: HostBlock, longest: boolean) => void,
    options: HostLagOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 5;
    this.reportOverMs = options.reportOverMs ?? 20;
    this.keep = options.keep ?? 10;
    this.now = options.now ?? (() => performance.now());
    this.wallClock = options.wallClock ?? Date.now;
    this.timers = options.timers ?? realTimers;
  }

  start(): this {
    if (this.handle === undefined) {
      this.last = this.now();
      this.handle = this.timers.set(() => this.tick(), this.intervalMs);
    }
    return this;
  }

  private tick(): void {
    const t = this.now();
    const delay = Math.max(0, t - this.last - this.intervalMs);
    this.last = t;
    this.state.samples++;
    const block = { ms: Math.round(delay * 10) / 10, at: this.wallClock() };
    const longest = block.ms > this.state.longest.ms;
    if (longest) this.state.longest = block;
    if (block.ms >= this.reportOverMs) {
      this.state.blocks.push(block);
      this.state.blocks.sort((a, b) => b.ms - a.ms);
      this.state.blocks.length = Math.min(this.state.blocks.length, this.keep);
    }
    if (longest || block.ms >= this.reportOverMs) this.onBlock(block, longest);
    this.handle = this.timers.set(() => this.tick(), this.intervalMs);
  }

  stats(): HostLagStats {
    return { samples: this.state.samples, longest: { ...this.state.longest }, blocks: this.state.blocks.map((b) => ({ ...b })) };
  }

  dispose(): void {
    if (this.handle !== undefined) this.timers.clear(this.handle);
    this.handle = undefined;
  }
}
