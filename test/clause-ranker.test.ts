/**
 * The clause ranker: it keeps answering the paraphrased claims of the development batch, its
 * shipped weights are what scripts/fit-clauses.ts fits, it stays small and fast, its cue phrases
 * are safe data, and the rewrite it offers follows the claim (its best clause or the metric it
 * names), not only its topic.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinClauses } from '../src/core/clauses/builtin.js';
import { CUES, cueHits } from '../src/core/clauses/features.js';
import { tabStops } from '../src/core/clauses/snippet.js';
import { claimTemplate, suggestClauses } from '../src/core/clauses/suggest.js';
import { clauseMetric, METRIC_DATA, METRIC_IDS, metricTemplate, rewriteTemplate } from '../src/core/clauses/templates.js';
import { checkPattern } from '../src/core/config/regex.js';
import { lint } from '../src/core/index.js';
import { LOCALES, type Locale, type RuleId } from '../src/core/types.js';
import { readBatch, scoreBatch } from '../scripts/eval-clauses.js';

const ROOT = join(import.meta.dirname, '..');
const DEV = join(ROOT, 'test', 'fixtures', 'clause-claims.dev.json');

/**
 * Floors a little below the figures measured when the ranker was fitted (the fit to its own batch:
 * en 97.9 / 100 % without a rule, 96.7 / 100 % with unmeasured-claim; zh 92.4 / 100 % and
 * 90.7 / 100 %). The topic ranking it replaced scored en 30.1 / 44.6 % and zh 32.4 / 60.8 % on the
 * first 166 and 74 claims of the batch.
 */
const FLOORS: Record<Locale, Record<'none' | 'unmeasured-claim', { top1: number; top3: number }>> = {
  en: { none: { top1: 0.95, top3: 0.98 }, 'unmeasured-claim': { top1: 0.94, top3: 0.98 } },
  zh: { none: { top1: 0.9, top3: 0.98 }, 'unmeasured-claim': { top1: 0.88, top3: 0.98 } },
};

/**
 * Batches written apart from the ranker by someone who saw only the clause library, never fitted on.
 * The first helped choose the ranker's regularisation; each later one was written after the last
 * change before it and scored once, after the ranker was final. Figures with no rule now: validation
 * en 63.3 / 88.3 %, zh 76.0 / 90.0 %; validation2 en 79.8 / 91.9 %, zh 85.0 / 97.5 %; validation3
 * en 70.0 / 90.0 %, zh 94.9 / 100 %. These floors only guard against a regression.
 */
describe.each([
  ['validation', { en: 120, zh: 50 }, { en: { top1: 0.61, top3: 0.86 }, zh: { top1: 0.74, top3: 0.88 } }],
  ['validation2', { en: 99, zh: 40 }, { en: { top1: 0.77, top3: 0.89 }, zh: { top1: 0.82, top3: 0.95 } }],
  ['validation3', { en: 100, zh: 39 }, { en: { top1: 0.68, top3: 0.88 }, zh: { top1: 0.92, top3: 0.97 } }],
] as const)('clause ranker on the %s batch', (name, sizes, floors) => {
  const batch = readBatch(join(ROOT, 'test', 'fixtures', `clause-claims.${name}.json`));

  it.each(LOCALES)('%s: top-1 and top-3 stay at or above the figures measured when it was scored', (locale) => {
    const claims = batch[locale]!;
    expect(claims.length).toBe(sizes[locale]);
    const s = scoreBatch(claims, locale, undefined);
    expect(s.top1 / s.n).toBeGreaterThanOrEqual(floors[locale].top1);
    expect(s.top3 / s.n).toBeGreaterThanOrEqual(floors[locale].top3);
  });
});

