/** A labelled set of rows: x is [count, nIn] row-major, y holds an integer class per row. */
export interface Dataset {
  readonly name: string;
  readonly x: Float32Array;
  readonly y: Uint8Array;
  readonly count: number;
  readonly nIn: number;
  readonly nClasses: number;
}

/** Train and test parts of one data source. */
export interface Split {
  readonly train: Dataset;
  readonly test: Dataset;
}
