/**
 * SARIF 2.1.0. Rule descriptors come from the rule metadata; each finding becomes a result with
 * a region in 1-based lines and columns counted in UTF-16 code units (`columnKind`), and its
 * fixes become SARIF fixes. URIs are relative to the working directory (`%SRCROOT%`).
 *
 * The log is written as a stream: the run header, then each result as its file is linted.
 * Offsets refer to the text without a UTF-8 byte order mark, as editors show it.
 *
 * With a baseline, only new findings are results (`baselineState: "new"`): code scanning shows
 * every result it is given, suppressed or not. The baseline's entries that no longer match are
 * notes in the run's invocation (`toolExecutionNotifications`), so the log says the file can shrink.
 *
 * A Word document is linted as the Markdown converted from it: the physical location names the
 * `.docx` with the region in that Markdown (as `povlint convert` writes it), a logical location
 * names the source paragraph (`kind` "paragraph", the excerpt in its properties), and fixes are
 * left out, as their edits apply to the Markdown rather than to the file.
 */
import { pathToFileURL } from 'node:url';
import { describeEntry, LineIndex, snippetToPlainText } from '../../core/index.js';
import type { Severity, TextEdit } from '../../core/index.js';
import { describeSource } from '../../docx/sourceMap.js';
import { HOMEPAGE, ruleMetas } from '../rule-meta.js';
import type { BaselineSummary, FileResult, Formatter, FormatterContext, ReportedFinding } from './types.js';

type Level = 'error' | 'warning' | 'note';

export const SARIF_LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

/** A `/`-separated relative path as a URI reference (each segment percent-encoded). */
export function pathToUri(path: string): string {
  return path
    .split('/')
    .map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s)))
    .join('/');
}

function replacement(edit: TextEdit, starts: LineIndex | undefined) {
  const start = starts ? starts.position(edit.start) : undefined;
  const end = starts ? starts.position(edit.end) : undefined;
  const deletedRegion =
    start && end
      ? { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column }
      : { charOffset: edit.start, charLength: edit.end - edit.start };
  const text = edit.snippet ? snippetToPlainText(edit.text) : edit.text;
  return { deletedRegion, insertedContent: { text } };
}

/** The run's invocation with a baseline: one note per entry that no longer matches. */
function invocation(baseline: BaselineSummary) {
  return {
    executionSuccessful: true,
    toolExecutionNotifications: baseline.stale.map((e) => ({
      level: 'note',
      message: { text: `baseline entry no longer matches (fixed or reworded): ${describeEntry(e)}; remove it with --baseline ${baseline.file} --write-baseline` },
      locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(baseline.dir === '.' ? e.path : `${baseline.dir}/${e.path}`), uriBaseId: SRCROOT } } }],
      associatedRule: { id: e.rule },
      properties: { baselineFile: baseline.file, rule: e.rule, term: e.term, text: e.text, count: e.count },
    })),
    properties: { baselineFile: baseline.file, suppressed: baseline.suppressed, stale: baseline.stale.reduce((n, e) => n + e.count, 0) },
  };
}

export function sarif(ctx: FormatterContext): Formatter {
  const metas = ruleMetas();
  const ruleIndex = new Map<string, number>(metas.map((m, i) => [m.id, i]));
  let count = 0;
  let tail = '';
  const location = (uri: string) => ({ uri, uriBaseId: SRCROOT });

  function result(f: ReportedFinding, uri: string, starts: LineIndex | undefined, baselined: boolean, converted: boolean) {
    const index = ruleIndex.get(f.ruleId);
    const source = f.source;
    return {
      ruleId: f.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      ...(baselined ? { baselineState: 'new' } : {}),
      locations: [
        {
          physicalLocation: {
            artifactLocation: location(uri),
            region: {
              startLine: f.start.line,
              startColumn: f.start.column,
              endLine: f.end.line,
              endColumn: f.end.column,
            },
          },
          ...(source
            ? {
                logicalLocations: [
                  {
                    name: describeSource(source),
                    fullyQualifiedName: `${uri}#${describeSource(source).replace(/, /g, '/').replace(/ /g, '-')}`,
                    kind: 'paragraph',
                    properties: { paragraph: source.paragraph, excerpt: source.excerpt, ...(source.note !== undefined ? { note: source.note } : {}) },
                  },
                ],
              }
            : {}),
        },
      ],
      ...(f.fixes.length > 0 && !converted
        ? {
            fixes: f.fixes.map((fix) => ({
              description: { text: fix.title },
              artifactChanges: [{ artifactLocation: location(uri), replacements: fix.edits.map((e) => replacement(e, starts)) }],
            })),
          }
        : {}),
      ...(f.clauses.length > 0 || f.missing.length > 0 ? { properties: { missing: f.missing, clauses: f.clauses } } : {}),
    };
  }

  return {
    begin() {
      const cwdUri = pathToFileURL(ctx.cwd.endsWith('/') ? ctx.cwd : `${ctx.cwd}/`).href;
      const log = {
        $schema: SCHEMA,
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: 'povlint',
                version: ctx.version,
                informationUri: HOMEPAGE,
                rules: metas.map((m) => ({
                  id: m.id,
                  shortDescription: { text: m.description },
                  fullDescription: { text: m.description },
                  helpUri: m.docs,
                  help: { text: `See ${m.docs}` },
                  defaultConfiguration: { level: SARIF_LEVEL[m.defaultSeverity] },
                  properties: { fixable: m.fixable },
                })),
              },
            },
            originalUriBaseIds: { [SRCROOT]: { uri: cwdUri } },
            columnKind: 'utf16CodeUnits',
            results: '\u0000RESULTS\u0000',
          },
        ],
      };
      const text = JSON.stringify(log, null, 2);
      const marker = JSON.stringify('\u0000RESULTS\u0000');
      const at = text.indexOf(marker);
      ctx.write(`${text.slice(0, at)}[`);
      tail = text.slice(at + marker.length);
    },
    file({ path, findings, text, suppressed, converted }: FileResult) {
      if (findings.length === 0) return;
      const starts = text !== undefined && !converted && findings.some((f) => f.fixes.length > 0) ? new LineIndex(text) : undefined;
      const uri = pathToUri(path);
      for (const f of findings) {
        ctx.write(`${count === 0 ? '' : ','}\n        ${JSON.stringify(result(f, uri, starts, suppressed !== undefined, converted === true))}`);
        count += 1;
      }
    },
    end(summary) {
      const invocations = summary.baseline ? `,\n      "invocations": ${JSON.stringify([invocation(summary.baseline)])}` : '';
      ctx.write(`${count === 0 ? '' : '\n      '}]${invocations}${tail}\n`);
    },
  };
}
