/** The proof-of-value clause library: built-in clauses, custom libraries, topics and suggestions. */
export type { Clause, ClauseCategory, Topic } from './types.js';
export { CLAUSE_CATEGORIES, TOPICS } from './types.js';
export { builtinClauses } from './builtin.js';
export {
  loadLibrary,
  parseClauseFile,
  mergeClauses,
  clauseIdFromPath,
  type ClauseFile,
  type ClauseFileError,
  type ClauseFileResult,
  type LoadedLibrary,
} from './library.js';
export { classifyTopics, scoreTopics, type TopicScore } from './topics.js';
export { suggestClauses, claimTemplate, remedyClausesFor, CATEGORY_FIT, type SuggestOptions, type Suggestion } from './suggest.js';
export { rewriteTemplate, metricTemplate, clauseMetric, METRIC_IDS, type MetricId, type RewriteTemplate, type TemplateKind } from './templates.js';
export {
  parseSnippet,
  expandWithDefaults,
  snippetToPlainText,
  escapeSnippetText,
  tabStops,
  walkSnippet,
  SnippetSyntaxError,
  type SnippetNode,
  type SnippetError,
  type SnippetParseResult,
  type SnippetVariables,
} from './snippet.js';
