/** The rule that keeps a fix from landing on text it was not computed for. Pure. */

export interface VersionedEdits {
  /** The document version the edits were computed for. */
  version: number;
}

/** A fix applies only to the exact document version its edits were computed for. */
export function fixIsCurrent(args: VersionedEdits, documentVersion: number): boolean {
  return args.version === documentVersion;
}
