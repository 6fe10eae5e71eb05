/**
 * The rules' own decisions, one sentence at a time: which terms they report and which they leave
 * alone (names, quoted titles, definitions, negations, cures), with the exact severity, missing
 * parts and fixes. The fixture harness checks which rule fires on which line; these tests pin the
 * rest of a finding. They lint with `scorer: false`, so each shows what the rule found before the
 * unit scorer weighs the unit (the scorer is tested on its own).
 */
import { describe, expect, it } from 'vitest';
import { lint, ruleMeta, type Finding, type LintOptions, type RuleId } from '../../src/core/index.js';

const raw = (text: string, options: LintOptions = {}): Finding[] => lint(text, { scorer: false, ...options });
/** `rule/severity term [start,end)` of every finding. */
const found = (text: string, options: LintOptions = {}): string[] =>
  raw(text, options).map((f) => `${f.ruleId}/${f.severity} ${f.term} [${f.start.offset},${f.end.offset})`);
const only = (rule: RuleId) => (text: string, options: LintOptions = {}): string[] =>
  found(text, options).filter((s) => s.startsWith(`${rule}/`));
const first = (text: string, rule: RuleId): Finding => raw(text).find((f) => f.ruleId === rule)!;

const PUFFERY_SNIPPET = '${1:specific, checkable statement}';
const EN_TEMPLATE =
  " with ${1:a 95th-percentile response time} of ${2:300 ms or less}, against a baseline of ${3:800 ms in the current system}, within ${4:90 days after go-live}, as measured by ${5:the monthly report of the Customer's monitoring tool}";

describe('registry', () => {
  it('finds a rule by id', () => {
    expect(ruleMeta('puffery').id).toBe('puffery');
  });

  it('names an unknown rule id', () => {
    expect(() => ruleMeta('no-such-rule' as RuleId)).toThrow('unknown rule no-such-rule');
  });
});

describe('terms that are part of a name', () => {
  const puffery = only('puffery');

  it('a capitalised term between a capitalised word and a lower-case one is a name', () => {
    expect(puffery('We use Acme Seamless for delivery.')).toEqual([]);
  });

  it('a capitalised term before a capitalised word is a name', () => {
    expect(puffery('We use Seamless Delivery for support.')).toEqual([]);
  });

  it('a capitalised term before a one-letter capitalised word is a name', () => {
    expect(puffery('We use Seamless X for delivery.')).toEqual([]);
  });

  it('a capitalised word joined by a hyphen before the term still names it', () => {
    expect(puffery('Acme-Seamless Partners delivers.')).toEqual([]);
  });

  it('a capitalised word joined by a bracket before the term still names it', () => {
    expect(puffery('Acme(Seamless Delivery) is here.')).toEqual([]);
  });

  it('two spaces before the term keep the name', () => {
    expect(puffery('We use Acme  Seamless for delivery.')).toEqual([]);
  });

  it('two spaces after the term keep the name', () => {
    expect(puffery('We use Seamless  Delivery.')).toEqual([]);
  });

  it('a name may run across "of"', () => {
    expect(puffery('We thank the Office of Seamless for support.')).toEqual([]);
  });

  it('a name may run across "of" and two spaces', () => {
    expect(puffery('We thank the Office of  Seamless for support.')).toEqual([]);
  });

  it('a name may run across "and"', () => {
    expect(puffery('We use Seamless and Acme tools.')).toEqual([]);
  });

  it('a name may run across "and" and two spaces', () => {
    expect(puffery('We use Seamless and  Acme tools.')).toEqual([]);
  });

  it('a number before the term does not end a sentence', () => {
    expect(puffery('Version 1.2 Seamless Delivery is out.')).toEqual([]);
  });

  it('a capitalised word that starts the sentence does not make a name', () => {
    expect(puffery('Acme Seamless is a product.')).toEqual([]);
  });

  it('a term between lower-case words is not a name', () => {
    expect(puffery('We ship Seamless delivery.')).toEqual(['puffery/warning Seamless [8,16)']);
  });

  it('a capitalised word earlier in the sentence does not make a name', () => {
    expect(puffery('Acme ships Seamless delivery.')).toEqual(['puffery/warning Seamless [11,19)']);
  });

  it('a capitalised word after a comma does not make a name', () => {
    expect(puffery('We ship Seamless, Acme says.')).toEqual(['puffery/warning Seamless [8,16)']);
  });

  it('only a capitalised term can be part of a name', () => {
    expect(puffery('We use Acme sEAMLESS Delivery.')).toEqual(['puffery/warning sEAMLESS [12,20)']);
  });

  it('a word with a capital inside is not a capitalised word before the term', () => {
    expect(puffery('We use iPhone Seamless for delivery.')).toEqual(['puffery/warning Seamless [14,22)']);
  });

  it('a word with a capital inside is not a capitalised word after the term', () => {
    expect(puffery('We use Seamless iPhone apps.')).toEqual(['puffery/warning Seamless [7,15)']);
  });

  it('a term that starts a sentence is not a name', () => {
    expect(puffery('We ship. Seamless Delivery follows.')).toEqual(['puffery/warning Seamless [9,17)']);
  });

  it('a term that starts a sentence is not a name, before a lower-case word too', () => {
    expect(puffery('We ship. Seamless delivery follows.')).toEqual(['puffery/warning Seamless [9,17)']);
  });

  it('a term that starts a sentence after an opening bracket is not a name', () => {
    expect(puffery('We ship. (Seamless Delivery follows.)')).toEqual(['puffery/warning Seamless [10,18)']);
  });

  it('a term that starts a sentence after two opening brackets is not a name', () => {
    expect(puffery('We ship. ((Seamless Delivery)) follows.')).toEqual(['puffery/warning Seamless [11,19)']);
  });

  it('a term after symbols only starts the sentence', () => {
    expect(puffery('→→ Seamless Delivery is here.')).toEqual(['puffery/warning Seamless [3,11)']);
  });
});

