/**
 * V8 runs a regular expression from bytecode the first time and compiles it to machine code when
 * it runs again, unless the first subject is at least 1,000 code units long: then it makes the
 * machine code at once. For the long alternations of the vocabularies and the measurement
 * recognisers, making the bytecode costs several times what the machine code does (one recogniser:
 * 17 ms against 3), and every cold lint paid it. `warm` gives a pattern that first long subject
 * (made of NUL, which no pattern here looks for), once, just before its first real use. The
 * rules' and readers' long patterns that run on every unit, sentence or block (who speaks, duties,
 * negations, the scorer's cue classes, the scorecard's and the SLA and remedy rules' words) go
 * through it too: left to V8, a 1 MB lint made about 1 MB of their bytecode, used once each.
 *
 * V8 makes the machine code separately for strings of one-byte characters and strings of two-byte
 * characters, for the representation of the subject at hand. A document with a single character
 * beyond Latin-1 (a curly quote, a dash) is held in two bytes a character, and so is every slice of
 * it: a long subject of one-byte NULs would make code that no real subject uses (13 ms for the
 * English vocabulary's candidate test), and the two-byte code would still be made at the first real
 * use. Given the subject it is about to read, `warm` prefixes the NULs to the head of it, so the
 * long subject has that subject's representation and the code made is the code used.
 */
const LONG_SUBJECT = '\u0000'.repeat(1000);
const warmed = new WeakSet<RegExp>();
/** How much of the subject goes after the NULs. */
const HEAD = 64;

/**
 * `re`, compiled to machine code if it was not yet (its `lastIndex` is left as it was), for strings
 * represented as `subject` is (one-byte without it).
 */
export function warm(re: RegExp, subject?: string): RegExp {
  if (warmed.has(re)) return re;
  warmed.add(re);
  const last = re.lastIndex;
  re.lastIndex = 0;
  // A slice of 64 or more code units shares its parent's representation: it carries the subject's
  // without reading a long subject in full (a unit can be megabytes long).
  re.test(subject === undefined ? LONG_SUBJECT : LONG_SUBJECT + (subject.length > HEAD ? subject.slice(0, HEAD) : subject));
  re.lastIndex = last;
  return re;
}
