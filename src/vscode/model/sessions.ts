/**
 * Incremental lints of open documents: the edits of each change event are queued and applied to
 * the document's core session when the debounced lint runs, so typing in a large document
 * re-analyses only the blocks it touched. Self-checking: if the session's text does not match the
 * document (a missed or misordered event), it is rebuilt from the text. Pure; no `vscode` import.
 */
import type { LintOptions } from '../../core/config/types.js';
import type { Session } from '../../core/session.js';
import type { Finding } from '../../core/types.js';

export interface Change {
  /** 0-based UTF-16 offset in the text before this change. */
  offset: number;
  deleteCount: number;
  insert: string;
}

interface Entry {
  session: Session;
  options: LintOptions;
  pending: Change[];
}

export class IncrementalLints {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly create: (text: string, options: LintOptions) => Session) {}

  /** Queues the changes of one change event (applied in order, as the editor reports them). */
  record(key: string, changes: readonly Change[]): void {
    this.entries.get(key)?.pending.push(...changes);
  }

  /**
   * The findings of `text`: from the existing session after its queued edits when it was made
   * with the same options and ends up with exactly this text, else from a new session.
   */
  findings(key: string, text: string, options: LintOptions): { findings: Finding[]; incremental: boolean } {
    const entry = this.entries.get(key);
    if (entry && entry.options === options) {
      for (const c of entry.pending) entry.session.edit(c.offset, c.deleteCount, c.insert);
      entry.pending = [];
      if (entry.session.text() === text) return { findings: entry.session.findings(), incremental: true };
    }
    const session = this.create(text, options);
    this.entries.set(key, { session, options, pending: [] });
    return { findings: session.findings(), incremental: false };
  }

  drop(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