describe('terms in a quoted title', () => {
  const claims = only('unmeasured-claim');

  it('a short quoted title is cited, not claimed', () => {
    expect(claims('Read the report "Faster Delivery Today" for details.')).toEqual([]);
  });

  it('a short title in curly quotes is cited, not claimed', () => {
    expect(claims('Read the report “Faster Delivery Today” for details.')).toEqual([]);
  });

  it('a title that opens the sentence is cited', () => {
    expect(claims('"Faster Delivery Today" is a report.')).toEqual([]);
  });

  it('a one-word title is cited', () => {
    expect(claims('Our motto "Faster" is printed.')).toEqual([]);
  });

  it('a title after another sentence is cited', () => {
    expect(claims('We ship today. Read "Faster Delivery Today" now.')).toEqual([]);
  });

  it('a title far into a long sentence is cited', () => {
    expect(claims(`${'word '.repeat(27)}Read "Faster Delivery Today" now.`)).toEqual([]);
  });

  it('a title of twelve words is cited', () => {
    expect(claims('Read "One two three four five six seven eight nine ten eleven faster" now.')).toEqual([]);
  });

  it('a title of twelve words with a double space is cited', () => {
    expect(claims('Read "One two three four five six seven eight nine ten eleven  faster" now.')).toEqual([]);
  });

  it('a title with a version number is cited', () => {
    expect(claims('Read "Faster Delivery v1.2" now.')).toEqual([]);
  });

  it('a quotation of thirteen words is a claim', () => {
    expect(claims('Read "One two three four five six seven eight nine ten eleven twelve faster" now.')).toEqual([
      'unmeasured-claim/warning faster [69,75)',
    ]);
  });

  it('a quote after the term does not make it a title', () => {
    expect(claims('It is faster than the "legacy" system.')).toEqual(['unmeasured-claim/warning faster [6,12)']);
  });

  it('a quotation that holds a sentence break before the term is a claim', () => {
    expect(claims('He said "it is done. Faster Delivery" later.')).toEqual(['unmeasured-claim/warning Faster [21,27)']);
  });

  it('a quotation that holds a sentence break after the term is a claim', () => {
    expect(claims('They wrote "Faster delivery. Then more words follow" here.')).toEqual(['unmeasured-claim/warning Faster [12,18)']);
  });

  it('an opening quote that is never closed is not a title', () => {
    expect(claims('They said "it is faster than before.')).toEqual(['unmeasured-claim/warning faster [17,23)']);
  });

  it('an opening curly quote that is never closed is not a title', () => {
    expect(claims('He said “faster delivery is coming soon and more')).toEqual(['unmeasured-claim/warning faster [9,15)']);
  });

  it('Chinese text has no quoted-title exception', () => {
    expect(only('puffery')('我们提供“一流服务”方案。')).toEqual(['puffery/warning 一流 [5,7)']);
  });
});

