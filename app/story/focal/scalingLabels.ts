/** A point in pixels. */
export type Px = readonly [number, number];

/** Where a label goes: its anchor point and which way its text runs from there. */
export interface LabelSpot {
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

/**
 * A label `gap` pixels from `at`, in the direction pointing away from `from` (so a label on the start
 * point sits on the side away from the minimum, and one on the minimum beyond it): the text runs away
 * from the mark, and a label above or below is centred on it. The y is the text's baseline.
 */
export function labelAway(at: Px, from: Px, gap: number): LabelSpot {
  let dx = at[0] - from[0];
  let dy = at[1] - from[1];
  const n = Math.hypot(dx, dy);
  if (n < 1e-9) [dx, dy] = [0, -1];
  else [dx, dy] = [dx / n, dy / n];
  const anchor = dx > 0.45 ? 'start' : dx < -0.45 ? 'end' : 'middle';
  // A baseline sits under the text: shift down by about a third of a line when the label goes below.
  const baseline = dy > 0.45 ? 12 : Math.abs(dy) <= 0.45 ? 5 : 0;
  return { x: at[0] + gap * dx, y: at[1] + gap * dy + baseline, anchor };
}

/** The pixel bounding box of the kept path points from `from` to `to` (inclusive). */
export function pathBox(
  points: Float64Array,
  from: number,
  to: number,
  x: (w: number) => number,
  y: (w: number) => number,
): { x0: number; x1: number; y0: number; y1: number } {
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  const last = Math.min(to, points.length / 2 - 1);
  for (let i = Math.max(0, from); i <= last; i++) {
    const px = x(points[2 * i]);
    const py = y(points[2 * i + 1]);
    x0 = Math.min(x0, px);
    x1 = Math.max(x1, px);
    y0 = Math.min(y0, py);
    y1 = Math.max(y1, py);
  }
  return { x0, x1, y0, y1 };
}

/**
 * Where the zig-zag's label goes: beside the box of the first steps, on the side with more room in the
 * plot (left or right), level with the box's upper quarter (the valley floor runs through its middle).
 */
export function zigzagSpot(box: { x0: number; x1: number; y0: number; y1: number }, plot: PlotBox, gap = 12): LabelSpot {
  const roomLeft = box.x0 - plot.left;
  const roomRight = plot.right - box.x1;
  const y = Math.min(plot.bottom - 8, Math.max(plot.top + 18, box.y0 + (box.y1 - box.y0) / 4));
  return roomRight >= roomLeft ? { x: box.x1 + gap, y, anchor: 'start' } : { x: box.x0 - gap, y, anchor: 'end' };
}

/** The plot's inner box in pixels. */
export interface PlotBox {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * A label moved inside the plot: `width` is its estimated width in pixels, `height` its line height; the
 * baseline stays at least a line below the top and the text within the sides.
 */
export function keepInside(spot: LabelSpot, width: number, height: number, plot: PlotBox): LabelSpot {
  const lo = spot.anchor === 'start' ? plot.left : spot.anchor === 'end' ? plot.left + width : plot.left + width / 2;
  const hi = spot.anchor === 'start' ? plot.right - width : spot.anchor === 'end' ? plot.right : plot.right - width / 2;
  const x = lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, spot.x));
  const y = Math.min(plot.bottom - 4, Math.max(plot.top + height, spot.y));
  return { x, y, anchor: spot.anchor };
}

/** A step-count label on two lines, broken before its number: "converged in" / "174 steps". */
export function splitLabel(text: string): string[] {
  const at = Math.max(...[' in ', ' after ', ' at '].map((w) => (text.lastIndexOf(w) < 0 ? -1 : text.lastIndexOf(w) + w.length - 1)));
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}

/**
 * A step-count label in lines no wider than `room`: one line, else broken before its number (splitLabel), else
 * word by word (a narrow plot: "still crawling" / "after 26" / "steps"). A single word wider than room keeps its line.
 */
export function fitLabel(text: string, widthOf: (line: string) => number, room: number): string[] {
  if (widthOf(text) <= room) return [text];
  const two = splitLabel(text);
  if (two.every((line) => widthOf(line) <= room)) return two;
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && widthOf(`${last} ${word}`) <= room) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