describe('clause ranker on the development batch', () => {
  const batch = readBatch(DEV);

  it.each(LOCALES)('%s: covers every clause of the locale at least twice', (locale) => {
    const claims = batch[locale]!;
    expect(claims.length).toBeGreaterThanOrEqual(locale === 'en' ? 150 : 60);
    const ids = new Set(builtinClauses(locale).map((c) => c.id));
    const count = new Map<string, number>();
    for (const c of claims) {
      expect(c.clauses.length).toBeLessThanOrEqual(3);
      for (const id of c.clauses) {
        expect(ids.has(id), `${c.text}: ${id} is not a ${locale} clause`).toBe(true);
        count.set(id, (count.get(id) ?? 0) + 1);
      }
    }
    for (const id of ids) expect(count.get(id) ?? 0, id).toBeGreaterThanOrEqual(2);
  });

  it.each(LOCALES.flatMap((locale) => (['none', 'unmeasured-claim'] as const).map((rule) => [locale, rule] as const)))(
    '%s, rule %s: top-1 and top-3 stay at or above their floors',
    (locale, rule) => {
      const claims = batch[locale]!;
      const s = scoreBatch(claims, locale, rule === 'none' ? undefined : (rule as RuleId));
      expect(s.n).toBe(claims.length);
      const floor = FLOORS[locale][rule];
      expect(s.top1 / s.n, s.misses.join('\n')).toBeGreaterThanOrEqual(floor.top1);
      expect(s.top3 / s.n).toBeGreaterThanOrEqual(floor.top3);
    },
  );
});

describe('shipped ranker', () => {
  it('ranker.json is what scripts/fit-clauses.ts fits', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'fit-clauses.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout + r.stderr).not.toMatch(/stale|Error/);
    // The check ran to the end: both locales were fitted and compared.
    expect(r.stdout).toMatch(/lang=en claims=\d+/);
    expect(r.stdout).toMatch(/lang=zh claims=\d+/);
    expect(r.status).toBe(0);
  }, 300_000);

  // The weights are most of it (232 KB): fitted on 895 claims without a penalty, they lift top-1 on
  // the batches written apart by 10 to 20 points over the 25 KB model fitted on 240 (docs/clauses.md).
  it('is small: weights, cues and templates together stay under 300 KB', () => {
    const files = ['ranker.json', 'cues.en.json', 'cues.zh.json', 'metrics.json', 'templates.en.json', 'templates.zh.json'];
    const bytes = files.reduce((sum, f) => sum + statSync(join(ROOT, 'src', 'core', 'clauses', f)).size, 0);
    expect(bytes).toBeLessThan(300 * 1024);
  });

  it('weighs only clauses of its locale and the pair features it knows', () => {
    const model = JSON.parse(readFileSync(join(ROOT, 'src', 'core', 'clauses', 'ranker.json'), 'utf8')) as Record<
      Locale,
      { pair: number[]; clauses: Record<string, Record<string, number>> }
    >;
    for (const locale of LOCALES) {
      expect(Object.keys(model[locale].clauses).sort()).toEqual(builtinClauses(locale).map((c) => c.id).sort());
      expect(model[locale].pair).toHaveLength(4);
      // Cue phrases are the strongest evidence the model found.
      expect(model[locale].pair[3]).toBeGreaterThan(1);
    }
  });

  it('suggests in well under a millisecond per claim after warm-up', () => {
    const claims = readBatch(DEV).en!.map((c) => c.text);
    for (const t of claims) suggestClauses(t);
    const start = performance.now();
    for (const t of claims) suggestClauses(`${t} today`, { ruleId: 'unmeasured-claim', limit: 3 });
    expect((performance.now() - start) / claims.length).toBeLessThan(0.5);
  });
});

describe('cue phrases', () => {
  it.each(LOCALES)('%s: name known clauses, with valid, safe, unique phrases', (locale) => {
    const ids = new Set(builtinClauses().map((c) => c.id));
    for (const [id, terms] of Object.entries(CUES[locale])) {
      expect(ids.has(id), id).toBe(true);
      expect(new Set(terms.map((t) => t.toLowerCase())).size, `${id}: duplicate cue`).toBe(terms.length);
      for (const t of terms) {
        expect(t.trim(), `${id}: "${t}"`).toBe(t);
        expect(t.length).toBeGreaterThan(0);
        if (locale === 'en') expect(checkPattern(t), `${id}: ${t}`).toBeUndefined();
      }
    }
  });

  it('matches English cues on word boundaries and counts distinct ones', () => {
    expect(cueHits('Analysts drowning in noise', 'en').get('alert-volume-reduction')).toBe(2);
    expect(cueHits('The noiseless fan', 'en').has('alert-volume-reduction')).toBe(false);
    expect(cueHits('告警不再刷屏', 'zh').get('alert-volume-reduction')).toBe(2);
  });
});

