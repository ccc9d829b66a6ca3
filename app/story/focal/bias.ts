import type { Placement } from '../../../src/engine/index.ts';
import type { History } from '../../history/History.ts';
import { probeSeries, type SeriesPoint } from './probeSeries.ts';

/** The hidden layer whose bias the chart draws (0-based: layer 3, the BN paper's tracked layer). */
export const BIAS_LAYER = 2;
/** The log axis runs from float rounding of an exact zero… */
export const BIAS_FLOOR = 1e-10;
/** …to above the plain network's bias gradient. */
export const BIAS_TOP = 1;
/** Below this, float32 arithmetic (7 significant digits) cannot tell a gradient of ~10⁻² per example from 0. */
export const ROUNDING_TOP = 1e-6;

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** An integer in superscript, with a superscript minus: −9 → "⁻⁹". */
export function superscriptInt(n: number): string {
  const digits = String(Math.abs(Math.round(n)))
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)])
    .join('');
  return n < 0 ? `⁻${digits}` : digits;
}

/** A positive number in scientific notation with two significant digits: 0.0451 → "4.5×10⁻²"; "—" when unknown. */
export function sci(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const [mantissa, exponent] = v.toExponential(1).split('e');
  return `${mantissa.replace('-', '−')}×10${superscriptInt(Number(exponent))}`;
}

/** A decade tick: 1e-6 → "10⁻⁶", 1 → "1". */
export function decade(v: number): string {
  const e = Math.round(Math.log10(v));
  return e === 0 ? '1' : `10${superscriptInt(e)}`;
}

/** ‖∂L/∂b‖ of one hidden layer's dense bias over the run: a point per snapshot that has a gradient (step 0 has none). */
export function biasSeries(h: History, v: number, layer = BIAS_LAYER): SeriesPoint<number>[] {
  return probeSeries(h, v, null, (r) => r.layer(layer, 'biasGradNorm')).filter((p) => Number.isFinite(p.value));
}

/** The largest ‖∂L/∂b‖ of a variant over every hidden layer and every kept snapshot (NaN before any). */
export function largestBiasGrad(h: History, v: number): number {
  const nLayers = h.shape?.nLayers ?? 0;
  let top = NaN;
  for (let layer = 0; layer < nLayers; layer++) {
    for (const p of biasSeries(h, v, layer)) if (!(p.value <= top)) top = p.value;
  }
  return top;
}

/** What the chart writes on a variant's line, beside its latest value: BN before's as rounding of an exact 0 (shorter when compact). */
export function biasLabel(placement: Placement, short: string, value: number, compact = false): { text: string; note: string | null } {
  const text = `${short}: ${sci(value)}`;
  if (placement === 'before' || placement === 'ln-before') return { text, note: compact ? 'rounding of an exact 0' : 'float rounding of an exact 0' };
  if (placement === 'after') return { text, note: compact ? 'a real gradient' : 'b before the sigmoid: a real gradient' };
  return { text, note: null };
}

/** The latest values this run drew, per placement (layer BIAS_LAYER). */
export interface BiasRun {
  readonly step: number;
  readonly latest: Partial<Record<Placement, number>>;
}

/**
 * The claim line from this run's own numbers only: "Here, at step 200: 8.6×10⁻⁹ with BN before; plain
 * 4.5×10⁻², BN after 1.0×10⁻²." Null until the run has them.
 */
export function biasRunLine(run: BiasRun): string | null {
  const { none, before, after } = run.latest;
  if (before === undefined || none === undefined || !Number.isFinite(before) || !Number.isFinite(none)) return null;
  const afterPart = after !== undefined && Number.isFinite(after) ? `, BN after ${sci(after)}` : '';
  return `Here, at step ${run.step.toLocaleString('en-US')}: ${sci(before)} with BN before; plain ${sci(none)}${afterPart}.`;
}

/** BN before's bound over every layer and step of this run, in words; null before it has one. */
export function biasLayersLine(largest: number, nLayers: number): string | null {
  return Number.isFinite(largest) ? `In this run, BN before’s ‖∂L/∂b‖ never exceeded ${sci(largest)} in any of its ${nLayers} layers, at any step.` : null;
}
