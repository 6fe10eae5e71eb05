/**
 * Deferred details (`deferDetails`) and `resolveFindings`: a deferred lint leaves the rewrite texts
 * and clause suggestions pending, and resolving its findings gives exactly what an eager lint gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinClauses, createSession, lint, resolveFindings, type Clause, type LintOptions } from '../src/core/index.js';

const root = join(import.meta.dirname, '..');
const documents = ['examples/security-rfp.md', 'examples/service-level-schedule.md', 'examples/vendor-proposal.md'].map((p) => readFileSync(join(root, p), 'utf8'));
const zh = '# 服务方案\n\n我们的平台性能卓越，能够显著提升检测效率。\n\n- 业界领先的威胁情报\n- 大幅降低运维成本\n';

describe('deferDetails and resolveFindings', () => {
  it('leaves the rewrite texts and clause suggestions pending, and resolving gives the eager findings', () => {
    let pendingRewrites = 0;
    let pendingClauses = 0;
    for (const text of [...documents, zh]) {
      const eager = lint(text);
      const deferred = lint(text, { deferDetails: true });
      const rewrites = deferred.flatMap((f) => f.fixes).filter((x) => x.kind === 'rewrite-measurable');
      pendingRewrites += rewrites.length;
      pendingClauses += deferred.filter((f) => f.pending).length;
      // Nothing of the template is written yet, and no clause is suggested.
      for (const x of rewrites) expect(x.pending?.before).toBeTruthy();
      for (const x of deferred.flatMap((f) => f.fixes)) if (x.kind === 'rewrite-measurable') expect(x.edits[0]!.text).toBe('');
      for (const f of deferred.filter((f) => f.pending)) expect(f.clauses).toEqual([]);
      // Everything else (ranges, messages, rules, severities) is the same before resolving.
      const plain = (fs: typeof eager) => fs.map(({ ruleId, severity, message, start, end, missing, term }) => ({ ruleId, severity, message, start, end, missing, term }));
      expect(plain(deferred)).toEqual(plain(eager));
      expect(resolveFindings(deferred)).toEqual(eager);
      expect(JSON.stringify(deferred)).not.toContain('"pending"');
    }
    expect(pendingRewrites).toBeGreaterThan(10);
    expect(pendingClauses).toBeGreaterThan(10);
  });

  it('resolves only the findings it is given, with the clause library of the options', () => {
    const text = documents[0]!;
    const deferred = lint(text, { deferDetails: true });
    const eager = lint(text);
    const i = deferred.findIndex((f) => f.fixes.some((x) => x.pending));
    const [one] = resolveFindings([deferred[i]!]);
    expect(one).toEqual(eager[i]);
    expect(deferred.filter((f, k) => k !== i && (f.pending || f.fixes.some((x) => x.pending))).length).toBeGreaterThan(0);
    // The clauses are chosen from the options' library (here the built-in clauses under other ids).
    const claim = deferred.find((f) => f.ruleId === 'unmeasured-claim' && f.pending)!;
    const options: LintOptions = { clauses: builtinClauses().map((c): Clause => ({ ...c, id: `house-${c.id}` })) };
    const [withLibrary] = resolveFindings([{ ...claim, pending: { ...claim.pending! } }], options);
    expect(withLibrary!.clauses.length).toBeGreaterThan(0);
    for (const id of withLibrary!.clauses) expect(id).toMatch(/^house-/);
  });

  it('a session with deferred details matches a deferred lint after edits, and resolves like one', () => {
    const text = documents[1]!;
    const options: LintOptions = { deferDetails: true };
    const session = createSession(text, options);
    const at = text.indexOf('\n\n') + 2;
    const edited = session.edit(at, 0, 'Our platform is significantly faster than before.\n\n');
    const expected = lint(session.text(), options);
    expect(edited).toEqual(expected);
    expect(resolveFindings(structuredClone(edited))).toEqual(lint(session.text()));
  });

  it("suggests clauses from the lint's own library, not that of an earlier lint with the same rules", () => {
    const text = documents[0]!;
    expect(lint(text).some((f) => f.clauses.length > 0)).toBe(true);
    const house = builtinClauses().map((c): Clause => ({ ...c, id: `house-${c.id}` }));
    // (The document rules name their own clauses; the claims' are suggested from the library.)
    const claims = new Set(['unmeasured-claim', 'vague-quantifier', 'puffery', 'weak-obligation', 'unverifiable-absolute']);
    const ids = lint(text, { clauses: house })
      .filter((f) => claims.has(f.ruleId))
      .flatMap((f) => f.clauses);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^house-/);
  });

  it('a fix whose text was written is not written again', () => {
    const eager = lint(documents[0]!);
    const copy = structuredClone(eager);
    expect(resolveFindings(copy)).toEqual(eager);
  });
});
