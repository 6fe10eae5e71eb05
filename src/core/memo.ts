/**
 * A memo keyed by text, bounded by the number of entries and by the characters its keys hold:
 * the oldest entries go first. A key longer than the whole budget is kept alone, until the next
 * one comes. Claims are keyed by their unit's text, and a unit can be a megabyte-long paragraph
 * that changes with every keystroke: a memo bounded by entries alone would keep a copy of it per
 * edit, and one that refused long keys would read the same long claim again for each of its
 * findings.
 */
export class TextMemo<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    if (this.map.has(key)) {
      this.map.set(key, value);
      return;
    }
    while (this.map.size > 0 && (this.map.size >= this.maxEntries || this.chars + key.length > this.maxChars)) {
      const oldest = this.map.keys().next().value!;
      this.chars -= oldest.length;
      this.map.delete(oldest);
    }
    this.map.set(key, value);
    this.chars += key.length;
  }

  get size(): number {
    return this.map.size;
  }

  /** The characters the keys hold. */
  get keyChars(): number {
    return this.chars;
  }
}