describe('allowed terms', () => {
  it('a term is allowed by the text it matched, in any case', () => {
    expect(only('puffery')('Our platform works seamlessly.', { rules: { puffery: { allow: ['SEAMLESSLY'] } } })).toEqual([]);
  });

  it('a term is allowed by its vocabulary entry, whatever form matched', () => {
    expect(only('puffery')('Our platform works Seamlessly.', { rules: { puffery: { allow: ['seamless'] } } })).toEqual([]);
  });
});

describe('puffery', () => {
  const puffery = only('puffery');

  it('a hedge on what the writer knows is not a superlative', () => {
    expect(puffery('To the best of our understanding, no other tool reads these logs.')).toEqual([]);
    expect(puffery('We offer the best coverage.')).toEqual(['puffery/warning the best [9,17)']);
  });

  it('offers to replace the term, and to remove it when a space follows', () => {
    expect(first('Our industry-leading platform.', 'puffery').fixes).toEqual([
      {
        kind: 'replace-puffery',
        title: 'Replace `industry-leading` with a specific, checkable statement',
        edits: [{ start: 4, end: 20, text: PUFFERY_SNIPPET, snippet: true }],
        preferred: true,
      },
      { kind: 'remove-term', title: 'Remove `industry-leading`', edits: [{ start: 4, end: 21, text: '' }] },
    ]);
  });

  it('offers no removal when the term ends the sentence', () => {
    expect(first('Our platform is robust.', 'puffery').fixes.map((f) => f.kind)).toEqual(['replace-puffery']);
  });

  it('offers no fix when the source of the term holds markup', () => {
    expect(first('Our industry-**leading** platform.', 'puffery').fixes).toEqual([]);
  });

  it('places a term in emphasis inside the markup, so its fix applies', () => {
    expect(first('Our *seamless* platform.', 'puffery').fixes[0]!.edits).toEqual([{ start: 5, end: 13, text: PUFFERY_SNIPPET, snippet: true }]);
  });

  it('names no missing parts', () => {
    expect(first('Our platform is robust.', 'puffery').missing).toEqual([]);
  });

  it('in Chinese, replaces with a Chinese placeholder and removes the term before a space', () => {
    expect(first('平台提供一流 服务。', 'puffery').fixes).toEqual([
      { kind: 'replace-puffery', title: '将“一流”替换为具体、可核查的陈述', edits: [{ start: 4, end: 6, text: '${1:具体、可核查的说明}', snippet: true }], preferred: true },
      { kind: 'remove-term', title: '删除“一流”', edits: [{ start: 4, end: 7, text: '' }] },
    ]);
  });

  it('is quiet in a definition', () => {
    expect(puffery('"Robust Service" means a service that is robust.')).toEqual([]);
  });

  it('is quiet in a title', () => {
    expect(puffery('## Industry-leading support')).toEqual([]);
  });

  it('is quiet in a question', () => {
    expect(puffery('Is the platform robust?')).toEqual([]);
  });
});

