import { describe, expect, it } from 'vitest';
import { RULE_IDS, LOCALES } from '../types.js';
import { DOC_TYPES } from '../config/types.js';
import { builtinClauses } from './builtin.js';
import { parseClauseFile } from './library.js';
import { tabStops } from './snippet.js';
import { claimInfo, pairFeatures, sharedKeys } from './features.js';
import { remedyClausesFor, suggestClauses } from './suggest.js';
import { rewriteTemplate } from './templates.js';
import { TOPICS, type Clause } from './types.js';

const LATENCY_CLAUSES = ['response-time-sla'];

describe('suggestClauses', () => {
  it('ranks a latency/response-time clause first for a speed claim', () => {
    const s = suggestClauses('Our platform responds faster than competitors');
    expect(s.topics[0]).toBe('performance');
    expect(LATENCY_CLAUSES).toContain(s.clauses[0]?.id);
    expect(s.template.topic).toBe('performance');
    expect(s.template.parts).toEqual(['metric', 'target', 'baseline', 'window', 'method']);
  });

  it.each([
    ['The service will be highly available', 'availability-sla'],
    ['Advanced threat detection catches what others miss', 'detection-rate'],
    ['Vulnerabilities will be patched in a timely manner', 'vulnerability-remediation-times'],
    ['Phishing clicks will drop sharply after training', 'phishing-click-rate'],
    ['Our help desk answers tickets quickly', 'support-response-times'],
    ['Data will be migrated accurately', 'data-migration-accuracy'],
    ['Far fewer false positives than legacy tools', 'false-positive-rate'],
  ])('"%s" → %s first', (claim, id) => {
    expect(suggestClauses(claim, { ruleId: 'unmeasured-claim' }).clauses[0]?.id).toBe(id);
  });

  it('suggests Chinese clauses for Chinese claims', () => {
    const s = suggestClauses('系统响应速度明显更快', { locale: 'zh' });
    expect(s.topics[0]).toBe('performance');
    expect(s.clauses[0]?.id).toBe('response-time-sla');
    expect(s.clauses.every((c) => c.locale === 'zh')).toBe(true);
    expect(s.template.locale).toBe('zh');
  });

  it('favours risk allocation for weak obligations and missing remedies', () => {
    const weak = suggestClauses('The Supplier will use commercially reasonable efforts to keep the service available', {
      ruleId: 'weak-obligation',
      docType: 'sla',
    });
    const cats = weak.clauses.slice(0, 4).map((c) => c.category);
    expect(cats).toContain('risk-allocation');
    expect(cats).toContain('service-levels');
    const remedy = suggestClauses('Availability of 99.9 % per month', { ruleId: 'missing-remedy', docType: 'contract' });
    expect(remedy.clauses[0]?.category).toBe('risk-allocation');
  });

  it('uses the puffery template for puffery findings', () => {
    const s = suggestClauses('our industry-leading platform', { ruleId: 'puffery' });
    expect(s.template.topic).toBe('puffery');
  });

  it('respects the document type and the limit', () => {
    const s = suggestClauses('Costs will fall substantially', { docType: 'sow', limit: 3 });
    expect(s.clauses).toHaveLength(3);
    expect(s.clauses.every((c) => c.docTypes.includes('sow'))).toBe(true);
  });

  it('falls back to the generic template when no topic is recognised', () => {
    const s = suggestClauses('Lorem ipsum dolor');
    expect(s.topics).toEqual([]);
    expect(s.template.topic).toBe('generic');
  });

  it('ranks custom clauses from the given library', () => {
    const custom = parseClauseFile(
      '---\nid: our-latency\ntitle: Our latency clause\ncategory: service-levels\ntopics: [performance]\ndocTypes: [sla, contract, rfp, sow, proposal]\ndescription: House latency terms.\nlocale: en\n---\nLatency p95 of ${1:200 ms}.\n',
    );
    expect('clause' in custom).toBe(true);
    const library: Clause[] = [...builtinClauses().filter((c) => c.id !== 'response-time-sla'), (custom as { clause: Clause }).clause];
    expect(suggestClauses('Lower latency than anyone', { library }).clauses[0]?.id).toBe('our-latency');
  });

  it('is fast enough to run per finding', () => {
    suggestClauses('warm up');
    const start = performance.now();
    for (let i = 0; i < 500; i++) suggestClauses('Our platform responds faster than competitors', { ruleId: RULE_IDS[i % RULE_IDS.length] });
    expect((performance.now() - start) / 500).toBeLessThan(2);
  });
});

describe('remedyClausesFor', () => {
  it.each(DOC_TYPES)('%s: only risk-allocation clauses that fit the document type', (docType) => {
    for (const locale of LOCALES) {
      const list = remedyClausesFor(docType, locale);
      expect(list.length).toBeGreaterThan(0);
      for (const c of list) {
        expect(c.category).toBe('risk-allocation');
        expect(c.docTypes).toContain(docType);
        expect(c.locale).toBe(locale);
      }
    }
  });

  it('puts service credits first for an SLA and a holdback first for a SOW', () => {
    expect(remedyClausesFor('sla', 'en')[0]?.id).toBe('service-credits-tiered');
    expect(remedyClausesFor('sow', 'en')[0]?.id).toBe('acceptance-holdback');
  });

  it('returns every risk-allocation clause without a document type', () => {
    expect(remedyClausesFor(undefined, 'en').length).toBe(
      builtinClauses('en').filter((c) => c.category === 'risk-allocation').length,
    );
  });
});

describe('rewriteTemplate', () => {
  const LEFTOVER = /\$\d|\$\{|\{\{|\[TBD|\[X\]/;
  it.each(LOCALES)('%s: every topic has a five-part template that expands to complete text', (locale) => {
    for (const topic of TOPICS) {
      const t = rewriteTemplate(topic, locale);
      expect(tabStops(t.snippet), `${locale}/${topic}`).toEqual([1, 2, 3, 4, 5]);
      expect(t.text).not.toMatch(LEFTOVER);
    }
    const generic = rewriteTemplate('generic', locale);
    expect(tabStops(generic.snippet)).toEqual([1, 2, 3, 4, 5]);
    const puffery = rewriteTemplate('puffery', locale);
    expect(tabStops(puffery.snippet)).toEqual(puffery.parts.map((_, i) => i + 1));
    expect(puffery.text).not.toMatch(LEFTOVER);
  });

  it('reads naturally after the verb it follows', () => {
    expect(`Our platform responds ${rewriteTemplate('performance').text}.`).toMatch(
      /^Our platform responds with a 95th-percentile response time of 300 ms or less, against a baseline of/,
    );
  });
});

describe('shared words counted from a pool index', () => {
  it('equal the words each clause shares with the claim, counted one by one', () => {
    const claims: Array<[string, 'en' | 'zh']> = [
      ['Our help desk answers support tickets quickly and resolves incidents faster', 'en'],
      ['The platform delivers world-class security, availability and data migration accuracy', 'en'],
      ['Nothing in common here', 'en'],
      ['我们的服务台会更快地响应和解决故障工单', 'zh'],
    ];
    for (const [text, locale] of claims) {
      const info = claimInfo(text, locale);
      const pool = builtinClauses(locale);
      const shared = sharedKeys(info, pool);
      let some = 0;
      for (const clause of pool) {
        expect(pairFeatures(info, clause, shared.get(clause) ?? 0)).toEqual(pairFeatures(info, clause));
        if (shared.has(clause)) some++;
      }
      if (text !== 'Nothing in common here') expect(some).toBeGreaterThan(0);
    }
  });
});
