/**
 * Speed benchmark against the anchors (markdownlint, write-good, retext-intensify), on the built
 * core (dist/core). Run with `npm run bench` (builds first). Installs and downloads nothing.
 *
 *   node --expose-gc scripts/bench.mjs            the full benchmark
 *   node --expose-gc scripts/bench.mjs --quick    fewer runs, no 10 MB input
 *
 * Inputs are the documents of ../shared/corpus/docs/ concatenated to 100 KB, 1 MB and 10 MB (a
 * generated document when that folder is absent). Copies after the first are varied slightly so
 * that no block repeats: povlint caches block results by block text, and repeated blocks would
 * make the figures look better than a real document of that size allows. "Cold" means a fresh
 * process for every run and every tool: it loads the tool, reads the text and times one call, so
 * each pays for compiling its code and patterns once, as a CI run or a newly opened editor does.
 * povlint is timed as the editor and the CLI's default output lint (the texts of rewrite fixes and
 * the clause suggestions deferred until a quick fix or a report asks), and again with every
 * finding complete (as `lint()` returns by default, and JSON and SARIF reports write).
 * A session whose one unit is a 1 MB sentence is edited 20 times in a fresh process, and the heap
 * it keeps is reported (the memos of claims are keyed by their unit's text).
 * Pathological inputs (one 1 MB paragraph, one 1 MB table, 1 MB without a newline, 100,000
 * repetitions of a trigger word, 10,000 nested list levels) run in child processes with a time
 * limit, each also at half size so the table shows whether time grows linearly (a ratio near 2).
 *
 * Word documents: a .docx holding the 1 MB input's lines as paragraphs (written with the `docx`
 * package) is converted and linted, next to a cold lint of the same text as Markdown; one run in
 * --quick, three otherwise. The converter (src/docx) is bundled to dist/bench/docx.mjs first.
 *
 * The last line is machine-readable:
 *   bench: cold1mb_vs_markdownlint=R1 cold1mb_vs_intensify=R2 edit1mb_median_ms=M edit1mb_p99_ms=P scale10x=S
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { prng } from './random.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const core = (p) => import(pathToFileURL(join(root, 'dist', 'core', p)).href);
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const KB = 1000;
const MB = 1000 * KB;

// ---------------------------------------------------------------------------------------------
// Inputs


/** A procurement-like document, for when the corpus is not there. */
function generatedDocument(seed) {
  const rnd = prng(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const claims = [
    'The platform will significantly improve response times for every user.',
    'The Contractor shall provide a best-in-class, world-class service.',
    'Availability shall be at least 99.9% per calendar month, measured by the Customer.',
    'Service credits of 10% of the monthly fee apply when a target is missed.',
    'The vendor should make reasonable efforts to resolve incidents promptly.',
    'Offerors shall describe how their approach reduces manual effort.',
    'The solution is faster, more secure and easier to use than the current system.',
    'Reports are delivered within 5 business days of the end of each quarter.',
    'Staff will be trained as needed, and documentation will be updated as appropriate.',
    'The system must never lose data and must always be available.',
  ];
  const out = [`# Request for Proposal ${seed}`, ''];
  for (let s = 0; s < 40; s++) {
    out.push(`## Section ${s + 1}`, '');
    for (let p = 0; p < 3; p++) out.push(Array.from({ length: 3 }, () => pick(claims)).join(' '), '');
    out.push(...Array.from({ length: 4 }, () => `- ${pick(claims)}`), '');
    if (s % 5 === 0) out.push('| Metric | Target |', '|---|---|', ...Array.from({ length: 5 }, () => `| ${pick(claims)} | ${Math.floor(rnd() * 100)}% |`), '');
    if (s % 7 === 0) out.push('```', 'config: faster = true', '```', '');
  }
  return out.join('\n');
}

function corpusDocuments() {
  const dir = join(root, '..', 'shared', 'corpus', 'docs');
  if (!existsSync(dir)) return { source: 'generated', docs: Array.from({ length: 8 }, (_, i) => generatedDocument(i + 1)) };
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  return { source: `${docs.length} documents of ../shared/corpus/docs`, docs };
}

/**
 * Copy `k` (k ≥ 1) of a document with every line that carries text changed, so none of its blocks
 * repeats an earlier copy (tables keep their shape: the mark goes inside the last cell).
 */
function vary(doc, k) {
  const mark = ` r${k}`;
  return doc.replace(/^(.*?)([ \t]*)$/gm, (line, body) => {
    if (!/[A-Za-z\u4e00-\u9fff]/.test(body)) return line;
    if (/^\s*(?:`{3,}|~{3,})/.test(body)) return line;
    if (/\|$/.test(body)) return body.replace(/\|$/, `${mark} |`);
    if (/[A-Za-z0-9.,;:)\u4e00-\u9fff]$/.test(body)) return body + mark;
    return line;
  });
}

function concatenated(docs, size) {
  let out = '';
  for (let i = 0; out.length < size; i++) {
    const k = Math.floor(i / docs.length);
    const d = docs[i % docs.length];
    out += (k === 0 ? d : vary(d, k)) + '\n\n';
  }
  // Cut at a line end so the last block is whole.
  const cut = out.lastIndexOf('\n', size);
  return out.slice(0, cut > 0 ? cut + 1 : size);
}

const SENTENCES = [
  'The platform will significantly improve response times.',
  'Availability shall be 99.9% per month.',
  'The vendor should make reasonable efforts to resolve issues.',
  'Our best-in-class team delivers world-class results.',
  'Reports are delivered within 5 business days.',
];
function sentences(size, sep) {
  const parts = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const s = SENTENCES[i % SENTENCES.length];
    parts.push(s);
    n += s.length + sep.length;
  }
  return parts.join(sep);
}

const pathological = {
  paragraph: (size) => sentences(size, '\n'),
  table: (size) => {
    const rows = ['| Requirement | Target | Notes |', '|---|---|---|'];
    let n = 0;
    for (let i = 0; n < size; i++) {
      const r = `| ${SENTENCES[i % SENTENCES.length]} | ${i % 100}% | row ${i} |`;
      rows.push(r);
      n += r.length + 1;
    }
    return rows.join('\n');
  },
  'no-newline': (size) => sentences(size, ' '),
  'trigger-word': (count) => 'significantly '.repeat(count),
  'nested-list': (levels) => `${'- '.repeat(levels)}The service is significantly faster.`,
};

// ---------------------------------------------------------------------------------------------
// Measuring

const gc = globalThis.gc ?? (() => {});

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { min: s[0], median: q(0.5), max: s[s.length - 1], p99: q(0.99), n: s.length };
}

async function time(fn) {
  gc();
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const rows = [];
function row(name, s, note = '') {
  rows.push([name, fmt(s.min), fmt(s.median), fmt(s.max), String(s.n), note]);
}

/** What a cold run calls once, per tool, after loading it: the text in, the result out. */
const TOOLS = {
  // As the CLI's default output and the editor lint: findings first, fix texts and clause
  // suggestions when a report or a quick fix asks for them (`deferDetails`, `resolveFindings`).
  povlint: async () => {
    const { lint } = await core('index.js');
    return (text) => lint(text, { deferDetails: true });
  },
  // As a JSON or SARIF report, or a library caller of `lint()`: every finding complete.
  'povlint-complete': async () => {
    const { lint } = await core('index.js');
    return (text) => lint(text);
  },
  markdownlint: async () => {
    const { lint } = await import('markdownlint/sync');
    return (text) => lint({ strings: { 'doc.md': text } });
  },
  'retext-intensify': async () => {
    const { retext } = await import('retext');
    const retextEnglish = (await import('retext-english')).default;
    const retextIntensify = (await import('retext-intensify')).default;
    return (text) => retext().use(retextEnglish).use(retextIntensify).process(text);
  },
  'write-good': async () => {
    const writeGood = (await import('write-good')).default;
    return (text) => writeGood(text);
  },
};

/** One cold call of a tool on a file, in a fresh process: its time in ms. */
function coldRun(tool, file) {
  const res = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--cold', tool, file], { encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 20 });
  const line = (res.stdout ?? '').split('\n').find((l) => l.startsWith('cold:'));
  if (!line) throw new Error(`cold run of ${tool} failed: ${(res.stderr ?? '').trim().split('\n').pop()}`);
  return Number(line.split(' ')[1]);
}

async function coldMain(tool, file) {
  const call = await TOOLS[tool]();
  const text = readFileSync(file, 'utf8');
  gc();
  const t = performance.now();
  await call(text);
  process.stdout.write(`cold: ${performance.now() - t}\n`);
}

/** Runs a child process that lints one input and reports its time and peak memory. */
function child(kind, size, timeoutMs) {
  const res = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', kind, String(size)], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 1 << 20,
  });
  const line = (res.stdout ?? '').split('\n').find((l) => l.startsWith('child:'));
  if (!line) return { ms: NaN, timedOut: res.error?.code === 'ETIMEDOUT' || res.signal === 'SIGTERM', error: (res.stderr ?? '').trim().split('\n').pop() };
  const [, ms, rssBefore, rssPeak, chars, findings] = line.split(' ').map(Number);
  return { ms, rssBefore, rssPeak, chars, findings };
}

async function childMain(kind, size) {
  const { lint } = await core('index.js');
  const text = kind === 'corpus' ? concatenated(corpusDocuments().docs, size) : pathological[kind](size);
  gc();
  const rssBefore = process.memoryUsage().rss;
  const t = performance.now();
  const findings = lint(text);
  const ms = performance.now() - t;
  const rssPeak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`child: ${ms} ${rssBefore} ${rssPeak} ${text.length} ${findings.length}\n`);
}

/** One-character edits at random places of a session (the edit benchmark's pattern). */
function randomEdits(session, count, random) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const len = session.length();
    const at = Math.floor(random() * len);
    const del = i % 2 === 1 && at < len ? 1 : 0;
    const s = performance.now();
    session.edit(at, del, del ? '' : 'x');
    times.push(performance.now() - s);
  }
  return times;
}

/** How much heap a session of the 1 MB input holds after `SESSION_EDITS` edits beyond what it held at the start (a fresh process). */
async function sessionMemoryMain() {
  const { createSession } = await core('index.js');
  const session = createSession(concatenated(corpusDocuments().docs, MB));
  gc();
  const before = process.memoryUsage().heapUsed;
  randomEdits(session, SESSION_EDITS, prng(7));
  gc();
  process.stdout.write(`session: ${process.memoryUsage().heapUsed - before} ${session.length()}\n`);
}
const SESSION_EDITS = 2000;

/**
 * How much heap a session of one 1 MB sentence of claims (no stop in it) holds after
 * `SENTENCE_EDITS` one-character edits in it (a fresh process). Each edit makes a new 1 MB unit,
 * and the claims' memos are keyed by their unit's text: they must not keep a copy per edit.
 */
async function sentenceMemoryMain() {
  const { createSession } = await core('index.js');
  const clause = 'our platform will significantly improve detection and reduce costs for every team';
  const session = createSession(`# Proposal\n\n${Array.from({ length: Math.ceil(MB / (clause.length + 5)) }, () => clause).join(' and ')}.\n`);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < SENTENCE_EDITS; i++) session.edit(100 + i * 7, 0, 'x');
  gc();
  process.stdout.write(`sentence: ${process.memoryUsage().heapUsed - before} ${session.findings().length}\n`);
}
const SENTENCE_EDITS = 20;

/**
 * How much heap a session holds after `SESSION_EDITS` one-character edits in one paragraph of 150
 * claims (a fresh process): each edit makes a new version of the block and of its 300 findings,
 * and the block cache must not keep hundreds of them.
 */
async function paragraphMemoryMain() {
  const { createSession } = await core('index.js');
  const paragraph = Array.from({ length: 150 }, (_, i) => `Sentence ${i} says the platform will significantly improve response times for group ${i}.`).join(' ');
  const text = `# Proposal\n\n${paragraph}\n\nAnother paragraph.\n`;
  const session = createSession(text);
  const at = text.indexOf('Sentence 75') + 3;
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < SESSION_EDITS; i++) session.edit(at, 0, 'x');
  gc();
  process.stdout.write(`paragraph: ${process.memoryUsage().heapUsed - before} ${session.findings().length}\n`);
}

/**
 * A .docx with the lines of `text` as paragraphs (`#` lines as headings), then, `runs` times,
 * conversion plus a cold lint of the result, and a cold lint of the converted Markdown alone.
 */
async function wordBench(text, runs, coldStart, lint) {
  const { build } = await import('esbuild');
  const outfile = join(root, 'dist', 'bench', 'docx.mjs');
  await build({ entryPoints: [join(root, 'src', 'docx', 'index.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
  const { convertDocx } = await import(pathToFileURL(outfile).href);
  const { Document, HeadingLevel, Packer, Paragraph } = await import('docx');
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const children = lines.map((l) => (/^#{1,6} /.test(l) ? new Paragraph({ text: l.replace(/^#+ /, ''), heading: HeadingLevel.HEADING_2 }) : new Paragraph(l)));
  const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
  const t = { docx: [], convert: [], markdown: [] };
  let markdown = '';
  for (let r = 0; r < runs; r++) {
    t.docx.push(
      await time(async () => {
        coldStart();
        const started = performance.now();
        const converted = await convertDocx(bytes);
        t.convert.push(performance.now() - started);
        if (!converted.ok) throw new Error(`the benchmark document did not convert: ${converted.reason}`);
        markdown = converted.markdown;
        lint(markdown);
      }),
    );
    t.markdown.push(
      await time(() => {
        coldStart();
        lint(markdown);
      }),
    );
  }
  return { docx: stats(t.docx), convert: stats(t.convert), markdown: stats(t.markdown), bytes: bytes.length, paragraphs: lines.length };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const { lint, createSession } = await core('index.js');
  const { clearEngines } = await core('engine.js');

  const { source, docs } = corpusDocuments();
  const input = { '100 KB': concatenated(docs, 100 * KB), '1 MB': concatenated(docs, MB) };
  if (!quick) input['10 MB'] = concatenated(docs, 10 * MB);
  const oneMb = input['1 MB'];
  process.stdout.write(`inputs: ${source}; node ${process.version}; ${quick ? 'quick run' : 'full run'}\n`);

  // Cold runs, each tool in a fresh process on the same file, interleaved so that load on the
  // machine hits every tool alike.
  const dir = mkdtempSync(join(tmpdir(), 'povlint-bench-'));
  const files = {};
  for (const [name, text] of Object.entries(input)) writeFileSync((files[name] = join(dir, `${name.replace(' ', '')}.md`)), text);
  const runs = quick ? 3 : 5;
  const t = { povlint: [], complete: [], markdownlint: [], writeGood: [], intensify: [] };
  for (let r = 0; r < runs; r++) {
    t.povlint.push(coldRun('povlint', files['1 MB']));
    t.complete.push(coldRun('povlint-complete', files['1 MB']));
    t.markdownlint.push(coldRun('markdownlint', files['1 MB']));
    t.intensify.push(coldRun('retext-intensify', files['1 MB']));
    if (r < 3) t.writeGood.push(coldRun('write-good', files['1 MB']));
  }
  const cold1 = stats(t.povlint);
  const ml = stats(t.markdownlint);
  const int = stats(t.intensify);
  const wg = stats(t.writeGood);

  const small = [];
  for (let r = 0; r < 7; r++) small.push(coldRun('povlint', files['100 KB']));
  row('povlint cold lint, 100 KB', stats(small));
  row('povlint cold lint, 1 MB', cold1, `${(cold1.median / ml.median).toFixed(3)} × markdownlint, ${(cold1.median / int.median).toFixed(3)} × intensify`);
  const complete = stats(t.complete);
  row('  the same with every fix text and clause', complete, `${(complete.median / ml.median).toFixed(3)} × markdownlint, ${(complete.median / int.median).toFixed(3)} × intensify`);
  let scale = NaN;
  if (!quick) {
    const big = [];
    for (let r = 0; r < 3; r++) big.push(coldRun('povlint', files['10 MB']));
    const cold10 = stats(big);
    scale = cold10.median / cold1.median;
    row('povlint cold lint, 10 MB', cold10, `${scale.toFixed(2)} × the 1 MB time (${(cold10.min / cold1.min).toFixed(2)} × by fastest runs)`);
  }
  row('markdownlint, 1 MB', ml);
  row('write-good, 1 MB', wg);
  row('retext-intensify, 1 MB', int);
  rmSync(dir, { recursive: true, force: true });

  // Warm: the same text again with the cache filled (what re-linting an unchanged file costs).
  const warm = [];
  lint(oneMb);
  for (let r = 0; r < 5; r++) warm.push(await time(() => lint(oneMb)));
  row('povlint warm lint (cached blocks), 1 MB', stats(warm));

  // Session: one-character edits at random places of the 1 MB document.
  clearEngines();
  let session;
  const created = await time(() => {
    session = createSession(oneMb);
  });
  const edits = randomEdits(session, 200, prng(6));
  const ed = stats(edits);
  row('createSession, 1 MB', stats([created]));
  row('session.edit of one character, 1 MB', ed, `median ${fmt(ed.median)} ms, p99 ${fmt(ed.p99)} ms over 200 edits`);
  const check = lint(session.text());
  if (JSON.stringify(check) !== JSON.stringify(session.findings())) throw new Error('session findings differ from lint() after the edits');

  // Word documents: convert + lint a .docx with 1 MB of text, against linting that text as Markdown.
  const word = await wordBench(oneMb, quick ? 1 : 3, () => clearEngines(), lint);
  row('Word: convert + cold lint, .docx with 1 MB of text', word.docx, `${(word.docx.median / word.markdown.median).toFixed(2)} × linting the same text as Markdown`);
  row('Word: conversion alone', word.convert, `${word.paragraphs} paragraphs, .docx of ${(word.bytes / 1024).toFixed(0)} KB`);
  row('Word: cold lint of the same text as Markdown', word.markdown);

  // Pathological inputs, each in its own process with a time limit, at half and full size.
  const limit = quick ? 20_000 : 60_000;
  const patho = [
    ['paragraph', MB, 'one 1 MB paragraph'],
    ['table', MB, 'one 1 MB table'],
    ['no-newline', MB, '1 MB without a newline'],
    ['trigger-word', 100_000, '100,000 × a trigger word'],
    ['nested-list', 10_000, '10,000 nested list levels'],
  ];
  const pathoRows = [];
  for (const [kind, size, label] of patho) {
    const half = child(kind, size / 2, limit);
    const full = child(kind, size, limit);
    const show = (r) => (Number.isFinite(r.ms) ? fmt(r.ms) : r.timedOut ? `>${limit / 1000} s` : `failed (${r.error})`);
    const growth = Number.isFinite(half.ms) && Number.isFinite(full.ms) ? (full.ms / half.ms).toFixed(2) : '-';
    pathoRows.push([label, show(half), show(full), growth]);
  }

  // The heap a long editing session keeps: 2,000 edits of the 1 MB input, in a fresh process.
  const kept = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--session-memory'], { encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 20 });
  const keptLine = (kept.stdout ?? '').split('\n').find((l) => l.startsWith('session:'));
  const sessionHeap = keptLine ? Number(keptLine.split(' ')[1]) : NaN;

  // The heap kept by a session whose one unit is a 1 MB sentence, after edits in it, in a fresh process.
  const long = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--sentence-memory'], { encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 20 });
  const longLine = (long.stdout ?? '').split('\n').find((l) => l.startsWith('sentence:'));
  const sentenceHeap = longLine ? Number(longLine.split(' ')[1]) : NaN;

  // The heap kept by a session after edits in one paragraph of many claims, in a fresh process.
  const para = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--paragraph-memory'], { encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 20 });
  const paraLine = (para.stdout ?? '').split('\n').find((l) => l.startsWith('paragraph:'));
  const paragraphHeap = paraLine ? Number(paraLine.split(' ')[1]) : NaN;

  // Peak memory while linting 10 MB, in a fresh process.
  const mem = quick ? null : child('corpus', 10 * MB, 300_000);

  const head = ['figure (ms)', 'min', 'median', 'max', 'runs', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);

  const ph = ['pathological input (ms)', 'half size', 'full size', 'full ÷ half'];
  const pw = ph.map((h, i) => Math.max(h.length, ...pathoRows.map((r) => r[i].length)));
  const pline = (r) => r.map((c, i) => (i === 0 ? c.padEnd(pw[i]) : c.padStart(pw[i]))).join('  ');
  process.stdout.write(`\n${pline(ph)}\n${pw.map((w) => '-'.repeat(w)).join('  ')}\n${pathoRows.map(pline).join('\n')}\n`);
  if (mem) {
    const m = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;
    process.stdout.write(
      Number.isFinite(mem.ms)
        ? `\npeak RSS while linting 10 MB: ${m(mem.rssPeak)} (before linting: ${m(mem.rssBefore)}; ${fmt(mem.ms)} ms, ${mem.findings} findings)\n`
        : `\npeak RSS while linting 10 MB: not measured (${mem.error ?? 'timed out'})\n`,
    );
  }

  process.stdout.write(
    Number.isFinite(sessionHeap)
      ? `heap a 1 MB session keeps after ${SESSION_EDITS.toLocaleString('en')} one-character edits, beyond its start: ${(sessionHeap / 1024 / 1024).toFixed(1)} MB\n`
      : `heap a 1 MB session keeps after ${SESSION_EDITS} edits: not measured (${(kept.stderr ?? '').trim().split('\n').pop()})\n`,
  );

  process.stdout.write(
    Number.isFinite(sentenceHeap)
      ? `heap a session of one 1 MB sentence keeps after ${SENTENCE_EDITS} one-character edits in it, beyond its start: ${(sentenceHeap / 1024 / 1024).toFixed(1)} MB\n`
      : `heap a session of one 1 MB sentence keeps after ${SENTENCE_EDITS} edits in it: not measured (${(long.stderr ?? '').trim().split('\n').pop()})\n`,
  );

  process.stdout.write(
    Number.isFinite(paragraphHeap)
      ? `heap a session keeps after ${SESSION_EDITS.toLocaleString('en')} one-character edits in one paragraph of 150 claims, beyond its start: ${(paragraphHeap / 1024 / 1024).toFixed(1)} MB\n`
      : `heap a session keeps after edits in one paragraph of 150 claims: not measured (${(para.stderr ?? '').trim().split('\n').pop()})\n`,
  );

  const targets = [
    ['cold 1 MB ÷ markdownlint ≤ 0.25', cold1.median / ml.median <= 0.25],
    ['cold 1 MB ÷ retext-intensify ≤ 0.20', cold1.median / int.median <= 0.2],
    ['edit median ≤ 5 ms', ed.median <= 5],
    ['edit p99 ≤ 20 ms', ed.p99 <= 20],
    ...(quick ? [] : [['10 MB ÷ 1 MB ≤ 12', scale <= 12]]),
    ...(mem && Number.isFinite(mem.rssPeak) ? [['peak RSS for 10 MB ≤ 300 MB', mem.rssPeak <= 300 * 1024 * 1024]] : []),
    ...(Number.isFinite(sessionHeap) ? [[`session heap kept after ${SESSION_EDITS} edits ≤ 32 MB`, sessionHeap <= 32 * 1024 * 1024]] : []),
    ...(Number.isFinite(sentenceHeap) ? [[`heap kept after ${SENTENCE_EDITS} edits of a 1 MB sentence ≤ 32 MB`, sentenceHeap <= 32 * 1024 * 1024]] : []),
  ];
  process.stdout.write(`\ntargets: ${targets.map(([n, ok]) => `${ok ? 'met' : 'MISSED'}: ${n}`).join('; ')}\n`);
  process.stdout.write(
    `bench: cold1mb_vs_markdownlint=${(cold1.median / ml.median).toFixed(3)} cold1mb_vs_intensify=${(cold1.median / int.median).toFixed(3)} ` +
      `edit1mb_median_ms=${ed.median.toFixed(2)} edit1mb_p99_ms=${ed.p99.toFixed(2)} scale10x=${Number.isFinite(scale) ? scale.toFixed(2) : 'n/a'}\n`,
  );
}

if (args[0] === '--child') await childMain(args[1], Number(args[2]));
else if (args[0] === '--cold') await coldMain(args[1], args[2]);
else if (args[0] === '--session-memory') await sessionMemoryMain();
else if (args[0] === '--sentence-memory') await sentenceMemoryMain();
else if (args[0] === '--paragraph-memory') await paragraphMemoryMain();
else await main();
