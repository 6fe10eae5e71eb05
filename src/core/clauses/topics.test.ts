import { describe, expect, it } from 'vitest';
import fixtures from '../../../test/fixtures/topic-claims.json' with { type: 'json' };
import { checkPattern } from '../config/regex.js';
import { LOCALES, type Locale } from '../types.js';
import { classifyTopics, compileTerm, scoreTopics, TOPIC_VOCABULARY, type TopicTerm } from './topics.js';
import { TOPICS, type Topic } from './types.js';

interface Claim {
  text: string;
  topic: Topic;
}

const claims = fixtures as Record<Locale, Claim[]>;
const patternOf = (t: TopicTerm): string => (typeof t === 'string' ? t : t.pattern);

describe('topic vocabulary', () => {
  it.each(LOCALES)('%s: covers every topic with valid, safe, unique terms', (locale) => {
    const vocab = TOPIC_VOCABULARY[locale];
    expect(Object.keys(vocab).sort()).toEqual([...TOPICS].sort());
    const seen = new Map<string, Topic>();
    for (const topic of TOPICS) {
      expect(vocab[topic].length).toBeGreaterThan(5);
      for (const term of vocab[topic]) {
        const p = patternOf(term);
        expect(p.trim(), `${topic}: empty term`).toBe(p);
        expect(p.length).toBeGreaterThan(0);
        if (typeof term !== 'string') expect(term.weight ?? 1).toBeGreaterThan(0);
        if (locale === 'en') expect(checkPattern(p), `${topic}: ${p}`).toBeUndefined();
        expect(() => compileTerm(term, locale)).not.toThrow();
        const key = p.toLowerCase();
        expect(seen.get(key), `"${p}" is listed under ${seen.get(key)} and ${topic}`).toBeUndefined();
        seen.set(key, topic);
      }
    }
  });
});

describe('classifyTopics', () => {
  it('matches English terms on word boundaries only', () => {
    expect(classifyTopics('The breakfast was served', 'en')).not.toContain('performance');
    expect(classifyTopics('Costly delays', 'en')).not.toContain('cost');
    expect(classifyTopics('Lower cost', 'en')[0]).toBe('cost');
  });

  it('matches Chinese terms as substrings', () => {
    expect(classifyTopics('系统可用性达到业界一流水平', 'zh')[0]).toBe('availability');
  });

  it('returns nothing for text without any topic word', () => {
    expect(classifyTopics('Lorem ipsum dolor sit amet', 'en')).toEqual([]);
  });

  it('ranks by weight and reports the matched terms', () => {
    const [first] = scoreTopics('Downtime will be minimal and support is available', 'en');
    expect(first?.topic).toBe('availability');
    expect(first?.terms).toContain('Downtime');
  });

  it.each(LOCALES)('%s: classifies the written claims (top-1 and top-3 hit rate)', (locale) => {
    const list = claims[locale];
    expect(list.length).toBeGreaterThanOrEqual(locale === 'en' ? 40 : 20);
    let top1 = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const claim of list) {
      const topics = classifyTopics(claim.text, locale);
      if (topics[0] === claim.topic) top1++;
      else misses.push(`${claim.text} → ${topics.join(', ') || '(none)'} (expected ${claim.topic})`);
      if (topics.slice(0, 3).includes(claim.topic)) top3++;
    }
    const rate1 = top1 / list.length;
    const rate3 = top3 / list.length;
    console.log(
      `topic classification ${locale}: ${list.length} claims, top-1 ${(rate1 * 100).toFixed(1)} %, top-3 ${(rate3 * 100).toFixed(1)} %` +
        (misses.length ? `\n  misses:\n  ${misses.join('\n  ')}` : ''),
    );
    expect(rate3).toBeGreaterThanOrEqual(0.9);
    expect(rate1).toBeGreaterThanOrEqual(0.8);
  });

  it('is fast enough to run per finding', () => {
    const text = 'Our platform responds faster than competitors and cuts costs for every team';
    classifyTopics(text, 'en');
    const start = performance.now();
    for (let i = 0; i < 2000; i++) classifyTopics(text, 'en');
    const perCall = (performance.now() - start) / 2000;
    expect(perCall).toBeLessThan(1);
  });
});