describe('unmeasured-claim', () => {
  const claims = only('unmeasured-claim');

  it('rewrites the claim to the end of its clause as a measurable outcome', () => {
    expect(first('The platform will improve response times.', 'unmeasured-claim').fixes).toEqual([
      {
        kind: 'rewrite-measurable',
        title: 'Rewrite as a measurable outcome',
        edits: [{ start: 18, end: 40, text: `improve response times${EN_TEMPLATE}`, snippet: true }],
        preferred: true,
      },
    ]);
  });

  it('a clause runs on past a decimal point', () => {
    expect(first('The platform will improve v1.2 throughput.', 'unmeasured-claim').fixes[0]!.edits[0]!.end).toBe(41);
  });

  it('a clause without closing punctuation runs to the end of the text', () => {
    expect(first('The platform will improve response times', 'unmeasured-claim').fixes[0]!.edits[0]!.end).toBe(40);
  });

  it('a clause leaves out the spaces before the comma that ends it', () => {
    expect(first('The platform will improve response times  , and more.', 'unmeasured-claim').fixes[0]!.edits[0]!.end).toBe(40);
  });

  it('offers no rewrite when the source of the clause holds markup', () => {
    expect(first('It will improve **response** times.', 'unmeasured-claim').fixes).toEqual([]);
  });

  it('names the outcome parts the sentence lacks', () => {
    expect(first('The platform will improve response times.', 'unmeasured-claim').missing).toEqual(['target', 'baseline', 'window', 'method']);
  });

  it('reports at most three claims of one sentence', () => {
    expect(claims('Our solution is faster, better, cheaper and easier.')).toHaveLength(3);
  });

  it('a directional verb is a claim only with an outcome after it', () => {
    expect([claims('The tool will reduce costs.'), claims('The tool will reduce.')]).toEqual([['unmeasured-claim/warning reduce [14,20)'], []]);
  });

  /** Each text with the terms the rule reports in it. */
  const claimTerms = (texts: string[]): Array<[string, string[]]> =>
    texts.map((t) => [t, raw(t).filter((f) => f.ruleId === 'unmeasured-claim').map((f) => f.term!)]);

  it('a change for the worse is a problem stated, not an outcome claimed', () => {
    const worse = [
      'Unused variables can increase the attack surface.',
      'Disclosure without a patch tends to increase risk rather than reduce it.',
      'Manual triage will increase costs.',
      'Legacy tooling can reduce productivity.',
      'Frequent context switches decrease the accuracy of analysts.',
    ];
    expect(claimTerms(worse)).toEqual(worse.map((t) => [t, []]));
  });

  it('the same verbs moving an outcome the right way, or a harm dealt with, stay claims', () => {
    expect(
      claimTerms([
        'The platform will reduce costs.',
        'The platform will increase productivity.',
        'Our scanner will increase the number of vulnerabilities found.',
        'The tool increases vulnerabilities detected per scan.',
        'We will increase the rate of incidents resolved at first contact.',
      ]).map(([, terms]) => terms),
    ).toEqual([['reduce'], ['increase'], ['increase'], ['increases'], ['increase']]);
  });

  it('an evaluative word on the adversary describes the threat; the adversary as the standard of a comparison does not', () => {
    expect(
      claimTerms([
        'The tool helps analysts detect sophisticated attackers in the cloud.',
        'Our team responds much faster than attackers can move.',
        'The sensor reacts quicker than ransomware spreads.',
      ]).map(([, terms]) => terms),
    ).toEqual([[], ['faster'], ['quicker']]);
  });

  it('a permission claims nothing by its purpose', () => {
    expect(claims('The Vendor may use the data to improve its services.')).toEqual([]);
  });

  it('a vague standard in a permission still binds', () => {
    expect(claims('The Vendor may assign the work to qualified personnel.')).toEqual(['unmeasured-claim/warning qualified personnel [34,53)']);
  });

  it('in a question, reports the first claim as a hint with its rewrite', () => {
    expect(raw('Describe how you will improve response times and be faster?').map((f) => [f.ruleId, f.severity, f.term, f.fixes.length])).toEqual([
      ['unmeasured-claim', 'hint', 'improve', 1],
    ]);
  });

  it('in a question, offers no rewrite when the source holds markup', () => {
    expect(first('Describe how you will improve **response** times?', 'unmeasured-claim').fixes).toEqual([]);
  });

  it('is quiet in a definition', () => {
    expect(claims('"Faster Service" means a service that is faster.')).toEqual([]);
  });

  it('is quiet in a title', () => {
    expect(claims('# Faster delivery')).toEqual([]);
  });

  it.each([
    ['The service is faster.', '`faster` claims a comparison with no target, baseline or time window'],
    ['We deliver ahead of the competition.', '`ahead of the` claims a comparison with no target, baseline or time window'],
    ['The service is efficient.', '`efficient` asserts a quality outcome with no target, baseline or time window'],
    ['The response is remarkably quick.', '`remarkably quick` asserts a quality outcome with no target, baseline or time window'],
    ['The service responds quickly.', '`quickly` asserts a quality outcome with no target, baseline or time window'],
    ['The platform will improve response times.', '`improve` claims an improvement with no target, baseline or time window'],
  ])('%s → %s', (text, message) => {
    expect(first(text, 'unmeasured-claim').message).toBe(message);
  });

  it('in Chinese, a bidder asked to provide a document (a plan, a description) gets a hint; asked to provide a service of some quality, a warning', () => {
    const unmeasured = only('unmeasured-claim');
    expect(unmeasured('投标人应提供高效的运维方案。', { locale: 'zh' })).toEqual(['unmeasured-claim/hint 高效 [6,8)']);
    expect(unmeasured('投标人应提供高效的运维服务。', { locale: 'zh' })).toEqual(['unmeasured-claim/warning 高效 [6,8)']);
    expect(unmeasured('投标人须提交高效的运维服务承诺。', { locale: 'zh' })).toEqual(['unmeasured-claim/hint 高效 [6,8)']);
  });
});

