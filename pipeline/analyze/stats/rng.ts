/**
 * Seeded pseudo-random numbers. Every random choice in the analyze stage (bootstrap resampling,
 * noise, random restarts) draws from one of these, so a run is reproducible from its seed alone;
 * Math.random is never used.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, passes
 * PractRand), seeded through splitmix32 so that nearby seeds (1, 2, 3...) give unrelated streams.
 */

/** A reproducible stream of random numbers. */
export interface Rng {
  /** Uniform on [0, 1), 32 bits of resolution. */
  next(): number;
  /** Uniform integer on 0..n-1 (n ≥ 1). */
  int(n: number): number;
  /** Uniform on [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Standard normal deviate (Box–Muller; one of the pair is cached). */
  normal(): number;
  /** The raw next 32-bit unsigned integer. */
  nextUint32(): number;
  /**
   * sfc32's four state words, for a hot loop that steps the generator inline on local variables
   * (bootstrapOls): a call per draw costs several times the draw itself. Such a loop hands the
   * words back with setState, and the stream continues exactly where it left off. (The spare
   * normal deviate of normal() is not part of the state.)
   */
  getState(): Int32Array;
  setState(state: Int32Array): void;
}

const TWO_POW_32 = 4294967296;

/** splitmix32 step: a good bijective mixer, used only to spread the seed over sfc32's state. */
function splitmix32(state: number): [number, number] {
  const s = (state + 0x9e3779b9) | 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  z ^= z >>> 15;
  return [s, z >>> 0];
}

/**
 * Create a generator from a seed. Any finite number is accepted; non-integers and values beyond
 * 32 bits are folded in (both the low and high 32-bit halves count), so distinct integer seeds
 * below 2^53 give distinct streams.
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const lo = Math.trunc(seed) >>> 0;
  const hi = Math.floor(Math.trunc(seed) / TWO_POW_32) >>> 0;
  let sm = lo ^ Math.imul(hi, 0x85ebca6b);
  let a: number, b: number, c: number, d: number;
  [sm, a] = splitmix32(sm);
  [sm, b] = splitmix32(sm);
  [sm, c] = splitmix32(sm);
  [sm, d] = splitmix32(sm);

  function nextUint32(): number {
    // sfc32, as published; `| 0` keeps every intermediate in int32.
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }
  // Discard a few outputs so the first draws do not echo the seeding.
  for (let i = 0; i < 12; i++) nextUint32();

  let spare: number | null = null;
  const next = (): number => nextUint32() / TWO_POW_32;
  return {
    next,
    nextUint32,
    getState: (): Int32Array => Int32Array.of(a, b, c, d),
    setState(state: Int32Array): void {
      a = state[0] | 0;
      b = state[1] | 0;
      c = state[2] | 0;
      d = state[3] | 0;
    },
    // Floor of a [0,1) uniform times n: the bias is below n / 2^32, negligible for resampling sizes.
    int: (n: number): number => Math.floor(next() * n),
    uniform: (lo2: number, hi2: number): number => lo2 + (hi2 - lo2) * next(),
    normal(): number {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = next();
      while (u === 0) u = next(); // log(0) guard
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}
