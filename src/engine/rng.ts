import { log, sinCos2Pi } from './detMath.ts';

/**
 * A small seeded PRNG (sfc32, seeded through splitmix32). Passed in explicitly wherever randomness is
 * needed, so that the same seed gives the same run, bit for bit, in Node and in the browser.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal = 0;
  private hasSpare = false;

  /** A generator whose whole sequence is fixed by `seed` (any finite number; reduced to 32 bits). */
  constructor(seed: number) {
    let s = (Math.trunc(seed) >>> 0) ^ 0x9e3779b9;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    // Warm up so that nearby seeds decorrelate.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A uniform number in [0, 1) with 32 bits of resolution. */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform number in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** A standard normal sample (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareNormal;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    // Deterministic log, sin and cos: the same bits in every engine (Math.sqrt is exactly rounded anyway).
    const r = Math.sqrt(-2 * log(u));
    const [sin, cos] = sinCos2Pi(v);
    this.spareNormal = r * sin;
    this.hasSpare = true;
    return r * cos;
  }

  /** Shuffles `items` in place (Fisher–Yates). */
  shuffle<T extends { length: number; [i: number]: number | unknown }>(items: T): T {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** The generator's full state, to resume it later with `setState`. */
  getState(): [number, number, number, number, number, number] {
    return [this.a, this.b, this.c, this.d, this.spareNormal, this.hasSpare ? 1 : 0];
  }

  /** Restores a state from `getState`. */
  setState(state: readonly number[]): void {
    [this.a, this.b, this.c, this.d, this.spareNormal] = state;
    this.hasSpare = state[5] === 1;
  }
}
