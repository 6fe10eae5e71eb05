/**
 * Agreement between two annotators on the flag/ok decision (Cohen's κ), per document and over a
 * set, and the list of units they disagree on (for adjudication).
 *
 *   node --import tsx scripts/kappa.ts A B [--disagreements out.jsonl] [doc.jsonl ...]
 *
 * A and B are annotator folders under test/corpus/annotations/; without documents, every file
 * both have is compared.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', 'test', 'corpus');

export interface Label {
  id: string;
  label: 'flag' | 'ok';
  category?: string;
  note?: string;
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch (e) {
        throw new Error(`${file}:${i + 1}: ${(e as Error).message}`);
      }
    });
}

/** Cohen's κ for two parallel lists of binary decisions. */
export function cohenKappa(a: readonly boolean[], b: readonly boolean[]): { kappa: number; agree: number; n: number } {
  const n = a.length;
  let agree = 0;
  let pa = 0;
  let pb = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) agree++;
    if (a[i]) pa++;
    if (b[i]) pb++;
  }
  const po = agree / n;
  const pe = (pa / n) * (pb / n) + (1 - pa / n) * (1 - pb / n);
  return { kappa: pe === 1 ? 1 : (po - pe) / (1 - pe), agree, n };
}

function main(): void {
  const args = process.argv.slice(2);
  const di = args.indexOf('--disagreements');
  const out = di >= 0 ? args.splice(di, 2)[1] : undefined;
  const [a, b, ...docs] = args;
  if (!a || !b) throw new Error('usage: kappa.ts A B [--disagreements out.jsonl] [doc.jsonl ...]');
  const dirA = join(ROOT, 'annotations', a);
  const dirB = join(ROOT, 'annotations', b);
  const files = docs.length ? docs : readdirSync(dirA).filter((f) => existsSync(join(dirB, f))).sort();
  const all: [boolean[], boolean[]] = [[], []];
  const disagreements: string[] = [];
  for (const f of files) {
    const units = readJsonl<{ id: string; text: string }>(join(ROOT, 'units', f));
    const la = new Map(readJsonl<Label>(join(dirA, f)).map((x) => [x.id, x]));
    const lb = new Map(readJsonl<Label>(join(dirB, f)).map((x) => [x.id, x]));
    const xa: boolean[] = [];
    const xb: boolean[] = [];
    for (const u of units) {
      const ua = la.get(u.id);
      const ub = lb.get(u.id);
      if (!ua || !ub) throw new Error(`${f}: unit ${u.id} is not labelled by ${ua ? b : a}`);
      xa.push(ua.label === 'flag');
      xb.push(ub.label === 'flag');
      if (ua.label !== ub.label) disagreements.push(JSON.stringify({ ...u, [a]: ua, [b]: ub }));
    }
    const k = cohenKappa(xa, xb);
    console.log(`kappa: ${k.kappa.toFixed(3)} agree=${k.agree}/${k.n} flags=${xa.filter(Boolean).length}/${xb.filter(Boolean).length} doc=${f.replace(/\.jsonl$/, '')}`);
    all[0].push(...xa);
    all[1].push(...xb);
  }
  const k = cohenKappa(all[0], all[1]);
  console.log(`kappa: ${k.kappa.toFixed(3)} agree=${k.agree}/${k.n} flags=${all[0].filter(Boolean).length}/${all[1].filter(Boolean).length} set=${a}+${b}`);
  if (out) writeFileSync(out, disagreements.map((l) => `${l}\n`).join(''));
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
