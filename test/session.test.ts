import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession, lint } from '../src/core/index.js';
import { createSessionInPieces } from '../src/core/session.js';
import type { LintOptions } from '../src/core/index.js';
import { CORPUS, corpusPresent } from './helpers/corpus.js';

const SEED = Number(process.env.POVLINT_FC_SEED ?? 20260611);


/** Pieces of Markdown that change the block structure or the findings around them. */
const PIECES = [
  'The platform will significantly improve response times.',
  'Our solution is faster and more secure than any competitor.',
  'The Contractor should make reasonable efforts to resolve incidents promptly.',
  'Availability shall be 99.9% measured monthly; the Supplier will restore service within 4 hours.',
  'Service credits of 10% apply when availability falls below the target.',
  'Uptime is guaranteed at [TBD] and response within {{ hours }}.',
  'Numerous benefits, best-in-class support, always available.',
  '系统将显著提高处理效率，并提供一流的服务。',
  '供应商应在4小时内恢复服务，可用性不低于99.9%。',
  '- a list item that will reduce costs',
  '1. first step improves things',
  '    indented continuation that is much better',
  '  two-space continuation with world-class quality',
  '```',
  '```js',
  '~~~',
  '<!--',
  '-->',
  '<!-- povlint-disable -->',
  '<!-- povlint-enable -->',
  '<!-- povlint-disable-next-line puffery -->',
  '<!-- povlint-disable-file unmeasured-claim -->',
  '---',
  '+++',
  'lang: zh',
  'title: Request for Proposal',
  '| Metric | Target |',
  '|---|---|',
  '| Uptime | significantly better |',
  '> a quote that is more reliable',
  '# Heading with faster delivery',
  '<pre>',
  '</pre>',
  '<div>',
  '<span>inline</span> text that is much better',
  '   ```',
  '    ```',
  'Plain words, nothing to see here.',
  'The *vendor* shall __greatly__ reduce `latency` and [costs](http://x.y).',
  '',
];

const EOLS = ['\n', '\n', '\n', '\r\n', '\r', '\n\n', '\n\n', '\r\n\r\n', '\n   \n'];

const piece = fc.constantFrom(...PIECES);
const eol = fc.constantFrom(...EOLS);
const doc = fc.array(fc.tuple(piece, eol), { maxLength: 14 }).map((parts) => parts.map(([p, e]) => p + e).join(''));

/** An edit as fractions of the current text, so it applies to whatever text the sequence reached. */
interface EditSpec {
  at: number;
  del: number;
  insert: string;
  /** Where `at` points: anywhere, the start of a line, or the start of the text. */
  snap: 'none' | 'line' | 'start';
}

const insertText = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(piece, eol).map(([p, e]) => p + e) },
  { weight: 2, arbitrary: eol },
  { weight: 3, arbitrary: fc.constantFrom('```\n', '~~~\n', '<!--', '-->', '---\n', '+++\n', '\n    ', '    ', '  ', '\t', '\r', '|', '*', 'x', '显著') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constant('') },
);

const editSpec: fc.Arbitrary<EditSpec> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 60 })),
  insert: insertText,
  snap: fc.constantFrom('none', 'none', 'line', 'line', 'start'),
});

function apply(session: ReturnType<typeof createSession>, e: EditSpec): ReturnType<ReturnType<typeof createSession>['edit']> {
  const text = session.text();
  let at = Math.floor(e.at * (text.length + 1));
  if (e.snap === 'start') at = 0;
  else if (e.snap === 'line') {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
    at = starts[Math.min(starts.length - 1, Math.floor(e.at * starts.length))]!;
  }
  return session.edit(at, e.del, e.insert);
}

function checkSequence(text: string, edits: EditSpec[], options: LintOptions = {}, piece?: number): void {
  const session = piece === undefined ? createSession(text, options) : createSessionInPieces(text, options, piece);
  expect(session.findings()).toEqual(lint(text, options));
  for (const e of edits) {
    const returned = apply(session, e);
    const expected = lint(session.text(), options);
    // What edit() returns is what a client publishes: it must equal a fresh lint of the new text.
    expect(returned).toEqual(expected);
    expect(session.findings()).toEqual(expected);
  }
}