describe('the text itself as what is improved: feedback invitations, not claims', () => {
  const claims = only('unmeasured-claim');

  it.each([
    '[Improve this page](https://example.org/edit/main/docs/page.md)',
    'Send us ideas to make this page better.',
    'Help us improve: rate this article.',
    'Please help us improve.',
    'Help us improve these docs by opening an issue.',
    'Suggestions to improve this guide can go to the editors.',
  ])('%s', (text) => {
    expect(claims(text)).toEqual([]);
  });

  it.each(['欢迎帮助我们改进本文档。', '请帮助我们改进'])('%s', (text) => {
    expect(claims(text)).toEqual([]);
  });

  it.each([
    // Someone is said to help, so an outcome is demanded.
    'Vendors will help us improve response times.',
    // The documentation as a deliverable, not this text.
    'We will improve the documentation.',
    // A product made better, or pages made faster, is an outcome.
    'Make this product better for every analyst.',
    'Our changes make these pages load faster.',
    'The contractor will improve this platform\'s response time.',
  ])('still a claim: %s', (text) => {
    expect(claims(text)).toHaveLength(1);
  });

  it('still a claim: 供应商应持续改进该系统的性能。', () => {
    expect(claims('供应商应持续改进该系统的性能。')).toHaveLength(1);
  });
});

