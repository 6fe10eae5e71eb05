/**
 * The rewrite fix's text is written only once the unit scorer keeps its finding; every finding
 * that leaves the engine must carry the whole rewrite.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession, lint } from '../../src/core/index.js';
import { markdownFiles } from '../helpers/files.js';

const examples = markdownFiles(join(import.meta.dirname, '..', '..', 'examples'));

describe('rewrite-measurable fixes', () => {
  it('carry the claim and a template with tab stops in every finding of the examples', () => {
    let seen = 0;
    for (const file of examples) {
      const text = readFileSync(file, 'utf8');
      for (const findings of [lint(text), lint(text, { scorer: false }), createSession(text).findings()]) {
        for (const f of findings) {
          for (const fix of f.fixes.filter((x) => x.kind === 'rewrite-measurable')) {
            seen++;
            const edit = fix.edits[0]!;
            expect(edit.text, `${file}: ${f.message}`).toMatch(/\$\{1:/);
            expect(edit.text.length).toBeGreaterThan(edit.end - edit.start);
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(20);
  });
});
