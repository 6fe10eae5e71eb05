/**
 * Lists the prose units of Markdown documents as unlabelled JSON lines in the gold format
 * (`id`, `doc`, `line`, `endLine`, `text`), for annotators who label them against LABELING.md.
 * It prints no findings: annotators do not see povlint's output.
 *
 *   node --import tsx scripts/units.ts [--locale en|zh] file.md ... > units.jsonl
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LineIndex } from '../src/core/lines.js';
import { parseBlock } from '../src/core/parse/markdown.js';
import { scanBlocks } from '../src/core/parse/scan.js';
import { proseUnits } from '../src/core/parse/units.js';
import { resolveLocale } from '../src/core/document.js';
import type { Locale } from '../src/core/types.js';

const args = process.argv.slice(2);
const li = args.indexOf('--locale');
const forced = li >= 0 ? (args.splice(li, 2)[1] as Locale) : undefined;
for (const file of args) {
  const text = readFileSync(file, 'utf8');
  const lines = new LineIndex(text);
  const blocks = scanBlocks(text);
  const locale = resolveLocale(text, blocks, forced ? { locale: forced } : {});
  const doc = basename(file);
  const stem = doc.replace(/\.md$/, '');
  let n = 0;
  for (const b of blocks) {
    if (b.kind !== 'content') continue;
    const src = text.slice(b.start, b.end);
    for (const unit of proseUnits(parseBlock(src), src, locale)) {
      const t = unit.text.replace(/\s+/g, ' ').trim();
      if (!/[\p{L}\p{N}]/u.test(t)) continue;
      n++;
      const line = lines.position(b.start + unit.start).line;
      const endLine = lines.position(Math.max(b.start + unit.start, b.start + unit.end - 1)).line;
      process.stdout.write(`${JSON.stringify({ id: `${stem}#${n}`, doc, line, endLine, text: t })}\n`);
    }
  }
}
