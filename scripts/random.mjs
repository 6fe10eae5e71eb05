/**
 * A small deterministic pseudo-random generator (mulberry32) and a seeded shuffle, shared by the
 * benchmark, the corpus split and the scorer fit, so every run makes the same choices.
 */

/** @param {number} seed @returns {() => number} numbers in [0, 1) */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates in place with `random`. @template T @param {T[]} items @param {() => number} random @returns {T[]} */
export function shuffle(items, random) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
