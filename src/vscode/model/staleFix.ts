/** The rule that keeps a fix from landing on text it was not computed for. Pure. */
import type { TextEdit } from '../../core/host.js';

export interface VersionedEdits {
  /** The document version the edits were computed for. */
  version: number;
}

/** The arguments of `povlint.applyFix`. */
export interface ApplyFixArgs extends VersionedEdits {
  uri: string;
  edits: TextEdit[];
  title: string;
}

/** A fix applies only to the exact document version its edits were computed for. */
export function fixIsCurrent(args: VersionedEdits, documentVersion: number): boolean {
  return args.version === documentVersion;
}

/**
 * The command's arguments for a fix: the version is the one the findings were computed for (the
 * lint result's), never the document's version when the menu opened.
 */
export function fixArgs(uri: string, result: VersionedEdits, fix: { edits: TextEdit[]; title: string }): ApplyFixArgs {
  return { uri, version: result.version, edits: fix.edits, title: fix.title };
}

export type FixDecision = { apply: true; edits: TextEdit[] } | { apply: false; message: string };

/** What `povlint.applyFix` does with its arguments on a document at `documentVersion`. */
export function decideFix(args: ApplyFixArgs, documentVersion: number): FixDecision {
  if (fixIsCurrent(args, documentVersion)) return { apply: true, edits: args.edits };
  return { apply: false, message: `POV Lint: the document changed after "${args.title}" was offered, so nothing was changed. Open the quick fixes again.` };
}
