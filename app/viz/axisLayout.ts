/** Chart margins from the axis text they must hold, so titles never overprint tick labels and nothing is clipped. */

/** Em widths of DejaVu Sans (the widest sans-serif the app meets), for characters that appear on axes. */
const EM: Record<string, number> = {
  '0': 0.636,
  '1': 0.636,
  '2': 0.636,
  '3': 0.636,
  '4': 0.636,
  '5': 0.636,
  '6': 0.636,
  '7': 0.636,
  '8': 0.636,
  '9': 0.636,
  '.': 0.318,
  ',': 0.318,
  ' ': 0.318,
  '-': 0.361,
  '−': 0.838,
  '+': 0.838,
  '%': 0.95,
  k: 0.579,
  e: 0.615,
  M: 0.863,
};
/** Any other character: a wide lower-case letter. */
const EM_OTHER = 0.7;

/** The width in px of a tick label at fontPx, estimated on the generous side. */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += EM[ch] ?? EM_OTHER;
  return em * fontPx;
}

/** Plot margins (px) and where the axis texts sit, for one chart. */
export interface ChartLayout {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** x of the rotated y title's baseline. */
  yTitleX: number;
  /** Below the plot: baselines of the x tick labels and of the x title, as offsets from the plot's bottom. */
  xTickDy: number;
  xTitleDy: number;
  /** Gap between a y tick label's right end and the plot. */
  yTickGap: number;
}

const PAD = 2;
const TITLE_GAP = 8;
const TICK_GAP = 8;
/** How far a line of text reaches above and below its baseline, in em: the font box (DejaVu Sans), not just the ink. */
const ASCENT = 0.93;
const DESCENT = 0.24;
/** Tick labels narrower than this still get its room, so stacked charts keep their plots aligned. */
export const Y_TICK_ROOM = '0.0001';

/**
 * The layout of a chart whose y tick labels are `yTicks` and whose x tick labels are `xTicks`, at fontPx: the
 * rotated y title in a band at the far left, then the widest tick label, then the plot; below the plot the x
 * tick labels, then the x title. The last x tick may sit on the plot's right edge: half of it must fit.
 */
export function chartLayout(fontPx: number, yTicks: readonly string[], xTicks: readonly string[]): ChartLayout {
  const widest = Math.max(textWidth(Y_TICK_ROOM, fontPx), ...yTicks.map((t) => textWidth(t, fontPx)));
  const titleBand = (ASCENT + DESCENT) * fontPx;
  const left = Math.ceil(PAD + titleBand + TITLE_GAP + widest + TICK_GAP);
  const lastX = xTicks.length > 0 ? textWidth(xTicks[xTicks.length - 1], fontPx) / 2 : 0;
  const right = Math.ceil(Math.max(18, lastX + 4));
  const xTickDy = TICK_GAP + ASCENT * fontPx;
  const xTitleDy = xTickDy + (DESCENT + ASCENT) * fontPx + TITLE_GAP - 2;
  const bottom = Math.ceil(xTitleDy + DESCENT * fontPx + PAD);
  const top = Math.ceil(Math.max(14, 0.6 * fontPx));
  return { left, right, top, bottom, yTitleX: PAD + ASCENT * fontPx, xTickDy, xTitleDy, yTickGap: TICK_GAP };
}