describe('vague-quantifier', () => {
  const vague = only('vague-quantifier');

  it('rewrites an intensifier out of its clause', () => {
    expect(first('The platform will significantly improve response times.', 'vague-quantifier').fixes[0]!.edits).toEqual([
      { start: 18, end: 54, text: `improve response times${EN_TEMPLATE}`, snippet: true },
    ]);
  });

  it('drops every space after the intensifier', () => {
    expect(first('The platform will significantly  improve response times.', 'vague-quantifier').fixes[0]!.edits[0]!.text).toBe(`improve response times${EN_TEMPLATE}`);
  });

  it('offers no rewrite when nothing follows the intensifier in its clause', () => {
    expect(first('Costs fall significantly.', 'vague-quantifier').fixes).toEqual([]);
  });

  it('in Chinese, drops 地 after the intensifier and puts the template in brackets', () => {
    expect(first('系统显著地提高处理效率。', 'vague-quantifier').fixes[0]!.edits[0]!.text).toBe(
      '提高处理效率（达到${1:单件平均处理时长}${2:不超过6分钟}（基线为${3:上线前测得的14分钟}），于${4:上线后120天内}实现，以${5:业务系统中的流程时间戳}为准）',
    );
  });

  it('in Chinese, keeps a 的 further on', () => {
    expect(first('系统显著提高客户的满意度。', 'vague-quantifier').fixes[0]!.edits[0]!.text.startsWith('提高客户的满意度（')).toBe(true);
  });

  it('replaces a ceiling with a committed minimum, and does not ask for a target', () => {
    const f = first('Costs fall by up to 50%.', 'vague-quantifier');
    expect([f.missing, f.fixes]).toEqual([
      ['metric', 'baseline', 'window', 'method'],
      [
        {
          kind: 'replace-term',
          title: 'Replace the ceiling with a committed minimum',
          edits: [{ start: 14, end: 23, text: '${1:at least 30%}', snippet: true }],
          preferred: true,
        },
      ],
    ]);
  });

  it('a stated number cures an intensifier', () => {
    expect(vague('Costs fall significantly, by 30% against the 2024 baseline within 6 months.')).toEqual([]);
  });

  it('a time window alone does not measure the size an intensifier gives; a figure does', () => {
    expect(vague('Churn falls dramatically within the first quarter.')).toEqual(['vague-quantifier/warning dramatically [12,24)']);
    expect(vague('Churn falls dramatically, by 20% within the first quarter.')).toEqual([]);
  });

  it('a stated number does not cure a ceiling', () => {
    expect(vague('Costs fall by up to 50% within 6 months.')).toEqual(['vague-quantifier/warning up to 50% [14,23)']);
  });

  it('names the outcome parts an intensifier leaves open', () => {
    expect(first('The platform will significantly improve response times.', 'vague-quantifier').missing).toEqual(['target', 'baseline', 'window', 'method']);
  });

  it('offers no ceiling fix when the source of the term holds markup', () => {
    expect(first('Costs fall by up to **50%**.', 'vague-quantifier').fixes).toEqual([]);
  });

  it('is a hint in an instruction to offerors', () => {
    expect(vague('Describe how costs fall by up to 50%.')).toEqual(['vague-quantifier/hint up to 50% [27,36)']);
  });

  it('is a warning when offerors must demonstrate an amount given only by an intensifier (a requirement, not an instruction)', () => {
    expect(vague('Offerors shall demonstrate considerable experience in hospital networks.')).toEqual(['vague-quantifier/warning considerable [27,39)']);
    expect(vague('Offerors shall demonstrate how considerable savings are reached.')).toEqual(['vague-quantifier/hint considerable [31,43)']);
  });

  it('is quiet in a definition', () => {
    expect(vague('"Significant Change" means a change that is significantly larger.')).toEqual([]);
  });

  it('is quiet in a title', () => {
    expect(vague('# Significantly better delivery')).toEqual([]);
  });
});

