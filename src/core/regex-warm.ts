/**
 * V8 runs a regular expression from bytecode the first time and compiles it to machine code when
 * it runs again, unless the first subject is at least 1,000 code units long: then it makes the
 * machine code at once. For the long alternations of the vocabularies and the measurement
 * recognisers, making the bytecode costs several times what the machine code does (one recogniser:
 * 17 ms against 3), and every cold lint paid it. `warm` gives a pattern that first long subject
 * (made of NUL, which no pattern here looks for), once, just before its first real use.
 */
const LONG_SUBJECT = '\u0000'.repeat(1000);
const warmed = new WeakSet<RegExp>();

/** `re`, compiled to machine code if it was not yet (its `lastIndex` is left as it was). */
export function warm(re: RegExp): RegExp {
  if (warmed.has(re)) return re;
  warmed.add(re);
  const last = re.lastIndex;
  re.lastIndex = 0;
  re.test(LONG_SUBJECT);
  re.lastIndex = last;
  return re;
}
