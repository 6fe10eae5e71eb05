/**
 * Markdown syntax patterns shared by the pre-scan (scan.ts), the shortcuts (fast.ts, subset.ts),
 * the parser front (markdown.ts) and the unit builder (units.ts): one definition each, so the
 * readers cannot disagree on what starts a fence, what a character reference is, or which text
 * may hold a GFM construct.
 */

/** A fence's opening run at the start of a line (three or more backticks or tildes). */
export const FENCE_RUN = /^(?:`{3,}|~{3,})/;

/**
 * A character reference as micromark reads it (sticky: set `lastIndex`): group 1 decimal, group 2
 * hexadecimal, group 3 a name (alphanumeric, at most 31 characters; unknown names stay text).
 */
export const CHARACTER_REFERENCE = /&(?:#(\d{1,7})|#[xX]([\dA-Fa-f]{1,6})|([A-Za-z\d]{1,31}));/y;

/** Text where a GFM literal autolink may start (www., a scheme, mailto:, xmpp:, an email address). */
export const GFM_AUTOLINK_HINT = /www\.|:\/\/|mailto:|xmpp:|@/i;

/** Inline text that may hold a GFM construct (strikethrough or a literal autolink). */
export const GFM_INLINE_HINT = new RegExp(`~|${GFM_AUTOLINK_HINT.source}`, 'i');

/** Block text that may hold any GFM construct (footnotes and task items too). */
export const GFM_HINT = new RegExp(`\\[\\^|\\[[ xX]\\]|${GFM_INLINE_HINT.source}`, 'i');
