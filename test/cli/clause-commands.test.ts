import { describe, expect, it } from 'vitest';
import { runClauses } from '../../src/cli/commands/clauses.js';
import { runSuggest } from '../../src/cli/commands/suggest.js';
import type { CliIo } from '../../src/cli/io.js';
import { builtinClauses } from '../../src/core/clauses/builtin.js';
import type { Clause } from '../../src/core/clauses/types.js';

function fakeIo(stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
    readStdin: async () => stdin,
    cwd: '/',
    isTTY: false,
    env: {},
  };
  return io;
}

const custom: Clause = {
  id: 'availability-sla',
  title: 'House availability terms',
  category: 'service-levels',
  topics: ['availability'],
  docTypes: ['sla'],
  description: 'Our own availability clause.',
  locale: 'en',
  body: 'Availability of ${1:99.95 %} per month.$0',
  source: '.povlint/clauses/availability-sla.md',
};

describe('povlint clauses', () => {
  it('lists every clause as text', async () => {
    const io = fakeIo();
    expect(await runClauses([], io)).toBe(0);
    expect(io.out).toContain('availability-sla');
    expect(io.out).toContain(`${builtinClauses().length} clauses`);
    expect(io.err).toBe('');
  });

  it('filters by locale and category and prints JSON with all front matter fields and the body', async () => {
    const io = fakeIo();
    expect(await runClauses(['--locale', 'zh', '--category', 'risk-allocation', '--format', 'json'], io)).toBe(0);
    const list = JSON.parse(io.out) as Clause[];
    expect(list.length).toBeGreaterThan(0);
    for (const c of list) {
      expect(c.locale).toBe('zh');
      expect(c.category).toBe('risk-allocation');
      expect(Object.keys(c)).toEqual(['id', 'title', 'category', 'topics', 'docTypes', 'description', 'locale', 'body']);
    }
  });

  it('shows one clause expanded with its defaults', async () => {
    const io = fakeIo();
    expect(await runClauses(['--show', 'service-credits-tiered'], io)).toBe(0);
    expect(io.out).toMatch(/^# Tiered service credits with cap/);
    expect(io.out).toContain('below 99.9 % and at or above 99.5 %');
    expect(io.out).not.toMatch(/\$\{|\$\d/);
  });

  it('shows the Chinese clause with --locale zh', async () => {
    const io = fakeIo();
    expect(await runClauses(['--show', 'availability-sla', '--locale', 'zh', '--format', 'json'], io)).toBe(0);
    const shown = JSON.parse(io.out) as Clause & { text: string };
    expect(shown.locale).toBe('zh');
    expect(shown.text).toContain('99.9%');
  });

  it('lays custom clauses over the built-in ones', async () => {
    const io = fakeIo();
    expect(await runClauses(['--show', 'availability-sla'], io, [custom])).toBe(0);
    expect(io.out).toBe('# House availability terms\n\nAvailability of 99.95 % per month.\n');
    const list = fakeIo();
    await runClauses(['--locale', 'en'], list, [custom]);
    expect(list.out).toContain('(.povlint/clauses/availability-sla.md)');
  });

  it.each([
    [['--bogus'], 'Unknown option'],
    [['--locale', 'fr'], '--locale must be one of en, zh'],
    [['--category', 'warranty'], '--category must be one of'],
    [['--format', 'xml'], '--format must be one of text, json'],
    [['--show', 'no-such-clause'], 'no clause `no-such-clause`'],
    [['stray'], 'Unexpected argument'],
  ])('%j → exit 2 with a message on stderr', async (argv, message) => {
    const io = fakeIo();
    expect(await runClauses(argv, io)).toBe(2);
    expect(io.err).toContain(message);
    expect(io.out).toBe('');
  });

  it('prints help', async () => {
    const io = fakeIo();
    expect(await runClauses(['--help'], io)).toBe(0);
    expect(io.out).toContain('Usage: povlint clauses');
  });
});

describe('povlint suggest', () => {
  it('ranks clause ids with titles and shows the rewrite template', async () => {
    const io = fakeIo();
    expect(await runSuggest(['Our platform responds faster than competitors'], io)).toBe(0);
    expect(io.out).toContain('Topics: performance');
    expect(io.out).toMatch(/1\. response-time-sla\s+Response time and latency service level/);
    expect(io.out).toContain('with a 95th-percentile response time of 300 ms or less');
    expect(io.out).toContain('${1:a 95th-percentile response time}');
  });

  it('prints JSON and detects Chinese', async () => {
    const io = fakeIo();
    expect(await runSuggest(['服务可用性业界领先', '--format', 'json', '--limit', '2'], io)).toBe(0);
    const data = JSON.parse(io.out) as { locale: string; topics: string[]; clauses: { id: string; prefix: string }[]; template: { topic: string } };
    expect(data.locale).toBe('zh');
    expect(data.topics[0]).toBe('availability');
    expect(data.clauses).toHaveLength(2);
    expect(data.clauses[0]).toMatchObject({ id: 'availability-sla', prefix: 'pov-zh-availability-sla' });
    expect(data.template.topic).toBe('availability');
  });

  it('reads the claim from stdin with -', async () => {
    const io = fakeIo('Phishing clicks will drop sharply\n');
    expect(await runSuggest(['-', '--rule', 'unmeasured-claim', '--doc-type', 'contract'], io)).toBe(0);
    expect(io.out).toMatch(/1\. phishing-click-rate/);
  });

  it('suggests remedies for missing-remedy', async () => {
    const io = fakeIo();
    expect(await runSuggest(['Availability of 99.9 % per month', '--rule', 'missing-remedy', '--doc-type', 'sla', '--format', 'json'], io)).toBe(0);
    const data = JSON.parse(io.out) as { clauses: { category: string }[] };
    expect(data.clauses[0]?.category).toBe('risk-allocation');
  });

  it.each([
    [[], 'give the claim text'],
    [['x', '--nope'], 'Unknown option'],
    [['x', '--limit', '0'], '--limit must be a positive whole number'],
    [['x', '--rule', 'speling'], '--rule must be one of'],
    [['x', '--doc-type', 'memo'], '--doc-type must be one of'],
  ])('%j → exit 2 with a message on stderr', async (argv, message) => {
    const io = fakeIo();
    expect(await runSuggest(argv, io)).toBe(2);
    expect(io.err).toContain(message);
  });
});
