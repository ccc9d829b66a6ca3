import { scaleLinear } from 'd3-scale';
import { useMemo, useRef, useState } from 'react';
import { LAYER_STATS, LS } from '../../src/experiment/snapshot.ts';
import type { History } from '../history/History.ts';
import { useFrame } from '../hooks/useFrame.ts';
import { useSize } from '../hooks/useSize.ts';
import { updateConfig, useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { nearestIndex, niceCeil } from '../viz/domains.ts';
import { formatStep, formatTick } from '../viz/format.ts';
import { paintHeatStrip } from '../viz/heatStrip.ts';
import { VARIANT_STYLES } from '../viz/palette.ts';
import { bandPath, linePath } from '../viz/paths.ts';
import { spreadSummary } from '../viz/summary.ts';
import { InputShiftTable } from './InputShiftTable.tsx';
import { Panel } from './Panel.tsx';

const BAND_HEIGHT = 170;
const STRIP_HEIGHT = 64;
const M = { left: 44, right: 20, top: 10, bottom: 30 };
/** The narrowest a variant's chart may get before the grid wraps. */
const MIN_CELL = 170;

type Key = keyof typeof LS;

/** The 15/50/85th percentiles of one layer's nonlinearity inputs over training (BN paper, Fig. 1b/c), and a heat strip. */
export function DriftPanel() {
  const history = useTrainer().history;
  const shape = useStore((s) => s.shape);
  const trackLayer = useStore((s) => s.config.trackLayer);
  const trackUnit = useStore((s) => s.config.trackUnit);
  const [boxRef, size] = useSize<HTMLDivElement>();
  const [domain, setDomain] = useState<{ x: number; y: [number, number] }>({ x: 10, y: [-2, 2] });
  const nv = shape?.variantNames.length ?? 0;
  const nl = shape?.nLayers ?? 1;
  const layer = Math.min(trackLayer, nl) - 1;
  // Four variants in a narrow column wrap into two rows rather than overflow.
  const columns = Math.max(1, Math.min(nv, Math.floor(size.width / MIN_CELL)));
  const cellWidth = Math.max(MIN_CELL - 12, Math.floor(size.width / columns) - 12);
  const x = useMemo(() => scaleLinear().domain([0, domain.x]).range([M.left, cellWidth - M.right]), [domain.x, cellWidth]);
  const y = useMemo(() => scaleLinear().domain(domain.y).range([BAND_HEIGHT - M.bottom, M.top]), [domain.y]);
  const refs = useRef<Record<string, SVGPathElement | null>>({});
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const summaries = useRef<(SVGDescElement | null)[]>([]);

  useFrame(
    history,
    (h) => {
      if (h.shape === null || h.latest === null) return;
      const width = LAYER_STATS.length;
      const lw = h.layerWidth;
      const stat = (row: number, v: number, key: Key) =>
        row < h.count ? h.layer[row * lw + (v * h.shape!.nLayers + layer) * width + LS[key]] : h.latest!.layer[(v * h.shape!.nLayers + layer) * width + LS[key]];
      let lo = Infinity;
      let hi = -Infinity;
      const n = h.count + 1;
      for (let v = 0; v < h.shape.variantNames.length; v++) {
        for (let r = 0; r < n; r++) {
          for (const k of ['p15', 'p85', 'unitP15', 'unitP85'] as const) {
            const val = stat(r, v, k);
            if (Number.isFinite(val)) {
              lo = Math.min(lo, val);
              hi = Math.max(hi, val);
            }
          }
        }
      }
      const span = Number.isFinite(lo) ? niceCeil(Math.max(Math.abs(lo), Math.abs(hi)), 1) : 2;
      const xMax = niceCeil(h.latest.step);
      if (span !== domain.y[1] || xMax !== domain.x) {
        setDomain({ x: xMax, y: [-span, span] });
        return;
      }
      const stepAt = (r: number) => (r < h.count ? h.steps[r] : h.latest!.step);
      for (let v = 0; v < h.shape.variantNames.length; v++) {
        const set = (name: string, d: string) => refs.current[`${v}-${name}`]?.setAttribute('d', d);
        set('layerBand', bandPath(n, stepAt, (r) => stat(r, v, 'p15'), (r) => stat(r, v, 'p85'), x, y));
        set('layerMedian', linePath(n, stepAt, (r) => stat(r, v, 'p50'), x, y));
        set('unitBand', bandPath(n, stepAt, (r) => stat(r, v, 'unitP15'), (r) => stat(r, v, 'unitP85'), x, y));
        set('unitMedian', linePath(n, stepAt, (r) => stat(r, v, 'unitP50'), x, y));
        paintStrip(canvases.current[v], h, v, layer, domain.x);
        const said = summaries.current[v];
        if (said) {
          const now = (k: Key) => stat(h.count, v, k);
          said.textContent = `Step ${formatStep(h.latest.step)}. Tracked unit: ${spreadSummary(now('unitP15'), now('unitP50'), now('unitP85'))}. Whole layer: ${spreadSummary(now('p15'), now('p50'), now('p85'))}.`;
        }
      }
    },
    [shape, x, y, domain, layer],
  );

  const yTicks = y.ticks(5);
  const xTicks = x.ticks(Math.max(2, Math.floor(cellWidth / 120)));
  return (
    <Panel
      id="drift"
      title="Drift of one unit's input"
      watch="The band is the 15th–85th percentile of the tracked unit's input over training, the line its median. Without BN it wanders; with BN it holds still. The table below measures the shift of every layer."
      actions={
        <div className="segmented" role="group" aria-label="Layer shown">
          {Array.from({ length: nl }, (_, l) => (
            <button key={l} type="button" aria-pressed={l === layer} onClick={() => updateConfig({ trackLayer: l + 1 })}>
              Layer {l + 1}
            </button>
          ))}
        </div>
      }
    >
      <p className="drift-legend">
        Tracked: layer {layer + 1}, unit {trackUnit}. <span className="swatch unit" /> this unit <span className="swatch layer" /> whole layer
      </p>
      <div ref={boxRef} className="drift-grid" style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
        {shape?.placements.map((p, v) => (
          <div key={p} className="drift-cell">
            <div className="col-head" style={{ color: VARIANT_STYLES[p].ink }}>
              <span className="long-label">{VARIANT_STYLES[p].label}</span>
              <span className="short-label">{VARIANT_STYLES[p].short}</span>
            </div>
            <svg width={cellWidth} height={BAND_HEIGHT} role="img" aria-label={`${VARIANT_STYLES[p].label}: percentiles of layer ${layer + 1} inputs over training`} aria-describedby={`drift-summary-${v}`} data-drift={p}>
              <desc ref={(el) => { summaries.current[v] = el; }} id={`drift-summary-${v}`} />
              {yTicks.map((t) => (
                <g key={t}>
                  <line className={t === 0 ? 'zero' : 'gridline'} x1={M.left} x2={cellWidth - M.right} y1={y(t)} y2={y(t)} />
                  <text className="tick" x={M.left - 6} y={y(t)} dy="0.35em" textAnchor="end">
                    {formatTick(t)}
                  </text>
                </g>
              ))}
              {xTicks.map((t) => (
                <text key={t} className="tick" x={x(t)} y={BAND_HEIGHT - 8} textAnchor="middle">
                  {formatTick(t)}
                </text>
              ))}
              <path ref={(el) => { refs.current[`${v}-layerBand`] = el; }} className="band layer" />
              <path ref={(el) => { refs.current[`${v}-layerMedian`] = el; }} className="median layer" />
              <path ref={(el) => { refs.current[`${v}-unitBand`] = el; }} className="band unit" fill={VARIANT_STYLES[p].color} />
              <path ref={(el) => { refs.current[`${v}-unitMedian`] = el; }} className="median unit" stroke={VARIANT_STYLES[p].color} />
            </svg>
            <canvas
              ref={(el) => {
                canvases.current[v] = el;
              }}
              className="heat-strip"
              width={Math.max(1, cellWidth - M.left - M.right)}
              height={STRIP_HEIGHT}
              style={{ marginLeft: M.left }}
              aria-label={`${VARIANT_STYLES[p].label}: histogram of layer ${layer + 1} inputs over time, brighter where more inputs fall`}
              role="img"
            />
          </div>
        ))}
      </div>
      <InputShiftTable />
    </Panel>
  );
}

/** Paints variant v's strip with the same step axis as the band chart above it (0 … xMax). */
function paintStrip(canvas: HTMLCanvasElement | null, h: History, v: number, layer: number, xMax: number): void {
  if (canvas === null || h.shape === null) return;
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  const { count: bins } = h.shape.bins;
  const hw = h.histWidth;
  const base = (v * h.shape.nLayers + layer) * bins;
  let max = 0;
  for (let r = 0; r < h.count; r++) for (let b = 0; b < bins; b++) max = Math.max(max, h.hist[r * hw + base + b]);
  const image = ctx.createImageData(canvas.width, canvas.height);
  const last = h.count > 0 ? h.steps[h.count - 1] : -1;
  const rowAt = (c: number) => {
    const step = ((c + 0.5) / canvas.width) * xMax;
    return h.count === 0 || step > last ? -1 : nearestIndex(h.steps, h.count, step);
  };
  paintHeatStrip(image.data, canvas.width, canvas.height, rowAt, bins, (r, b) => h.hist[r * hw + base + b], max);
  ctx.putImageData(image, 0, 0);
}
