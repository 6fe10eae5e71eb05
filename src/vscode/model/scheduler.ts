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
