import type { DocumentLike } from '../../src/vscode/worker/client.js';

/** A text document as the editor keeps it: text and a version that moves on every edit. */
export class Doc implements DocumentLike {
  version = 1;
  constructor(public text: string) {}
  getText(): string {
    return this.text;
  }
  /** Applies one change as the editor would and returns it for `LintClient.record`. */
  edit(offset: number, deleteCount: number, insert: string) {
    this.text = this.text.slice(0, offset) + insert + this.text.slice(offset + deleteCount);
    this.version++;
    return [{ offset, deleteCount, insert }];
  }
}
