/**
 * Assigns labelled documents to development or validation, by document, reproducibly: documents
 * that earlier tuning has seen (any document of the shared dev gold) are development; the others
 * are shuffled with a fixed seed and taken into validation until validation holds at least
 * `SHARE` of each language's units. Writes test/corpus/split.json.
 *
 *   node --import tsx scripts/split.ts
 *
 * Run it when documents are added; a document stays where it is once assigned (the existing
 * split is kept and only new documents are placed), and a validation document whose errors
 * somebody has read is moved to development by hand, with fresh documents added in its place.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDoc, goldFiles, readGold, SHARED } from './eval.js';
import { prng, shuffle } from './random.mjs';

const SEED = 20261204;
const SHARE = 0.3;
const OUT = join(import.meta.dirname, '..', 'test', 'corpus', 'split.json');


const seen = new Set<string>();
for (const f of ['gold-dev.jsonl', 'gold-dev-full.jsonl', 'gold-dev-zh.jsonl']) {
  const path = join(SHARED, f);
  if (existsSync(path)) for (const u of readGold(path)) seen.add(u.doc);
}
const units = new Map<string, number>();
for (const f of goldFiles()) for (const u of readGold(f)) units.set(u.doc, (units.get(u.doc) ?? 0) + 1);

const previous = existsSync(OUT) ? (JSON.parse(readFileSync(OUT, 'utf8')) as { validation: string[]; development: string[] }) : { validation: [], development: [] };
const validation = new Set(previous.validation.filter((d) => units.has(d)));
const development = new Set(previous.development.filter((d) => units.has(d)));
const random = prng(SEED);
for (const lang of ['en', 'zh'] as const) {
  const docs = [...units.keys()].filter((d) => findDoc(d)?.lang === lang).sort();
  const total = docs.reduce((n, d) => n + units.get(d)!, 0);
  const fresh = docs.filter((d) => !seen.has(d) && !validation.has(d) && !development.has(d));
  shuffle(fresh, random);
  let inValidation = docs.filter((d) => validation.has(d)).reduce((n, d) => n + units.get(d)!, 0);
  for (const d of fresh) {
    if (inValidation < SHARE * total) {
      validation.add(d);
      inValidation += units.get(d)!;
    } else development.add(d);
  }
  for (const d of docs) if (!validation.has(d)) development.add(d);
  console.log(`split: lang=${lang} validation=${inValidation}/${total} units (${((100 * inValidation) / total).toFixed(1)}%) docs=${docs.filter((d) => validation.has(d)).length}/${docs.length}`);
}
writeFileSync(OUT, `${JSON.stringify({ seed: SEED, share: SHARE, validation: [...validation].sort(), development: [...development].sort() }, null, 2)}\n`);
