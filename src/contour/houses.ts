import { Rng } from '../engine/rng.ts';

/** Two features of very different scale and a target: the feature-scaling lab's data. */
export interface Houses {
  /** Rooms, 1 to 8. */
  readonly rooms: Float64Array;
  /** Floor area in m², 20 to 400. */
  readonly area: Float64Array;
  /** Price in thousands of euros. */
  readonly price: Float64Array;
  readonly count: number;
}

/** The true price per room and per m² (k€) that the seeded data is drawn around. */
export const TRUE_SLOPES = [12, 2.5] as const;

/**
 * A seeded set of houses: rooms uniform on 1..8, floor area uniform on 20..400 m² and drawn
 * independently of the rooms (so that scale, not correlation, is the only difference between the two
 * features), and price = 12·rooms + 2.5·area + noise (σ = 40 k€). No intercept: a house with no rooms
 * and no floor costs nothing, so the raw 2-parameter model is the right one.
 */
export function makeHouses(seed = 2015, count = 120): Houses {
  const rng = new Rng(seed);
  const rooms = new Float64Array(count);
  const area = new Float64Array(count);
  const price = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    rooms[i] = 1 + rng.int(8);
    area[i] = rng.range(20, 400);
    price[i] = TRUE_SLOPES[0] * rooms[i] + TRUE_SLOPES[1] * area[i] + 40 * rng.normal();
  }
  return { rooms, area, price, count };
}

/** Mean and (population) standard deviation. */
export function meanStd(v: Float64Array): { mean: number; std: number } {
  let s = 0;
  for (const x of v) s += x;
  const mean = s / v.length;
  let q = 0;
  for (const x of v) q += (x - mean) * (x - mean);
  return { mean, std: Math.sqrt(q / v.length) };
}
