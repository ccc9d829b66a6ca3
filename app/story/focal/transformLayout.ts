/** How the three panels x → x̂ → y sit: side by side (value axis vertical) or one above the other (horizontal). */
export type Orientation = 'columns' | 'rows';

/** Below this width the panels stack top to bottom (a phone), each a full-width dot histogram. */
export const ROWS_BELOW = 640;
/** Below this height the stacked strips keep tighter headings and gaps. */
export const SHORT_BELOW = 340;

/**
 * The geometry of the transform chart. Each panel has a baseline along the stack axis, where its dots start,
 * and a depth; dots and marks are placed by (value, distance from the baseline) through `point`.
 */
export interface TransformLayout {
  readonly orientation: Orientation;
  /** Pixels of the value axis: [where the domain's minimum sits, where its maximum sits]. */
  readonly valueRange: readonly [number, number];
  /** Each panel's baseline on the stack axis (x for columns, y for rows). */
  readonly base: readonly number[];
  /** How far each panel reaches from its baseline. */
  readonly depth: number;
  /** +1: dots stack rightwards (columns); −1: upwards (rows). */
  readonly dir: 1 | -1;
  /** Each panel's heading: its centre (columns) or its top-left corner (rows). */
  readonly head: readonly { readonly x: number; readonly y: number }[];
  /** Where value ticks are written: x of the left axis (columns) or y of the bottom axis (rows). */
  readonly tickAt: number;
}

/** The layout for a chart of width × height; presenter mode leaves room for its larger heading. */
export function transformLayout(width: number, height: number, presenting: boolean): TransformLayout {
  if (width < ROWS_BELOW) {
    // A short chart (a sidebar's embed) gives its strips the room its headings and gaps can spare.
    const short = height < SHORT_BELOW;
    const top = short ? 2 : 6;
    const bottom = short ? 22 : 26;
    const gap = short ? 14 : 26;
    const stripH = (height - top - bottom - 2 * gap) / 3;
    const title = short ? 30 : 40;
    const tops = [0, 1, 2].map((i) => top + i * (stripH + gap));
    return {
      orientation: 'rows',
      valueRange: [30, width - 14],
      base: tops.map((t) => t + stripH),
      depth: stripH - title,
      dir: -1,
      head: tops.map((t) => ({ x: 8, y: t })),
      tickAt: height - 8,
    };
  }
  const left = 52;
  const top = presenting ? 164 : 108;
  const bottom = 34;
  const gap = Math.min(120, Math.max(60, width * 0.09));
  const pw = (width - left - 8 - 2 * gap) / 3;
  const base = [0, 1, 2].map((i) => left + i * (pw + gap));
  return {
    orientation: 'columns',
    valueRange: [height - bottom, top],
    base,
    depth: pw,
    dir: 1,
    head: base.map((b) => ({ x: b + pw / 2, y: top - (presenting ? 46 : 30) })),
    tickAt: left - 8,
  };
}

/** The pixel point of a value at distance d from panel i's baseline, given the value axis's scale. */
export function point(l: TransformLayout, val: (v: number) => number, i: number, value: number, d: number): [number, number] {
  const s = l.base[i] + l.dir * d;
  return l.orientation === 'columns' ? [s, val(value)] : [val(value), s];
}

/** Distances from the baselines where a link leaves panel i and enters panel i + 1. */
export function linkDepths(l: TransformLayout): { exit: number; enter: number } {
  return l.orientation === 'columns' ? { exit: l.depth, enter: 0 } : { exit: 0, enter: l.depth };
}
