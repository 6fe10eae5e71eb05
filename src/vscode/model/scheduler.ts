/**
 * Per-document debouncing. Pure: timers are injected, so tests drive them without waiting.
 * The stale-result guard (document version) lives with the caller, which knows the document.
 */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class Debouncer<K> {
  private readonly pending = new Map<K, unknown>();

  constructor(
    private readonly run: (key: K) => void,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Runs `run(key)` after `delayMs` without another `schedule(key)`; 0 runs on the next tick. */
  schedule(key: K, delayMs: number): void {
    this.cancel(key);
    const handle = this.timers.set(() => {
      this.pending.delete(key);
      this.run(key);
    }, delayMs);
    this.pending.set(key, handle);
  }

  cancel(key: K): void {
    const handle = this.pending.get(key);
    if (handle !== undefined) {
      this.timers.clear(handle);
      this.pending.delete(key);
    }
  }

  isPending(key: K): boolean {
    return this.pending.has(key);
  }

  dispose(): void {
    for (const handle of this.pending.values()) this.timers.clear(handle);
    this.pending.clear();
  }
}

/** Resolves on the next macrotask, so long work lets the extension host handle other messages. */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `items` cut into runs whose `weight` adds up to at most `max` (an item heavier than `max` gets a
 * run of its own), in order.
 */
export function chunksByWeight<T>(items: readonly T[], weight: (item: T) => number, max: number): T[][] {
  const out: T[][] = [];
  let run: T[] = [];
  let total = 0;
  for (const item of items) {
    const w = weight(item);
    if (run.length > 0 && total + w > max) {
      out.push(run);
      run = [];
      total = 0;
    }
    run.push(item);
    total += w;
  }
  if (run.length > 0) out.push(run);
  return out;
}
