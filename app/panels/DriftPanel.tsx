import { scaleLinear } from 'd3-scale';
import { useId, useMemo, useRef, useState } from 'react';
import type { LayerStat } from '../../src/experiment/index.ts';
import { NumberField } from '../controls/NumberField.tsx';
import type { History } from '../history/History.ts';
import { useFrame } from '../hooks/useFrame.ts';
import { useSize } from '../hooks/useSize.ts';
import { updateConfig, useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { nearestIndex, niceCeil } from '../viz/domains.ts';
import { driftLayout, stripRows, symmetricSpan, thinRows } from '../viz/driftLayout.ts';
import { paintHeatStrip } from '../viz/heatStrip.ts';
import { bandPath, linePath } from '../viz/paths.ts';
import { activationName, hasSplitQuantities, quantityCells, quantityKeys, quantityLabel, type QuantityCell, type QuantityView } from '../viz/quantities.ts';
import { driftSummary } from '../viz/summary.ts';
import { DRIFT_MARGIN as M, DriftChart, StripLegend, stripColumns } from './DriftChart.tsx';
import { InputShiftTable } from './InputShiftTable.tsx';
import { Panel } from './Panel.tsx';

/**
 * The grid redraws about five times a second, less when it has more than eight charts (a deep network with four
 * variants has dozens): drift unfolds over hundreds of steps, and every chart redrawn on every frame cost
 * the page its frame rate with three variants.
 */
const driftRedrawMs = (charts: number) => Math.round(200 * Math.max(1, charts / 8));

/** The drift charts' height on a slide (px): one layer's row, ≥ 240 px as the presenter's standard asks. */
const PRESENTER_BAND_HEIGHT = 240;

const cellId = (c: QuantityCell, l: number) => `${c.v}-${l}-${c.quantity}`;

/**
 * Per hidden layer, a row of charts: for each variant the 15/50/85th percentiles over training (the BN paper's
 * Fig. 1b/c) of the tracked unit and the whole layer, each over a histogram-over-time strip. A variant with a
 * normalization before its nonlinearity gets two charts, z = xW + b (what the normalization receives) and what
 * the nonlinearity receives; for the others they are one array, so one chart says so. A layer's charts share
 * one locked axis, so z and the nonlinearity's input compare directly.
 */
export function DriftPanel() {
  const history = useTrainer().history;
  const shape = useStore((s) => s.shape);
  const trackLayer = useStore((s) => s.config.trackLayer);
  const trackUnit = useStore((s) => s.config.trackUnit);
  const width = useStore((s) => s.config.width);
  const act = useStore((s) => s.config.activation);
  // On a slide the panel shows the tracked layer alone, its charts tall enough to read from the back of a hall.
  const presenting = useStore((s) => s.presenting);
  const [view, setView] = useState<QuantityView>('both');
  const viewId = useId();
  const [boxRef, size] = useSize<HTMLDivElement>();
  const [domain, setDomain] = useState<{ x: number; spans: readonly number[] }>({ x: 10, spans: [] });
  const placements = useMemo(() => shape?.placements ?? [], [shape]);
  const cells = useMemo(() => quantityCells(placements, view), [placements, view]);
  const nl = shape?.nLayers ?? 1;
  const tracked = Math.min(trackLayer, nl) - 1;
  const layout = driftLayout(size.width, cells.length, presenting ? 1 : nl);
  const { columns, cellWidth } = layout;
  const bandHeight = presenting ? PRESENTER_BAND_HEIGHT : layout.bandHeight;
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([0, domain.x])
        .range([M.left, cellWidth - M.right]),
    [domain.x, cellWidth],
  );
  const ys = useMemo(
    () =>
      Array.from({ length: nl }, (_, l) =>
        scaleLinear()
          .domain([-(domain.spans[l] ?? 2), domain.spans[l] ?? 2])
          .range([bandHeight - M.bottom, M.top]),
      ),
    [domain.spans, nl, bandHeight],
  );
  const paths = useRef<Record<string, SVGPathElement | null>>({});
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
      // Row h.count stands for the latest snapshot, after the kept rows.
      const stat = (row: number, v: number, l: number, key: LayerStat) => h.layerAt(row < h.count ? row : -1, v, l, key);
      const n = h.count + 1;
      // About one point per two pixels: the grid draws four paths in every chart.
      const thin = thinRows(n, Math.max(1, cellWidth - M.left - M.right) / 2);
      // One locked y axis per layer over every chart shown and every kept row (not only the drawn ones), so it
      // does not move when the thinning does.
      const series = cells.flatMap((c) => {
        const k = quantityKeys(c.quantity);
        return [k.layer[0], k.layer[2], k.unit[0], k.unit[2]].map((key) => ({ v: c.v, key }));
      });
      const spans = Array.from({ length: shape.nLayers }, (_, l) =>
        symmetricSpan(series.length * n, (i) => stat(i % n, series[Math.floor(i / n)].v, l, series[Math.floor(i / n)].key)),
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
      const at = (v: number, l: number, key: LayerStat) => (i: number) => stat(thin.row(i), v, l, key);
      const lastRowStep = h.count > 0 ? h.steps[h.count - 1] : -1;
      // Strips show kept rows only: after the history thins out, most snapshots leave them as they are.
      const stripKey = `${h.runId}|${h.count}|${lastRowStep}|${domain.x}|${cellWidth}|${view}|${shape.nLayers}|${shape.bins.count}`;
      const rows =
        stripKey === painted.current ? null : stripRows(stripColumns(cellWidth), domain.x, lastRowStep, h.count, (s) => nearestIndex(h.steps, h.count, s));
      painted.current = stripKey;
      for (const c of cells) {
        const { layer, unit } = quantityKeys(c.quantity);
        for (let l = 0; l < shape.nLayers; l++) {
          const id = cellId(c, l);
          const y = ys[l];
          const set = (name: string, d: string) => paths.current[`${id}-${name}`]?.setAttribute('d', d);
          set('layerBand', bandPath(thin.count, stepAt, at(c.v, l, layer[0]), at(c.v, l, layer[2]), x, y));
          set('layerMedian', linePath(thin.count, stepAt, at(c.v, l, layer[1]), x, y));
          set('unitBand', bandPath(thin.count, stepAt, at(c.v, l, unit[0]), at(c.v, l, unit[2]), x, y));
          set('unitMedian', linePath(thin.count, stepAt, at(c.v, l, unit[1]), x, y));
          if (rows !== null) paintStrip(canvases.current[id], h, c.v, l, c.quantity === 'z', rows);
          const said = summaries.current[id];
          if (said) {
            const now = (keys: readonly [LayerStat, LayerStat, LayerStat]) => keys.map((k) => stat(h.count, c.v, l, k)) as [number, number, number];
            said.textContent = driftSummary(latest.step, quantityLabel(c, act), now(unit), now(layer));
          }
        }
      }
    },
    [shape, x, ys, domain, cellWidth, cells, view, act],
    driftRedrawMs(cells.length * nl),
  );

  const xTicks = x.ticks(Math.max(2, Math.floor(cellWidth / 120)));
  const actName = activationName(act);
  const split = hasSplitQuantities(placements);
  return (
    <Panel
      id="drift"
      title="Drift of each layer's inputs"
      watch={
        split
          ? `Bands: 15th–85th percentile over training of one unit (colour) and of the whole layer (grey). With BN before the ${actName}, z = xW + b can drift; BN's output, the ${actName}'s input, has per-unit mean β and spread γ on a batch by construction.`
          : `Bands: 15th–85th percentile over training of one unit (colour) and of the whole layer (grey). Here z = xW + b is itself the ${actName}'s input: watch whether its middle and spread move.`
      }
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
        {split && (
          <div className="drift-view">
            <span id={`${viewId}-label`}>Show</span>
            <div className="segmented" role="group" aria-labelledby={`${viewId}-label`}>
              {(['both', 'z', 'actIn'] as const).map((q) => (
                <button key={q} type="button" aria-pressed={view === q} onClick={() => setView(q)}>
                  {q === 'both' ? 'Both' : q === 'z' ? 'z = xW + b' : `${actName} input`}
                </button>
              ))}
            </div>
          </div>
        )}
      </div>
      <StripLegend />
      <div ref={boxRef} className="drift-grid">
        {Array.from({ length: nl }, (_, l) => l)
          .filter((l) => !presenting || l === tracked)
          .map((l) => (
            <div key={l} className={l === tracked ? 'drift-row tracked' : 'drift-row'}>
              <h3 className="drift-layer-name">
                Layer {l + 1}
                {l === tracked && <span className="tracked-mark"> · tracked</span>}
              </h3>
              <div className="drift-row-charts" style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
                {shape !== null &&
                  cells.map((c) => {
                    const id = cellId(c, l);
                    return (
                      <DriftChart
                        key={id}
                        cell={c}
                        layer={l}
                        id={id}
                        quantity={quantityLabel(c, act)}
                        tracked={l === tracked}
                        width={cellWidth}
                        height={bandHeight}
                        x={x}
                        y={ys[l]}
                        xTicks={xTicks}
                        bins={c.quantity === 'z' ? shape.zBins : shape.bins}
                        attach={{
                          path: (name, el) => {
                            paths.current[`${id}-${name}`] = el;
                          },
                          canvas: (el) => {
                            // A new canvas is blank: paint the strips again at the next draw.
                            if (el !== null && canvases.current[id] !== el) painted.current = '';
                            canvases.current[id] = el;
                          },
                          desc: (el) => {
                            summaries.current[id] = el;
                          },
                        }}
                      />
                    );
                  })}
              </div>
            </div>
          ))}
      </div>
      {/* On a slide the input-shift table gives way to the charts (the lab page and the story's shift section show it). */}
      {!presenting && <InputShiftTable />}
    </Panel>
  );
}

/** Paints one chart's strip: column c shows history row rows[c] of variant v's layer l histogram, of z or of the nonlinearity's input. */
function paintStrip(canvas: HTMLCanvasElement | null | undefined, h: History, v: number, l: number, z: boolean, rows: Int32Array): void {
  const kept = h.rows;
  if (!canvas || h.shape === null || kept === null) return;
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  const { count: bins } = z ? h.shape.zBins : h.shape.bins;
  const share = (r: number, b: number) => kept.binAt(r, v, l, b, z);
  // Brightness is relative to the rows drawn, so a long history costs no more than a short one.
  let max = 0;
  for (const r of rows) if (r >= 0) for (let b = 0; b < bins; b++) max = Math.max(max, share(r, b));
  const image = ctx.createImageData(canvas.width, canvas.height);
  paintHeatStrip(image.data, canvas.width, canvas.height, (c) => rows[c] ?? -1, bins, share, max);
  ctx.putImageData(image, 0, 0);
}
