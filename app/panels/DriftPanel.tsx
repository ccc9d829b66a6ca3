import { scaleLinear } from 'd3-scale';
import { useMemo, useRef, useState } from 'react';
import { LAYER_STATS, LS } from '../../src/experiment/snapshot.ts';
import { NumberField } from '../controls/NumberField.tsx';
import type { History } from '../history/History.ts';
import { useFrame } from '../hooks/useFrame.ts';
import { useSize } from '../hooks/useSize.ts';
import { updateConfig, useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { nearestIndex, niceCeil } from '../viz/domains.ts';
import { driftLayout, stripRows, symmetricSpan, thinRows } from '../viz/driftLayout.ts';
import { formatStep, formatTick } from '../viz/format.ts';
import { paintHeatStrip } from '../viz/heatStrip.ts';
import { VARIANT_STYLES } from '../viz/palette.ts';
import { bandPath, linePath } from '../viz/paths.ts';
import { spreadSummary } from '../viz/summary.ts';
import { InputShiftTable } from './InputShiftTable.tsx';
import { Panel } from './Panel.tsx';

const STRIP_HEIGHT = 36;
/** A strip paints at most this many columns (one pixel per bin vertically); CSS stretches it. */
const MAX_STRIP_COLUMNS = 256;
const M = { left: 44, right: 20, top: 10, bottom: 30 };
const BAND_KEYS = ['p15', 'p85', 'unitP15', 'unitP85'] as const;
/**
 * The grid redraws about five times a second, less when it has more than eight cells (a deep network with four
 * variants has 24): drift unfolds over hundreds of steps, and every layer × variant redrawn on every frame cost
 * the page its frame rate with three variants.
 */
const driftRedrawMs = (cells: number) => Math.round(200 * Math.max(1, cells / 8));

type Key = keyof typeof LS;

/**
 * Per hidden layer and variant, the 15/50/85th percentiles of the inputs to the nonlinearity over training
 * (the BN paper's Fig. 1b/c), for the tracked unit and the whole layer, each over a histogram-over-time strip.
 */
export function DriftPanel() {
  const history = useTrainer().history;
  const shape = useStore((s) => s.shape);
  const trackLayer = useStore((s) => s.config.trackLayer);
  const trackUnit = useStore((s) => s.config.trackUnit);
  const width = useStore((s) => s.config.width);
  const [boxRef, size] = useSize<HTMLDivElement>();
  const [domain, setDomain] = useState<{ x: number; spans: readonly number[] }>({ x: 10, spans: [] });
  const nv = shape?.variantNames.length ?? 0;
  const nl = shape?.nLayers ?? 1;
  const tracked = Math.min(trackLayer, nl) - 1;
  const { columns, cellWidth, bandHeight } = driftLayout(size.width, nv, nl);
  const x = useMemo(() => scaleLinear().domain([0, domain.x]).range([M.left, cellWidth - M.right]), [domain.x, cellWidth]);
  const ys = useMemo(
    () => Array.from({ length: nl }, (_, l) => scaleLinear().domain([-(domain.spans[l] ?? 2), domain.spans[l] ?? 2]).range([bandHeight - M.bottom, M.top])),
    [domain.spans, nl, bandHeight],
  );
  const refs = useRef<Record<string, SVGPathElement | null>>({});
  const canvases = useRef<Record<string, HTMLCanvasElement | null>>({});
  const summaries = useRef<Record<string, SVGDescElement | null>>({});
  /** What the strips last showed, to skip repainting them when no history row has been added. */
  const painted = useRef('');

  useFrame(
    history,
    (h) => {
      const shape = h.shape;
      const latest = h.latest;
      if (shape === null || latest === null) return;
      const lw = h.layerWidth;
      const stat = (row: number, v: number, l: number, key: Key) =>
        row < h.count ? h.layer[row * lw + (v * shape.nLayers + l) * LAYER_STATS.length + LS[key]] : latest.layer[(v * shape.nLayers + l) * LAYER_STATS.length + LS[key]];
      const n = h.count + 1;
      const nVariants = shape.variantNames.length;
      // Each layer's variants share one locked y axis; the x axis is common to all.
      const plotWidth = Math.max(1, cellWidth - M.left - M.right);
      // About one point per two pixels: the grid draws four paths in every layer of every variant.
      const thin = thinRows(n, plotWidth / 2);
      // Spans over every kept row (not only the drawn ones), so a locked axis does not move when the thinning does.
      const perVariant = n * BAND_KEYS.length;
      const spans = Array.from({ length: shape.nLayers }, (_, l) =>
        symmetricSpan(nVariants * perVariant, (i) => stat(Math.floor((i % perVariant) / BAND_KEYS.length), Math.floor(i / perVariant), l, BAND_KEYS[i % BAND_KEYS.length])),
      );
      const xMax = niceCeil(latest.step);
      if (xMax !== domain.x || spans.length !== domain.spans.length || spans.some((s, l) => s !== domain.spans[l])) {
        setDomain({ x: xMax, spans });
        return;
      }
      const stepAt = (i: number) => {
        const r = thin.row(i);
        return r < h.count ? h.steps[r] : latest.step;
      };
      const at = (v: number, l: number, key: Key) => (i: number) => stat(thin.row(i), v, l, key);
      const lastRowStep = h.count > 0 ? h.steps[h.count - 1] : -1;
      // Strips show kept rows only: after the history thins out, most snapshots leave them as they are.
      const stripKey = `${h.runId}|${h.count}|${lastRowStep}|${domain.x}|${cellWidth}|${nVariants}|${shape.nLayers}|${shape.bins.count}`;
      const rows = stripKey === painted.current ? null : stripRows(stripColumns(cellWidth), domain.x, lastRowStep, h.count, (s) => nearestIndex(h.steps, h.count, s));
      painted.current = stripKey;
      for (let v = 0; v < nVariants; v++) {
        for (let l = 0; l < shape.nLayers; l++) {
          const id = `${v}-${l}`;
          const y = ys[l];
          const set = (name: string, d: string) => refs.current[`${id}-${name}`]?.setAttribute('d', d);
          set('layerBand', bandPath(thin.count, stepAt, at(v, l, 'p15'), at(v, l, 'p85'), x, y));
          set('layerMedian', linePath(thin.count, stepAt, at(v, l, 'p50'), x, y));
          set('unitBand', bandPath(thin.count, stepAt, at(v, l, 'unitP15'), at(v, l, 'unitP85'), x, y));
          set('unitMedian', linePath(thin.count, stepAt, at(v, l, 'unitP50'), x, y));
          if (rows !== null) paintStrip(canvases.current[id], h, v * shape.nLayers + l, rows);
          const said = summaries.current[id];
          if (said) {
            const now = (k: Key) => stat(h.count, v, l, k);
            said.textContent = `Step ${formatStep(latest.step)}. Tracked unit: ${spreadSummary(now('unitP15'), now('unitP50'), now('unitP85'))}. Whole layer: ${spreadSummary(now('p15'), now('p50'), now('p85'))}.`;
          }
        }
      }
    },
    [shape, x, ys, domain, cellWidth],
    driftRedrawMs(nv * nl),
  );

  const xTicks = x.ticks(Math.max(2, Math.floor(cellWidth / 120)));
  return (
    <Panel
      id="drift"
      title="Drift of each layer's inputs"
      watch="In each layer, the coloured band is the 15th–85th percentile of one unit's input over training and the line its median; the grey band is the whole layer's. Without BN they wander and spread; with BN they hold still. Under each, the layer's histogram over time."
      actions={
        <div className="segmented" role="group" aria-label="Tracked layer">
          {Array.from({ length: nl }, (_, l) => (
            <button key={l} type="button" aria-pressed={l === tracked} onClick={() => updateConfig({ trackLayer: l + 1 })}>
              Layer {l + 1}
            </button>
          ))}
        </div>
      }
    >
      <div className="drift-controls">
        <NumberField label="Tracked unit" value={trackUnit} min={0} max={width - 1} integer onCommit={(unit) => updateConfig({ trackUnit: unit })} />
        <p className="drift-legend">
          <span className="swatch unit" /> unit {trackUnit} of each layer <span className="swatch layer" /> whole layer
        </p>
      </div>
      <div ref={boxRef} className="drift-grid" style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
        {shape?.placements.map((p, v) => (
          <div key={p} className="drift-cell">
            <div className="col-head" style={{ color: VARIANT_STYLES[p].ink }}>
              <span className="long-label">{VARIANT_STYLES[p].label}</span>
              <span className="short-label">{VARIANT_STYLES[p].short}</span>
            </div>
            {ys.map((y, l) => {
              const id = `${v}-${l}`;
              const isTracked = l === tracked;
              return (
                <div key={l} className={isTracked ? 'drift-layer tracked' : 'drift-layer'}>
                  <div className="drift-layer-name">
                    Layer {l + 1}
                    {isTracked && <span className="tracked-mark"> · tracked</span>}
                  </div>
                  <svg
                    width={cellWidth}
                    height={bandHeight}
                    role="img"
                    aria-label={`${VARIANT_STYLES[p].label}, layer ${l + 1}: percentiles of its inputs over training`}
                    aria-describedby={`drift-summary-${id}`}
                    data-drift={isTracked ? p : undefined}
                    data-drift-cell={`${p}-${l + 1}`}
                  >
                    <desc ref={(el) => { summaries.current[id] = el; }} id={`drift-summary-${id}`} />
                    {y.ticks(bandHeight < 150 ? 2 : 4).map((t) => (
                      <g key={t}>
                        <line className={t === 0 ? 'zero' : 'gridline'} x1={M.left} x2={cellWidth - M.right} y1={y(t)} y2={y(t)} />
                        <text className="tick" x={M.left - 6} y={y(t)} dy="0.35em" textAnchor="end">
                          {formatTick(t)}
                        </text>
                      </g>
                    ))}
                    {xTicks.map((t) => (
                      <text key={t} className="tick" x={x(t)} y={bandHeight - 8} textAnchor="middle">
                        {formatTick(t)}
                      </text>
                    ))}
                    <path ref={(el) => { refs.current[`${id}-layerBand`] = el; }} className="band layer" />
                    <path ref={(el) => { refs.current[`${id}-layerMedian`] = el; }} className="median layer" />
                    <path ref={(el) => { refs.current[`${id}-unitBand`] = el; }} className="band unit" fill={VARIANT_STYLES[p].color} />
                    <path ref={(el) => { refs.current[`${id}-unitMedian`] = el; }} className="median unit" stroke={VARIANT_STYLES[p].color} />
                  </svg>
                  <canvas
                    ref={(el) => {
                      // A new canvas is blank: paint the strips again at the next draw.
                      if (el !== null && canvases.current[id] !== el) painted.current = '';
                      canvases.current[id] = el;
                    }}
                    className="heat-strip"
                    width={stripColumns(cellWidth)}
                    height={shape.bins.count}
                    style={{ marginLeft: M.left, width: Math.max(1, cellWidth - M.left - M.right), height: STRIP_HEIGHT }}
                    aria-label={`${VARIANT_STYLES[p].label}: histogram of layer ${l + 1} inputs over time, brighter where more inputs fall`}
                    role="img"
                  />
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <InputShiftTable />
    </Panel>
  );
}

/** A strip's canvas columns: one per history row at most, stretched to the chart's width on screen. */
function stripColumns(cellWidth: number): number {
  return Math.max(1, Math.min(MAX_STRIP_COLUMNS, cellWidth - M.left - M.right));
}

/** Paints one cell's strip: column c shows history row rows[c] of histogram `cell` (variant × layer). */
function paintStrip(canvas: HTMLCanvasElement | null | undefined, h: History, cell: number, rows: Int32Array): void {
  if (!canvas || h.shape === null) return;
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  const { count: bins } = h.shape.bins;
  const hw = h.histWidth;
  const base = cell * bins;
  // Brightness is relative to the rows drawn, so a long history costs no more than a short one.
  let max = 0;
  for (const r of rows) if (r >= 0) for (let b = 0; b < bins; b++) max = Math.max(max, h.hist[r * hw + base + b]);
  const image = ctx.createImageData(canvas.width, canvas.height);
  paintHeatStrip(image.data, canvas.width, canvas.height, (c) => rows[c] ?? -1, bins, (r, b) => h.hist[r * hw + base + b], max);
  ctx.putImageData(image, 0, 0);
}
