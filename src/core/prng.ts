/**
 * The one source of randomness in the pure layers: a small, fast, seeded PRNG that gives the same
 * stream in every browser and in Node (32-bit integer arithmetic only).
 *
 * Algorithm: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, PractRand-clean), seeded
 * through splitmix32 so that nearby seeds (0, 1, 2, …) give unrelated streams.
 */

/** A seeded random stream. Every method advances the stream; none is affected by other streams. */
export interface Rng {
  /** Uniform float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** Uniform integer in [0, n). Throws for n ≤ 0 or non-integer n. */
  int(n: number): number;
  /** Uniform integer in [lo, hi] (both inclusive). */
  range(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** Index drawn with probability proportional to the given non-negative weights. */
  weighted(weights: ArrayLike<number>): number;
  /** A new independent stream derived from this stream's seed and a label (does not advance this one). */
  fork(label: string | number): Rng;
  /** The 32-bit seed this stream was created from. */
  readonly seed: number;
  /** Where the stream is now: `restoreRng(rng.state())` continues it exactly (for saved runs). */
  state(): RngState;
}

/** A stream's position: its seed and the four 32-bit words of the sfc32 state. */
export interface RngState {
  seed: number;
  words: [number, number, number, number];
}

/** Mixes a 32-bit integer into a well-distributed 32-bit integer (splitmix32 finaliser). */
export function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Hashes a string to a 32-bit integer (FNV-1a followed by mix32), stable across platforms. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** Normalises any finite number (or string) into a 32-bit unsigned seed. */
export function toSeed(seed: number | string): number {
  if (typeof seed === 'string') return hashString(seed);
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  // Fold the high bits in so that seeds beyond 2^32 still differ.
  const high = Math.floor(seed / 4294967296);
  return (mix32(seed >>> 0) ^ mix32(high | 0)) >>> 0;
}

/** Creates a seeded stream. The same seed gives the same stream everywhere. */
export function createRng(seed: number | string): Rng {
  return streamFrom(toSeed(seed), null);
}

/**
 * Continues a stream from a saved `state()`: the next draws are exactly those the saved stream would
 * have given. Throws for a state that no stream can have (words not 32-bit unsigned integers).
 */
export function restoreRng(state: RngState): Rng {
  const ok = (x: unknown) => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 0xffffffff;
  if (!ok(state.seed) || state.words.length !== 4 || !state.words.every(ok)) {
    throw new Error('a random stream\'s state must be a 32-bit seed and four 32-bit words');
  }
  return streamFrom(state.seed, state.words);
}

function streamFrom(seed32: number, words: RngState['words'] | null): Rng {
  let a = mix32(seed32);
  let b = mix32(a ^ 0x6a09e667);
  let c = mix32(b ^ 0xbb67ae85);
  let d = 1;

  function nextUint32(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }
  // Discard the first outputs so that the state is fully mixed.
  if (words) [a, b, c, d] = [words[0] | 0, words[1] | 0, words[2] | 0, words[3] | 0];
  else for (let i = 0; i < 12; i++) nextUint32();

  const rng: Rng = {
    seed: seed32,
    next: () => nextUint32() / 4294967296,
    int(n) {
      if (!Number.isInteger(n) || n <= 0) throw new Error(`int(n) needs a positive integer, got ${n}`);
      // Rejection sampling removes the modulo bias.
      const limit = 4294967296 - (4294967296 % n);
      let x = nextUint32();
      while (x >= limit) x = nextUint32();
      return x % n;
    },
    range(lo, hi) {
      if (hi < lo) throw new Error(`range(${lo}, ${hi}) is empty`);
      return lo + rng.int(hi - lo + 1);
    },
    chance: (p) => rng.next() < p,
    pick(items) {
      if (items.length === 0) throw new Error('pick() from an empty array');
      return items[rng.int(items.length)];
    },
    shuffle(items) {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    weighted(weights) {
      let total = 0;
      for (let i = 0; i < weights.length; i++) {
        const w = weights[i];
        if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`weighted(): weight ${i} is ${w}, expected a finite number ≥ 0`);
        total += w;
      }
      if (total <= 0) throw new Error('weighted(): all weights are zero');
      let u = rng.next() * total;
      for (let i = 0; i < weights.length; i++) {
        u -= weights[i];
        if (u < 0) return i;
      }
      // Floating-point round-off: return the last index with positive weight.
      for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
      return weights.length - 1;
    },
    state: () => ({ seed: seed32, words: [a >>> 0, b >>> 0, c >>> 0, d >>> 0] }),
    fork: (label) => createRng(mix32(seed32 ^ (typeof label === 'number' ? mix32(label >>> 0) : hashString(label)))),
  };
  return rng;
}
