import type { EvidencePoint } from './evidenceData.ts';

/** The extent a value axis must cover: every median, min and max that was reached. */
export function valueExtent(values: readonly (number | null)[]): number {
  return values.reduce<number>((m, v) => (v !== null && Number.isFinite(v) ? Math.max(m, v) : m), 0);
}

/** The chart's domains: shift from 0, steps from 0, and whether a "not reached" row is needed above. */
export function evidenceDomains(points: readonly EvidencePoint[]): { shiftMax: number; stepsMax: number; unreached: boolean } {
  const shifts = points.flatMap((p) => [p.shift.min, p.shift.median, p.shift.max]);
  const steps = points.flatMap((p) => [p.steps.min, p.steps.median, p.steps.max]);
  return {
    shiftMax: Math.max(valueExtent(shifts) * 1.12, 1e-6),
    stepsMax: Math.max(valueExtent(steps) * 1.12, 100),
    unreached: steps.some((v) => v === null),
  };
}

/** A label to place: the mark it names (pixels), its estimated width, and the side it prefers. */
export interface LabelWant {
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

/** A placed label: its baseline position and anchor. */
export interface Placed {
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
}

interface Rect {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Places each label beside its mark without overlapping another label, a mark or an obstacle: it tries the
 * right of the mark, then the left, at the mark's height and then a line lower or higher, further each
 * round; labels are placed in order (give the most important first). `gap` is the space from the mark.
 */
export function placeLabels(wants: readonly LabelWant[], line: number, box: Rect, gap = 14, markRadius = 9, obstacles: readonly Rect[] = []): Placed[] {
  const taken: Rect[] = [...wants.map((w) => ({ x0: w.x - markRadius, x1: w.x + markRadius, y0: w.y - markRadius, y1: w.y + markRadius })), ...obstacles];
  const out: Placed[] = [];
  for (const w of wants) {
    const candidates: Placed[] = [];
    for (let k = 0; k <= 6; k++)
      for (const dy of k === 0 ? [0] : [k * line * 0.8, -k * line * 0.8])
        for (const anchor of ['start', 'end'] as const) candidates.push({ x: w.x + (anchor === 'start' ? gap : -gap), y: w.y + line * 0.32 + dy, anchor });
    const rect = (p: Placed): Rect => {
      const x0 = p.anchor === 'start' ? p.x : p.x - w.width;
      return { x0, x1: x0 + w.width, y0: p.y - line * 0.8, y1: p.y + line * 0.2 };
    };
    const inside = (r: Rect) => r.x0 >= box.x0 && r.x1 <= box.x1 && r.y0 >= box.y0 && r.y1 <= box.y1;
    const free = candidates.find((p) => inside(rect(p)) && !taken.some((t) => overlaps(t, rect(p))));
    const chosen = free ?? candidates.find((p) => inside(rect(p))) ?? candidates[0];
    taken.push(rect(chosen));
    out.push(chosen);
  }
  return out;
}

/** A box in pixels that a label must keep clear of. */
export type Box = Rect;

/**
 * Where along the line from `from` to `to` (as a fraction `t`) to centre a label of `width` pixels written
 * along it, and on which side (`offset` pixels to its left, above a rising line, or as far to its right),
 * so that it clears every obstacle and stays within the box: the first fraction of `tries`, left side first,
 * that does; else the first that stays within the box; else the first try.
 */
export function alongLineSpot(
  from: readonly [number, number],
  to: readonly [number, number],
  width: number,
  offset: number,
  obstacles: readonly Box[],
  within: Box = { x0: -Infinity, x1: Infinity, y0: -Infinity, y1: Infinity },
  tries: readonly number[] = [0.62, 0.72, 0.52, 0.8, 0.42, 0.35],
): { t: number; offset: number } {
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const n = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / n, dy / n];
  // Left of the direction of travel in screen coordinates (y down): (uy, −ux).
  const [px, py] = [uy, -ux];
  const spots = [offset, -offset].flatMap((o) => tries.map((t) => ({ t, offset: o })));
  const samples = ({ t, offset: o }: { t: number; offset: number }) =>
    Array.from({ length: 21 }, (_, i) => {
      const s = i / 20 - 0.5;
      return [from[0] + t * dx + s * width * ux + o * px, from[1] + t * dy + s * width * uy + o * py] as const;
    });
  const inBox = (spot: { t: number; offset: number }) => samples(spot).every(([x, y]) => x >= within.x0 && x <= within.x1 && y >= within.y0 && y <= within.y1);
  const clear = (spot: { t: number; offset: number }) =>
    inBox(spot) && samples(spot).every(([x, y]) => !obstacles.some((b) => x >= b.x0 && x <= b.x1 && y >= b.y0 - 4 && y <= b.y1 + 4));
  return spots.find(clear) ?? spots.find(inBox) ?? spots[0];
}
