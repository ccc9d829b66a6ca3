import type { ScaleLinear } from 'd3-scale';
import type { HistogramBins } from '../../src/experiment/index.ts';
import { formatTick } from '../viz/format.ts';
import { heatLegendGradient } from '../viz/heatStrip.ts';
import { VARIANT_STYLES } from '../viz/palette.ts';
import type { QuantityCell } from '../viz/quantities.ts';

/** The drift chart's margins: the strip under it lines up with its plot area. */
export const DRIFT_MARGIN = { left: 44, right: 20, top: 10, bottom: 30 };
/** A strip's height on screen. */
export const STRIP_HEIGHT = 36;
/** A strip paints at most this many columns (one pixel per bin vertically); CSS stretches it. */
export const MAX_STRIP_COLUMNS = 256;

/** A strip's canvas columns: one per history row at most, stretched to the chart's width on screen. */
export function stripColumns(cellWidth: number): number {
  return Math.max(1, Math.min(MAX_STRIP_COLUMNS, cellWidth - DRIFT_MARGIN.left - DRIFT_MARGIN.right));
}

/** Where the panel keeps a chart's live elements, to redraw them without re-rendering. */
export interface DriftChartHooks {
  path: (name: 'layerBand' | 'layerMedian' | 'unitBand' | 'unitMedian', el: SVGPathElement | null) => void;
  canvas: (el: HTMLCanvasElement | null) => void;
  desc: (el: SVGDescElement | null) => void;
}

interface DriftChartProps {
  readonly cell: QuantityCell;
  /** 0-based layer. */
  readonly layer: number;
  readonly id: string;
  readonly quantity: string;
  readonly tracked: boolean;
  readonly width: number;
  readonly height: number;
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  readonly xTicks: readonly number[];
  readonly bins: HistogramBins;
  readonly attach: DriftChartHooks;
}

/**
 * One layer × variant × quantity of the drift grid: the percentile bands over training (BN paper, Fig. 1b/c)
 * over the histogram-over-time strip of the same values, with the strip's value range beside it.
 */
export function DriftChart({ cell, layer, id, quantity, tracked, width, height, x, y, xTicks, bins, attach }: DriftChartProps) {
  const M = DRIFT_MARGIN;
  const style = VARIANT_STYLES[cell.placement];
  const name = `${cell.placement}-${layer + 1}`;
  // The nonlinearity's input (or the one quantity) keeps the attributes tests and the story look for.
  const isZ = cell.quantity === 'z';
  const data = isZ
    ? { 'data-drift-z-cell': name, 'data-drift-z': tracked ? cell.placement : undefined }
    : { 'data-drift-cell': name, 'data-drift': tracked ? cell.placement : undefined };
  return (
    <div className="drift-chart" data-quantity={cell.quantity}>
      <div className="drift-chart-head">
        <span className="variant-name" style={{ color: style.ink }}>
          <span className="long-label">{style.label}</span>
          <span className="short-label">{style.short}</span>
        </span>
        <span className="quantity-name">{quantity}</span>
      </div>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`${style.label}, layer ${layer + 1}, ${quantity}: percentiles over training`}
        aria-describedby={`drift-summary-${id}`}
        {...data}
      >
        <desc ref={(el) => attach.desc(el)} id={`drift-summary-${id}`} />
        {y.ticks(height < 150 ? 2 : 4).map((t) => (
          <g key={t}>
            <line className={t === 0 ? 'zero' : 'gridline'} x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} />
            <text className="tick" x={M.left - 6} y={y(t)} dy="0.35em" textAnchor="end">
              {formatTick(t)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={t} className="tick" x={x(t)} y={height - 8} textAnchor="middle">
            {formatTick(t)}
          </text>
        ))}
        <path ref={(el) => attach.path('layerBand', el)} className="band layer" />
        <path ref={(el) => attach.path('layerMedian', el)} className="median layer" />
        <path ref={(el) => attach.path('unitBand', el)} className="band unit" fill={style.color} />
        <path ref={(el) => attach.path('unitMedian', el)} className="median unit" stroke={style.color} />
      </svg>
      <div className="strip-row">
        <div className="strip-range" style={{ width: M.left, height: STRIP_HEIGHT }} aria-hidden="true">
          <span>{formatTick(bins.hi)}</span>
          <span>{formatTick(bins.lo)}</span>
        </div>
        <canvas
          ref={(el) => attach.canvas(el)}
          className="heat-strip"
          width={stripColumns(width)}
          height={bins.count}
          style={{ width: Math.max(1, width - M.left - M.right), height: STRIP_HEIGHT }}
          aria-label={`${style.label}, layer ${layer + 1}, ${quantity}: histogram over time from ${formatTick(bins.lo)} to ${formatTick(bins.hi)}, brighter where more values fall`}
          role="img"
        />
      </div>
    </div>
  );
}

/** The strips' colour key: what dark and bright mean. */
export function StripLegend() {
  return (
    <p className="strip-legend">
      <span>Strip under each chart: its histogram over time, low values at the bottom; share of the batch per bin:</span>{' '}
      <span className="strip-key">
        <span>none</span>
        <span className="strip-ramp" style={{ background: heatLegendGradient() }} aria-hidden="true" />
        <span>the strip’s most</span>
      </span>
    </p>
  );
}