describe('createSession', () => {
  it('links criteria to remedy sections as lint() does, whether an edit touches the section or not', () => {
    // The remedy index is reused across edits that leave every heading, remedy and remedy section as
    // it was (scorecard/link.ts); these edits touch each of those, and text far from them.
    const text = [
      '# Service levels',
      '',
      'Availability shall be 99.9% measured monthly.',
      '',
      'Incident response shall start within 30 minutes for priority 1 incidents.',
      '',
      'The team will meet weekly.',
      '',
      '## Service credits',
      '',
      'Where availability falls below its target, credits of 5% of the monthly fee apply.',
      '',
      '## Contacts',
      '',
      'Write to the service desk.',
      '',
    ].join('\n');
    const session = createSession(text);
    expect(session.findings()).toEqual(lint(text));
    const edits: Array<[string, string]> = [
      ['The team will meet weekly.', 'The team will meet every week.'],
      ['Where availability falls', 'Where latency falls'],
      ['Write to the service desk.', 'Write to the desk. Service credits of 5% apply to every service level.'],
      [' Service credits of 5% apply to every service level.', ''],
      ['Where latency falls below its target, credits of 5% of the monthly fee apply.', 'These terms cover availability.'],
      ['The team will meet every week.', 'The team will meet daily.'],
      ['## Service credits', '## Service notes'],
      ['## Service notes', '## Service credits'],
    ];
    // Whether the availability target lacks a remedy after each edit: a remedy statement names
    // availability, then none does, then a blanket remedy covers every service level, then none,
    // then the remedy section's own text names it (also after an edit elsewhere), until its heading
    // stops naming a remedy, and again when it does.
    const lacksRemedy = [false, true, false, true, false, false, true, false];
    const availability = (findings: ReturnType<typeof lint>): string => findings.find((f) => f.ruleId === 'incomplete-criterion' && f.start.line === 3)?.message ?? '';
    expect(availability(session.findings())).toMatch(/^(?!.*remedy)./);
    edits.forEach(([from, to], i) => {
      const at = session.text().indexOf(from);
      expect(at, from).toBeGreaterThanOrEqual(0);
      const returned = session.edit(at, from.length, to);
      expect(returned, `${from} → ${to}`).toEqual(lint(session.text()));
      expect(availability(returned), `${from} → ${to}`).toMatch(lacksRemedy[i] ? /remedy/ : /^(?!.*remedy)./);
    });
  });

  it('starts with the findings of lint()', () => {
    const text = 'The platform will significantly improve response times.\n\nUptime is [TBD].\n';
    expect(createSession(text).findings()).toEqual(lint(text));
    expect(createSession('').findings()).toEqual([]);
  });

  it('applies edits to the text', () => {
    const s = createSession('abc');
    s.edit(1, 1, 'XY');
    expect(s.text()).toBe('aXYc');
    s.edit(99, 5, '!');
    expect(s.text()).toBe('aXYc!');
    s.edit(-3, 2, '');
    expect(s.text()).toBe('Yc!');
  });

  it('follows an opened and closed code fence', () => {
    const text = 'Intro is faster.\n\nMiddle is better.\n\nEnd is more secure.\n';
    const s = createSession(text);
    expect(s.edit(text.indexOf('Middle'), 0, '```\n')).toEqual(lint(s.text()));
    expect(s.findings()).toEqual(lint(s.text()));
    expect(s.findings().map((f) => f.term)).not.toContain('better');
    expect(s.edit(s.text().length, 0, '```\n')).toEqual(lint(s.text()));
    expect(s.findings()).toEqual(lint(s.text()));
  });

  it('joins an indented line after a blank line to the block before it', () => {
    const text = '- item is here\n\nfaster text here.\n\nNext paragraph.\n';
    const s = createSession(text);
    expect(s.edit(text.indexOf('faster'), 0, '    ')).toEqual(lint(s.text()));
    expect(s.findings()).toEqual(lint(s.text()));
    expect(s.edit(text.indexOf('Next') + 4, 0, '  ')).toEqual(lint(s.text()));
    expect(s.findings()).toEqual(lint(s.text()));
    expect(s.edit(s.text().indexOf('faster'), 0, '\n')).toEqual(lint(s.text()));
    expect(s.findings()).toEqual(lint(s.text()));
  });

  it('follows front matter appearing at the start and closing far below', () => {
    const text = 'Body is faster.\n\n' + 'Another paragraph is better.\n\n'.repeat(20) + 'Last.\n';
    const s = createSession(text);
    expect(s.edit(0, 0, '---\nlang: zh\n')).toEqual(lint(s.text()));
    expect(s.findings()).toEqual(lint(s.text()));
    expect(s.edit(s.text().indexOf('Last.'), 0, '---\n')).toEqual(lint(s.text()));
    expect(s.findings()).toEqual(lint(s.text()));
    expect(s.edit(0, 4, '')).toEqual(lint(s.text()));
    expect(s.findings()).toEqual(lint(s.text()));
  });

  it('switches locale and document type when the text does', () => {
    const s = createSession('The service will be faster.\n');
    expect(s.edit(0, 0, '系统将显著提高处理效率，并提供一流的服务。系统将显著提高处理效率。\n\n')).toEqual(lint(s.text()));
    expect(s.findings()).toEqual(lint(s.text()));
    expect(s.edit(0, 0, '# Request for Proposal\n\n')).toEqual(lint(s.text()));
    expect(s.findings()).toEqual(lint(s.text()));
  });

  it('equals lint() after every edit of random edit sequences (fast-check)', () => {
    fc.assert(
      fc.property(doc, fc.array(editSpec, { minLength: 1, maxLength: 12 }), (text, edits) => checkSequence(text, edits)),
      { seed: SEED, numRuns: Number(process.env.POVLINT_FC_RUNS ?? 150) },
    );
  }, 60_000);

  it('equals lint() when its text is held in tiny pieces, so edits and blocks cross piece boundaries', () => {
    fc.assert(
      fc.property(doc, fc.array(editSpec, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 40 }), (text, edits, piece) => {
        checkSequence(text, edits, {}, piece);
        const s = createSessionInPieces(text, {}, piece);
        for (const e of edits) apply(s, e);
        expect(s.length()).toBe(s.text().length);
      }),
      { seed: SEED + 3, numRuns: Number(process.env.POVLINT_FC_RUNS ?? 150) },
    );
  }, 60_000);

  it('equals lint() with explicit options', () => {
    const options: LintOptions = { locale: 'en', docType: 'sla', rules: { puffery: 'error', 'weak-obligation': 'off' } };
    fc.assert(
      fc.property(doc, fc.array(editSpec, { minLength: 1, maxLength: 6 }), (text, edits) => checkSequence(text, edits, options)),
      { seed: SEED + 1, numRuns: 40 },
    );
  }, 30_000);

  it.skipIf(!corpusPresent('docs'))('equals lint() while editing real documents', () => {
    const dir = join(CORPUS, 'docs');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .slice(0, 6);
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(editSpec, { minLength: 1, maxLength: 4 }), (file, edits) =>
        checkSequence(readFileSync(join(dir, file), 'utf8'), edits),
      ),
      { seed: SEED + 2, numRuns: 12 },
    );
  }, 30_000);
});
