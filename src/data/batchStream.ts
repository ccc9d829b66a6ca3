import { Rng } from '../engine/rng.ts';
import type { Dataset } from './dataset.ts';

/**
 * Mini-batches drawn without replacement from a data set, reshuffled at every epoch from its own seeded
 * RNG, so batch composition varies from epoch to epoch. One stream is shared by all variants of an
 * experiment: each step takes one batch and every variant trains on it. A batch that runs past the end of
 * an epoch continues into the next (reshuffled) one, so every batch is full.
 */
export class BatchStream {
  /** [batchSize, nIn] the current batch's inputs. */
  readonly x: Float32Array;
  /** [batchSize] the current batch's labels. */
  readonly y: Uint8Array;
  /** [batchSize] row indices of the current batch in the data set. */
  readonly indices: Int32Array;
  private readonly order: Int32Array;
  private readonly rng: Rng;
  private cursor = 0;
  private epochCount = 0;

  /** A stream of batches of batchSize rows from data, shuffled from seed. */
  constructor(
    readonly data: Dataset,
    readonly batchSize: number,
    seed: number,
  ) {
    if (data.count < 1) throw new Error(`data set ${data.name} is empty`);
    this.x = new Float32Array(batchSize * data.nIn);
    this.y = new Uint8Array(batchSize);
    this.indices = new Int32Array(batchSize);
    this.order = Int32Array.from({ length: data.count }, (_, i) => i);
    this.rng = new Rng(seed);
    this.rng.shuffle(this.order);
  }

  /** How many epochs have been completed. */
  get epoch(): number {
    return this.epochCount;
  }

  /** Fills x, y and indices with the next batch. Allocates nothing. */
  next(): void {
    const { data, batchSize, order, x, y, indices } = this;
    const nIn = data.nIn;
    for (let r = 0; r < batchSize; r++) {
      if (this.cursor === order.length) {
        this.cursor = 0;
        this.epochCount++;
        this.rng.shuffle(order);
      }
      const idx = order[this.cursor++];
      indices[r] = idx;
      y[r] = data.y[idx];
      const src = idx * nIn;
      const dst = r * nIn;
      for (let k = 0; k < nIn; k++) x[dst + k] = data.x[src + k];
    }
  }
}
