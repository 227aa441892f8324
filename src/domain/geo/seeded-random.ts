/**
 * A small seeded pseudo-random number generator (mulberry32) so generated sample data is identical
 * in Node, a worker and the browser for the same seed. Not for cryptography; its 32-bit state is
 * plenty for placing tens of thousands of points.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Uniform integer in [0, exclusiveMax). */
  integerBelow(exclusiveMax: number): number;
  /** Standard normal (mean 0, standard deviation 1), Box–Muller. */
  normal(): number;
}

/** A mulberry32 generator seeded with a 32-bit integer. */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    integerBelow: (exclusiveMax) => Math.floor(next() * exclusiveMax),
    normal: () => {
      // 1 − u keeps the logarithm away from zero.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      return radius * Math.cos(2 * Math.PI * next());
    },
  };
}

/** Derives an independent 32-bit seed from a base seed and a stream label (FNV-1a over the label). */
export function deriveSeed(baseSeed: number, label: string): number {
  let hash = 0x811c9dc5 ^ (baseSeed >>> 0);
  for (let index = 0; index < label.length; index++) {
    hash ^= label.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Shuffles an array in place (Fisher–Yates) with the given generator and returns it. */
export function shuffleInPlace<T>(items: T[], random: SeededRandom): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = random.integerBelow(index + 1);
    const held = items[index]!;
    items[index] = items[other]!;
    items[other] = held;
  }
  return items;
}