describe('rewrite that follows the claim', () => {
  it.each([
    ['dramatically reduce alert noise', 'en', 'alert-volume-reduction', 'alert-volume', /alerts escalated to analysts/],
    ['Our analysts stop drowning in noise', 'en', 'alert-volume-reduction', 'alert-volume', /alerts escalated/],
    ['Far fewer false positives than legacy tools', 'en', 'false-positive-rate', 'false-positive-rate', /false positives/],
    ['The platform pays for itself in a year', 'en', 'committed-cost-savings', 'cost-savings', /annual savings/],
    ['Industry-leading uptime', 'en', 'availability-sla', 'availability', /monthly availability/],
    ['Holes get plugged before attackers find them', 'en', 'vulnerability-remediation-times', 'remediation-time', /discovery to remediation/],
    ['Staff will stop taking the bait', 'en', 'phishing-click-rate', 'phishing-click-rate', /click rate in phishing simulations/],
    ['Catches the threats others miss', 'en', 'detection-rate', 'detection-rate', /detection rate on the agreed test set/],
    ['任何威胁都无所遁形', 'zh', 'detection-rate', 'detection-rate', /检出率/],
    ['机房出事也能当天恢复业务', 'zh', 'rpo-rto', 'recovery', /数据丢失量和业务恢复时间/],
  ] as const)('"%s" (%s) → %s, rewrite about %s', (claim, locale, clause, metric, text) => {
    const s = suggestClauses(claim, { locale, ruleId: 'unmeasured-claim' });
    expect(s.clauses[0]?.id).toBe(clause);
    expect(s.template.metric).toBe(metric);
    expect(s.template.text).toMatch(text);
    expect(claimTemplate(claim, locale)).toBe(s.template);
  });

  it('"dramatically reduce alert noise" no longer gets the detection-rate rewrite of its topic', () => {
    const t = suggestClauses('dramatically reduce alert noise').template;
    expect(t.topic).toBe('security');
    expect(t.snippet).not.toBe(rewriteTemplate('security').snippet);
  });

  it.each([
    ['告警不再刷屏', 'alert-volume'],
    ['一年回本', 'cost-savings'],
  ] as const)('zh "%s": a metric the claim names wins even without a clause of its own in the locale', (claim, metric) => {
    expect(suggestClauses(claim, { locale: 'zh' }).template.metric).toBe(metric);
  });

  it('falls back to the topic template when the best clause measures no single outcome', () => {
    const s = suggestClauses('We put our money where our mouth is');
    expect(s.clauses[0]?.id).toBe('fees-at-risk');
    expect(s.template.metric).toBeUndefined();
    expect(s.template).toBe(rewriteTemplate(s.topics[0] ?? 'generic'));
  });

  it('keeps the puffery template for puffery findings', () => {
    expect(suggestClauses('dramatically reduce alert noise', { ruleId: 'puffery' }).template.topic).toBe('puffery');
  });

  it('the lint quick fix rewrites with the same template', () => {
    const findings = lint('# Proposal\n\nOur service will dramatically reduce alert noise for your analysts.\n', { locale: 'en' });
    const rewrite = findings.flatMap((f) => f.fixes ?? []).find((f) => f.kind === 'rewrite-measurable');
    expect(rewrite, JSON.stringify(findings.map((f) => f.ruleId))).toBeDefined();
    expect(rewrite!.edits[0]!.text).toContain(metricTemplate('alert-volume').snippet);
  });

  it.each(LOCALES)('%s: every metric has a five-part template that expands to complete text', (locale) => {
    for (const metric of METRIC_IDS) {
      const t = metricTemplate(metric, locale);
      expect(tabStops(t.snippet), `${locale}/${metric}`).toEqual([1, 2, 3, 4, 5]);
      expect(t.text).not.toMatch(/\$\d|\$\{|\{\{|\[TBD|\[X\]/);
      expect(t.topic).toBe(METRIC_DATA[metric].topic);
    }
  });

  it('maps every metric to clauses of the library', () => {
    const ids = new Set(builtinClauses('en').map((c) => c.id));
    for (const metric of METRIC_IDS) {
      for (const id of METRIC_DATA[metric].clauses) {
        expect(ids.has(id), id).toBe(true);
        expect(clauseMetric(id)).toBe(metric);
      }
    }
    expect(clauseMetric('fees-at-risk')).toBeUndefined();
  });
});