describe('weak-obligation', () => {
  const weak = only('weak-obligation');

  it('replaces a timing word with a stated time and asks for the time window', () => {
    const f = first('The Contractor will respond promptly to incidents.', 'weak-obligation');
    expect([f.message, f.missing, f.fixes]).toEqual([
      '`promptly` sets no time; state a deadline or response window',
      ['window'],
      [{ kind: 'replace-term', title: 'Replace `promptly` with a stated time', edits: [{ start: 28, end: 36, text: 'within ${1:2} business days', snippet: true }], preferred: true }],
    ]);
  });

  it('a stated time cures a timing word', () => {
    expect(weak('The Contractor will respond promptly to incidents, within 4 hours.')).toEqual([]);
  });

  it('a recurrence is a timing word, cured by a stated time', () => {
    expect(weak('The Contractor will report periodically, within 5 days after each month end.')).toEqual([]);
  });

  it('a recurrence is reported as timing', () => {
    expect(first('The Contractor will report periodically.', 'weak-obligation').missing).toEqual(['window']);
  });

  it('a recurrence outside a duty is not a softened duty', () => {
    expect(weak('Reports are issued periodically.')).toEqual([]);
  });

  it('an effort names no missing parts and offers no replacement', () => {
    const f = first('The Contractor shall use commercially reasonable efforts to restore service.', 'weak-obligation');
    expect([f.message, f.missing, f.fixes]).toEqual(['`commercially reasonable efforts` softens the duty to an effort; state what must be achieved and the remedy if it is not', [], []]);
  });

  it('an escape inside a duty is reported', () => {
    expect(weak('The Contractor shall restore service where practicable.')).toEqual(['weak-obligation/warning where practicable [37,54)']);
  });

  it('an escape outside a duty or a stated practice is not', () => {
    expect(weak('Service was restored where practicable.')).toEqual([]);
    expect(weak('The archive holds copies where practicable.')).toEqual([]);
  });

  it('a practice stated in the present passive is softened by an escape', () => {
    expect(weak('Service is restored where practicable.')).toEqual(['weak-obligation/warning where practicable [20,37)']);
  });

  it('a practice the party states in the present tense is softened by an escape, unlike its advice', () => {
    expect(weak('We keep adequate safeguards for backups.')).toEqual(['weak-obligation/warning adequate safeguards [8,27)']);
    expect(weak('We recommend adequate safeguards for backups.')).toEqual([]);
    expect(weak('We kept adequate safeguards for backups.')).toEqual([]);
  });

  it('an escape closing a clause that grants a permission softens no duty', () => {
    expect(weak('Reviews will be held on site, though a call may replace them as needed.')).toEqual([]);
    expect(weak('The supplier shall rotate keys as needed, and may revoke them early.')).toEqual(['weak-obligation/warning as needed [31,40)']);
  });

  it('a bare verb starting a paragraph states a duty', () => {
    expect(weak('Provide support where practicable.')).toEqual(['weak-obligation/warning where practicable [16,33)']);
  });

  it('a bare verb after leading symbols states a duty', () => {
    expect(weak('-- Provide support where practicable.')).toEqual(['weak-obligation/warning where practicable [19,36)']);
  });

  it('an item of a list states a requirement: an escape in it softens a duty', () => {
    expect(weak('- Service is restored where practicable.')).toEqual(['weak-obligation/warning where practicable [22,39)']);
  });

  it('an item of a list that grants a permission states no duty', () => {
    expect(weak('- Customer may terminate the order as needed.')).toEqual([]);
  });

  it('in Chinese, a duty word makes an escape a softened duty', () => {
    expect(weak('供应商应尽可能恢复服务。')).toEqual(['weak-obligation/warning 尽可能 [4,7)']);
  });

  it('an effort verb governed by the obligated party is reported', () => {
    expect(weak('The Contractor will endeavour to restore service.')).toEqual(['weak-obligation/warning endeavour [20,29)']);
  });

  it('a negated effort verb is a prohibition', () => {
    expect(weak('The Contractor will not attempt to restore service.')).toEqual([]);
  });

  it('a negated effort verb is a prohibition with two spaces too', () => {
    expect(weak('The Contractor will not  attempt to restore service.')).toEqual([]);
  });

  it('a negation earlier in the sentence does not negate the effort verb', () => {
    expect(weak('The Contractor, not the Customer, will attempt to restore service.')).toEqual(['weak-obligation/warning attempt to [39,49)']);
  });

  it('an effort verb nobody is bound by is not reported', () => {
    expect(weak('Staff endeavour to help.')).toEqual([]);
  });

  it('in Chinese, an effort verb needs no governing word', () => {
    expect(weak('供应商力争恢复服务。')).toEqual(['weak-obligation/warning 力争 [3,5)']);
  });

  it('best practices alone are a weak standard', () => {
    expect(weak('The Contractor shall follow best practices.')).toEqual(['weak-obligation/warning best practices [28,42)']);
  });

  it('a named standard cures best practices', () => {
    expect(weak('The Contractor shall follow best practices such as ISO 27001.')).toEqual([]);
  });

  it('a named standard does not cure an escape', () => {
    expect(weak('The Contractor shall follow ISO 27001 where practicable.')).toEqual(['weak-obligation/warning where practicable [38,55)']);
  });

  it('is a hint in a question', () => {
    expect(weak('Will the Contractor restore service where practicable?')).toEqual(['weak-obligation/hint where practicable [36,53)']);
  });

  it('is quiet in a definition', () => {
    expect(weak('"Prompt Response" means a response made promptly.')).toEqual([]);
  });

  it('is quiet in a title', () => {
    expect(weak('# Respond promptly')).toEqual([]);
  });
});

