/**
 * The document rules' pre-tests are written as alternations of words and run grouped by leading
 * characters (regex-factor.ts): the grouped form must say yes exactly where the plain one does, on
 * the corpus blocks and on generated text made of the words, their neighbours and other scripts.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRETEST_FORMS as REMEDY_FORMS } from '../../src/core/rules/missing-remedy.js';
import { PRETEST_FORMS as SLA_FORMS } from '../../src/core/rules/sla-consistency.js';
import { corpusFiles } from '../helpers/corpus.js';
import { markdownFiles } from '../helpers/files.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FORMS = [...REMEDY_FORMS, ...SLA_FORMS];

const pieces = fc.constantFrom(
  ...'availability Uptime response time credits Service credit P1 p0 SEV sev2 high High-risk lower low normal 99.9% percent terminate refund withhold penalty earn-back 赔偿 返还 紧急 高 二级 x _ - . 5'.split(' '),
  ' ',
  '\n',
  'é',
  '中',
);

describe('document rule pre-tests', () => {
  it('grouped by leading characters, they answer as the plain alternations do', () => {
    const blocks = [...corpusFiles('docs'), ...corpusFiles('docs-zh'), ...markdownFiles(join(ROOT, 'test', 'fixtures')), ...markdownFiles(join(ROOT, 'examples'))].flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n/));
    expect(blocks.length).toBeGreaterThan(200);
    let yes = 0;
    for (const [grouped, plain] of FORMS) {
      expect(grouped.source).not.toBe(plain.source);
      for (const b of blocks) {
        const want = plain.test(b);
        if (want) yes++;
        expect(grouped.test(b), `${plain.source.slice(0, 40)} on ${JSON.stringify(b.slice(0, 120))}`).toBe(want);
      }
      fc.assert(
        fc.property(fc.array(pieces, { maxLength: 12 }), (xs) => {
          const t = xs.join('');
          expect(grouped.test(t), `${plain.source.slice(0, 40)} on ${JSON.stringify(t)}`).toBe(plain.test(t));
        }),
        { seed: 5, numRuns: 2000 },
      );
    }
    expect(yes).toBeGreaterThan(100);
  });
});
