/** `povlint --explain "<text>"`: why each prose unit of a text was or was not flagged. */
import type { UnitExplanation } from '../core/index.js';

const signed = (w: number): string => `${w >= 0 ? '+' : ''}${w.toFixed(3)}`;

export function renderExplanation(units: readonly UnitExplanation[]): string {
  if (units.length === 0) return 'no prose units found\n';
  const out: string[] = [];
  for (const u of units) {
    out.push(`unit ${u.start}-${u.end}: ${JSON.stringify(u.text)}`);
    const context = Object.entries(u.context)
      .filter(([, on]) => on)
      .map(([name]) => name);
    if (context.length > 0) out.push(`  context: ${context.join(', ')}`);
    for (const m of u.measurements) out.push(`  measurement ${m.id}: ${JSON.stringify(m.text)} (${m.parts.join(', ') || 'no parts'})`);
    out.push(`  measurable criterion: ${u.criterion ? 'yes' : 'no'}`);
    for (const m of u.matches) out.push(`  term ${JSON.stringify(m.text)} → ${m.rule}${m.kind ? ` (${m.kind})` : ''}`);
    if (u.scorer) {
      const s = u.scorer;
      out.push(
        s.score === undefined
          ? '  scorer: no model for this language; every candidate is flagged'
          : `  scorer: ${s.score.toFixed(3)} (threshold ${s.threshold!.toFixed(3)}) → ${s.flag ? 'flag' : 'not flagged'}`,
      );
      const weighted = new Map((s.contributions ?? []).map((c) => [c.feature, c.weight]));
      for (const [feature, value] of Object.entries(s.features)) {
        const w = weighted.get(feature);
        out.push(`    ${feature}${value !== 1 ? `=${value.toFixed(2)}` : ''}: ${w === undefined ? 'no weight' : signed(w)}`);
        if (feature === 'lexical' && s.words?.length) out.push(`      words: ${s.words.map((x) => `${x.term} ${signed(x.weight)}`).join(', ')}`);
      }
    }
    if (u.findings.length === 0) out.push('  findings: none');
    for (const f of u.findings) out.push(`  ${f.severity} ${f.ruleId}: ${f.message}`);
  }
  return `${out.join('\n')}\n`;
}
