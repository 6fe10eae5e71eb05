import { describe, expect, it } from 'vitest';
import { lint } from '../../src/core/index.js';
import { REMEDY_STEMS, remedyFacts } from '../../src/core/rules/missing-remedy.js';

const remedyFindings = (text: string) => lint(text).filter((f) => f.ruleId === 'missing-remedy');

describe('missing-remedy', () => {
  // Regression: the engine's pre-filter once had its own copy of the commitment words and lacked
  // "respond", so this commitment was never read.
  it.each(['respond to', 'restore', 'resolve'])('fires on a commitment to %s incidents within a time', (verb) => {
    const found = remedyFindings(`# Support\n\nThe vendor shall ${verb} incidents within 4 hours.\n`);
    expect(found).toHaveLength(1);
    expect(found[0]!.term).toBe(verb.split(' ')[0]);
  });

  it('is quiet once the document states a remedy', () => {
    expect(remedyFindings('The vendor shall respond to incidents within 4 hours.\n\nEach missed response earns a service credit of 5% of the monthly fee.\n')).toEqual([]);
  });

  it('every commitment or remedy the patterns find passes the pre-test (no fact is hidden by it)', () => {
    const texts = [
      'The vendor shall respond to incidents within 4 hours.',
      'Uptime commitment: see the table.',
      'A fee reduction applies.',
      '供应商应在4小时内恢复服务。',
      '未达标时给予服务赔偿。',
    ];
    for (const t of texts) expect(remedyFacts(t, /[\u4e00-\u9fff]/.test(t) ? 'zh' : 'en')).toBeDefined();
  });

  it('relates the other commitments to the first', () => {
    const [f] = remedyFindings('The service shall be available 99.9% of each month.\n\nThe vendor shall respond to incidents within 4 hours.\n');
    expect(f!.related?.map((r) => r.message)).toEqual(['another commitment: `respond`']);
  });
});

describe('missing-remedy pre-test', () => {
  it('every remedy pattern holds its pre-test stem at the start of a word, outside any optional part', () => {
    const samples = ['service credit', 'credits of', 'fee at risk', 'at-risk amount', 'price reduction', 'fee reductions', 'reduced fees', 'reperformance', 're-performed', 'termination for chronic failure', 'refunded', 'liquidated damages', 'penalties', 'earn-back', 'earn back', 'earnback', 'holdback', 'withholding of payment', 'corrective action plan', 'remedies for'];
    for (const [pattern, stem] of REMEDY_STEMS) {
      const re = new RegExp(`\\b(?:${pattern})\\b`, 'i');
      const hits = samples.filter((s) => re.test(s));
      expect(hits.length, pattern).toBeGreaterThan(0);
      for (const h of hits) expect(new RegExp(`\\b${stem.replace(/[-]/g, '\\$&')}`, 'i').test(h), `${pattern} in ${h}`).toBe(true);
    }
  });

  it('finds remedies and commitments whose words stand after marks, and none inside other words', () => {
    const commitment = 'The service shall be available 99.9% of each month.';
    for (const remedy of ['Missed targets lead to *reperformance* at no cost.', 'The vendor re-performs (re-performed work is free).', 'Fees are subject to earn-back.', 'A holdback of 5% applies.', 'Service credits apply.'])
      expect(remedyFacts(`${commitment} ${remedy}`, 'en')?.remedy, remedy).toBe(true);
    for (const none of ['Background on performance and feedback.', 'We learn from backups.'])
      expect(remedyFacts(`${commitment} ${none}`, 'en')?.remedy, none).toBe(false);
  });
});

describe('missing-remedy termination right', () => {
  it('counts a termination right tied to a failure in the same sentence as a remedy, and not one without', () => {
    const commitment = 'The service shall be available 99.9% of each month.\n\n';
    expect(remedyFindings(`${commitment}The Customer may terminate this Agreement for chronic failure of the service.\n`)).toEqual([]);
    expect(remedyFindings(`${commitment}Either party may terminate this Agreement for convenience. A failure is described elsewhere.\n`)).toHaveLength(1);
  });
});
