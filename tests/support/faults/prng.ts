// A small seeded PRNG (mulberry32): every fault test prints its seed, so a failure reproduces
// with FAULTS_SEED=<seed>.

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Up to `count` distinct items. */
  sample<T>(items: readonly T[], count: number): T[];
  chance(probability: number): boolean;
}

export function rng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    sample: (items, count) => {
      const copy = [...items];
      const out: (typeof copy)[number][] = [];
      while (out.length < count && copy.length > 0) out.push(copy.splice(int(0, copy.length - 1), 1)[0] as (typeof copy)[number]);
      return out;
    },
    chance: (probability) => next() < probability,
  };
}

/** The seed from FAULTS_SEED, or a fresh one. */
export function seedFromEnv(): number {
  const fromEnv = process.env.FAULTS_SEED;
  if (fromEnv && /^\d+$/.test(fromEnv)) return Number(fromEnv) >>> 0;
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}
