/**
 * The written contrast sets (test/corpus/written-sets): each holds texts two annotators labelled
 * alike, and `npm run eval` scores each text linted on its own, in the set's language.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreWritten, writtenSets, type WrittenText } from '../scripts/eval.js';
import { cohenKappa, readJsonl } from '../scripts/kappa.js';

const SETS = join(import.meta.dirname, 'corpus', 'written-sets');

describe('written contrast sets', () => {
  it('scores each text on its own: a claim flagged, a criterion-bound outcome and background not', () => {
    const texts: WrittenText[] = [
      { id: 'a', lang: 'en', text: 'Our platform dramatically reduces alert noise.', label: 'flag' },
      { id: 'b', lang: 'en', text: 'Alert volume fell by 38% within 90 days against the March baseline, as measured by the SIEM.', label: 'ok' },
      { id: 'c', lang: 'en', text: 'The reports are delivered to the contracting officer.', label: 'flag' },
      { id: 'd', lang: 'zh', text: '我们的平台业界领先。', label: 'flag' },
    ];
    expect(scoreWritten(texts)).toMatchObject({ tp: 2, fp: 0, fn: 1, tn: 1, units: 4 });
  });

  it('reads every set of a folder by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'povlint-written-'));
    try {
      writeFileSync(join(dir, 'b-set.jsonl'), '{"id":"1","lang":"en","text":"Fast.","label":"flag"}\n');
      writeFileSync(join(dir, 'a-set.jsonl'), '{"id":"1","lang":"zh","text":"快。","label":"ok"}\n{"id":"2","lang":"zh","text":"慢。","label":"ok"}\n');
      writeFileSync(join(dir, 'README.md'), '# not a set\n');
      const sets = writtenSets(dir);
      expect([...sets.keys()]).toEqual(['a-set', 'b-set']);
      expect(sets.get('a-set')!.map((t) => t.id)).toEqual(['1', '2']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(writtenSets(join(SETS, 'no-such-folder')).size).toBe(0);
  });

  it('holds only texts both annotators labelled alike, with the label they agreed on', () => {
    for (const [name, texts] of writtenSets(SETS)) {
      const a = new Map(readJsonl<{ id: string; label: string }>(join(SETS, 'annotations', `${name}.A.jsonl`)).map((x) => [x.id, x.label]));
      const b = new Map(readJsonl<{ id: string; label: string }>(join(SETS, 'annotations', `${name}.B.jsonl`)).map((x) => [x.id, x.label]));
      for (const t of texts) {
        expect(a.get(t.id), `${name} ${t.id}`).toBe(t.label);
        expect(b.get(t.id), `${name} ${t.id}`).toBe(t.label);
      }
      // Every text both annotators agree on is in the set.
      const agreed = [...a].filter(([id, label]) => b.get(id) === label).length;
      expect(texts.length, name).toBe(agreed);
      const ids = [...a.keys()];
      expect(cohenKappa(ids.map((id) => a.get(id) === 'flag'), ids.map((id) => b.get(id) === 'flag')).kappa, name).toBeGreaterThan(0.8);
    }
    expect(writtenSets(SETS).size).toBe(4);
  });
});