describe('unverifiable-absolute', () => {
  const absolute = only('unverifiable-absolute');

  it('reports an absolute with no missing parts and no fix', () => {
    const f = first('The service is 100% secure.', 'unverifiable-absolute');
    expect([f.message, f.missing, f.fixes]).toEqual(['`100% secure` promises an absolute no test could confirm; name the standard, scope and remedy', [], []]);
  });

  it('a negation before the term denies it', () => {
    expect(absolute('The service is not 100% secure.')).toEqual([]);
  });

  it('in Chinese, a negation before the term denies it', () => {
    expect(absolute('系统并非绝对安全。')).toEqual([]);
  });

  it('a disclaimer earlier in the sentence governs the term', () => {
    expect(absolute('The vendor makes no guarantee that the service is 100% secure.')).toEqual([]);
  });

  it('a disclaimer of any kind, or a reservation of rights, governs its clause; a contrast ends it', () => {
    for (const text of [
      'The Provider does not warrant that the portal will be fast or error-free.',
      'The Provider makes no representations that the service will be seamless.',
      'The Provider gives no assurances that support will be timely.',
      'We do not promise that the platform will be faster.',
      'The Provider reserves the right, at its sole discretion, to reduce the scope.',
    ]) expect(found(text), text).toEqual([]);
    expect(found('The Provider does not warrant uptime, but our platform will be significantly faster.')).toEqual([
      'vague-quantifier/warning significantly [63,76)',
      'unmeasured-claim/warning faster [77,83)',
    ]);
  });

  it('a sentence that denies absolutes altogether is quiet', () => {
    expect(absolute('No service can be 100% secure.')).toEqual([]);
  });

  it('a negation after the term does not deny it', () => {
    expect(absolute('The service is 100% secure and cannot fail.')).toEqual(['unverifiable-absolute/warning 100% secure [15,26)']);
  });

  it('English negation words in a Chinese sentence deny nothing', () => {
    expect(absolute('说明书写着 cannot，但系统绝对安全。')).toEqual(['unverifiable-absolute/warning 绝对安全 [16,20)']);
  });

  it('a guarantee with its terms stated is cured', () => {
    expect(absolute('Uptime is guaranteed as set forth in Schedule 2.')).toEqual([]);
  });

  it('a guarantee alone is reported', () => {
    expect(absolute('Uptime is guaranteed.')).toEqual(['unverifiable-absolute/warning guaranteed [10,20)']);
  });

  it('a reference to terms does not cure an absolute that is not a guarantee', () => {
    expect(absolute('The service is 100% secure as described in Section 4.')).toEqual(['unverifiable-absolute/warning 100% secure [15,26)']);
  });

  it('compliance with a named standard is cured', () => {
    expect(absolute('The solution is fully compliant with ISO 27001.')).toEqual([]);
  });

  it('compliance as defined in a schedule is cured', () => {
    expect(absolute('The solution is fully compliant as defined in Schedule B.')).toEqual([]);
  });

  it('compliance within a time is not cured', () => {
    expect(absolute('The solution is fully compliant within 30 days.')).toEqual(['unverifiable-absolute/warning fully compliant [16,31)']);
  });

  it('a named standard does not cure an absolute that is not about compliance', () => {
    expect(absolute('The service is 100% secure under ISO 27001.')).toEqual(['unverifiable-absolute/warning 100% secure [15,26)']);
  });

  it('is quiet in a definition', () => {
    expect(absolute('"Zero Risk" means no risk.')).toEqual([]);
  });

  it('is quiet in a title', () => {
    expect(absolute('## Zero risk')).toEqual([]);
  });
});

describe('unresolved-placeholder', () => {
  it('names no missing parts', () => {
    expect(first('Uptime is [TBD].', 'unresolved-placeholder').missing).toEqual([]);
  });
});
