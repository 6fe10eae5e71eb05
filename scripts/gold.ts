/**
 * Builds the gold labels of the in-repository corpus: for every units file, the two independent
 * annotations (agreed labels stand) and the adjudication of every disagreement. Fails, naming the
 * unit, when a unit lacks a label or a disagreement lacks an adjudication.
 *
 *   node --import tsx scripts/gold.ts        writes test/corpus/gold/<doc>.jsonl and prints κ per set
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cohenKappa, readJsonl, type Label } from './kappa.js';

const ROOT = join(import.meta.dirname, '..', 'test', 'corpus');
const ANN = join(ROOT, 'annotations');

interface Unit {
  id: string;
  doc: string;
  line: number;
  endLine: number;
  text: string;
}

/** The annotators, in pairs: the pair's name is their common prefix. */
const annotators = readdirSync(ANN).filter((d) => d !== 'adjudicated').sort();
const pairs = new Map<string, string[]>();
for (const a of annotators) {
  const key = a.slice(0, -1);
  pairs.set(key, [...(pairs.get(key) ?? []), a]);
}

mkdirSync(join(ROOT, 'gold'), { recursive: true });
const perSet = new Map<string, [boolean[], boolean[], number]>();
for (const file of readdirSync(join(ROOT, 'units')).sort()) {
  const units = readJsonl<Unit>(join(ROOT, 'units', file));
  const pair = [...pairs.values()].find((p) => p.length === 2 && p.every((a) => existsSync(join(ANN, a, file))));
  if (!pair) continue;
  const [a, b] = pair as [string, string];
  const la = new Map(readJsonl<Label>(join(ANN, a, file)).map((x) => [x.id, x]));
  const lb = new Map(readJsonl<Label>(join(ANN, b, file)).map((x) => [x.id, x]));
  const adjFile = join(ANN, 'adjudicated', file);
  const adj = new Map(existsSync(adjFile) ? readJsonl<Label & { reason: string }>(adjFile).map((x) => [x.id, x]) : []);
  const set = a.slice(0, -1);
  const stats = perSet.get(set) ?? [[], [], 0];
  const out: string[] = [];
  for (const u of units) {
    const x = la.get(u.id);
    const y = lb.get(u.id);
    if (!x || !y) throw new Error(`${file}: ${u.id} has no label from ${x ? b : a}`);
    stats[0].push(x.label === 'flag');
    stats[1].push(y.label === 'flag');
    let label: Label;
    let source: string;
    if (x.label === y.label) {
      label = x;
      source = 'agreed';
    } else {
      const d = adj.get(u.id);
      if (!d) throw new Error(`${file}: ${u.id}: the annotators disagree and there is no adjudication`);
      label = d;
      source = 'adjudicated';
      stats[2]++;
    }
    const category = label.label === 'flag' ? (label.category ?? (x.label === 'flag' ? x.category : y.category)) : undefined;
    out.push(JSON.stringify({ ...u, label: label.label, ...(category ? { category } : {}), source }));
  }
  perSet.set(set, stats);
  writeFileSync(join(ROOT, 'gold', file), out.map((l) => `${l}\n`).join(''));
}
for (const [set, [x, y, adjudicated]] of perSet) {
  const k = cohenKappa(x, y);
  console.log(`kappa: ${k.kappa.toFixed(3)} units=${k.n} agree=${k.agree} adjudicated=${adjudicated} set=${set}`);
}
