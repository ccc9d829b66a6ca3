import { scaleLinear } from 'd3-scale';
import { useMemo, useRef, useState } from 'react';
import { saturationOf } from '../../src/engine/index.ts';
import type { LayerStat, SnapshotReader } from '../../src/experiment/index.ts';
import { useFrame } from '../hooks/useFrame.ts';
import { useSize } from '../hooks/useSize.ts';
import { useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { niceCeil } from '../viz/domains.ts';
import { formatTick } from '../viz/format.ts';
import { foldIntoWindow } from '../viz/histWindow.ts';
import { VARIANT_STYLES } from '../viz/palette.ts';
import { histogramOutline, histogramPath } from '../viz/paths.ts';
import { activationName, hasSplitQuantities, quantityCells, quantityKeys, quantityLabel } from '../viz/quantities.ts';
import { histogramSummary } from '../viz/summary.ts';
import { Panel } from './Panel.tsx';

/** A cell's height grows with its width (taller bars read better on a projector), within these bounds. */
const MIN_CELL_HEIGHT = 118;
const MAX_CELL_HEIGHT = 160;
const PAD = { left: 20, right: 20, top: 8, bottom: 30 };
/** The column of row labels ("Layer 1"), where there is room for it. */
const ROW_LABEL_WIDTH = 76;
/** A z histogram prints its share beyond the axis from this share on. */
const BEYOND_SHOWN = 0.005;

/**
 * Per hidden layer × variant: the distribution now, over its step-0 ghost, of what the nonlinearity receives
 * and, where a normalization sits before it, of z = xW + b, what the normalization receives. Every cell of a
 * row shares the nonlinearity's axis; z beyond it is folded into the edge bins and its share printed.
 */
export function HistogramPanel() {
  const history = useTrainer().history;
  const shape = useStore((s) => s.shape);
  const act = useStore((s) => s.config.activation);
  const [boxRef, size] = useSize<HTMLDivElement>();
  const [yMax, setYMax] = useState(0.2);
  const bars = useRef<Record<string, SVGPathElement | null>>({});
  const ghosts = useRef<Record<string, SVGPathElement | null>>({});
  const shares = useRef<Record<string, SVGTextElement | null>>({});
  const summaries = useRef<Record<string, SVGDescElement | null>>({});
  const placements = useMemo(() => shape?.placements ?? [], [shape]);
  const cells = useMemo(() => quantityCells(placements), [placements]);
  const nl = shape?.nLayers ?? 0;
  const bins = shape?.bins ?? { lo: -5, hi: 5, count: 50 };
  const n = Math.max(cells.length, 1);
  // Where a column of row labels would leave the cells under 100 px (a phone, or many charts), each layer's
  // label goes on a line of its own above its row instead.
  const stacked = Math.floor((size.width - ROW_LABEL_WIDTH) / n) - 8 < 100;
  const labelWidth = stacked ? 0 : ROW_LABEL_WIDTH;
  // Narrow cells keep three ticks.
  const cellWidth = Math.max(stacked ? 72 : 84, Math.floor((size.width - labelWidth) / n) - 8);
  const cellHeight = Math.round(Math.min(MAX_CELL_HEIGHT, Math.max(MIN_CELL_HEIGHT, cellWidth * 0.5)));
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([bins.lo, bins.hi])
        .range([PAD.left, cellWidth - PAD.right]),
    [bins.lo, bins.hi, cellWidth],
  );
  const y = useMemo(
    () =>
      scaleLinear()
        .domain([0, yMax])
        .range([cellHeight - PAD.bottom, PAD.top])
        .clamp(true),
    [yMax, cellHeight],
  );
  const sat = saturationOf(act);
  const satLabel = sat.kind === 'dead' ? 'inactive' : 'saturated';
  // In a narrow cell the share goes without its word (the caption names the shaded region).
  const narrow = cellWidth < 130;
  /** z histograms folded onto the nonlinearity's bins: [now, step 0], reused every frame. */
  const folded = useMemo(() => [new Float32Array(bins.count), new Float32Array(bins.count)], [bins.count]);

  useFrame(
    history,
    (h) => {
      const latest = h.latest;
      const shape = h.shape;
      if (latest === null || shape === null) return;
      const count = shape.bins.count;
      const zOf = (s: SnapshotReader | null, v: number, l: number, out: Float32Array) =>
        s === null ? NaN : foldIntoWindow(s.zHist(v, l), 0, shape.zBins, shape.bins, out);
      let max = 0;
      for (const s of [latest, h.first]) if (s) max = Math.max(max, s.histMax());
      // z's edge bins hold what lies beyond the axis: they are clamped, not allowed to flatten the rest.
      for (const c of cells) {
        if (c.quantity !== 'z') continue;
        for (let l = 0; l < shape.nLayers; l++) {
          for (const s of [latest, h.first]) {
            zOf(s, c.v, l, folded[0]);
            for (let b = 1; b < count - 1; b++) if (folded[0][b] > max) max = folded[0][b];
          }
        }
      }
      const nextMax = niceCeil(max, 0.02);
      if (nextMax !== yMax) {
        setYMax(nextMax);
        return;
      }
      for (const c of cells) {
        for (let l = 0; l < shape.nLayers; l++) {
          const id = `${c.v}-${l}-${c.quantity}`;
          const stats = (key: LayerStat) => latest.layer(c.v, l, key);
          const { layer } = quantityKeys(c.quantity);
          let note: string;
          let shown: string;
          if (c.quantity === 'z') {
            const beyond = zOf(latest, c.v, l, folded[0]);
            zOf(h.first, c.v, l, folded[1]);
            bars.current[id]?.setAttribute('d', histogramPath(folded[0], count, shape.bins.lo, shape.bins.hi, x, y));
            if (h.first) ghosts.current[id]?.setAttribute('d', histogramOutline(folded[1], count, shape.bins.lo, shape.bins.hi, x, y));
            const pct = `${(100 * beyond).toFixed(0)}%`;
            note = beyond > 0 ? `${pct} beyond ±${formatTick(shape.bins.hi)}` : '';
            shown = beyond >= BEYOND_SHOWN ? `${pct} off axis` : '';
          } else {
            bars.current[id]?.setAttribute('d', histogramPath(latest.hist(c.v, l), count, shape.bins.lo, shape.bins.hi, x, y));
            if (h.first) ghosts.current[id]?.setAttribute('d', histogramOutline(h.first.hist(c.v, l), count, shape.bins.lo, shape.bins.hi, x, y));
            const pct = `${(100 * stats('saturated')).toFixed(0)}%`;
            note = `${pct} ${satLabel}`;
            shown = narrow ? pct : note;
          }
          const text = shares.current[id];
          if (text) text.textContent = shown;
          const said = summaries.current[id];
          if (said) said.textContent = histogramSummary(latest.step, quantityLabel(c, act), [stats(layer[0]), stats(layer[1]), stats(layer[2])], note);
        }
      }
    },
    [shape, cells, x, y, yMax, narrow, satLabel, act, folded],
  );

  const regions: [number, number][] =
    sat.kind === 'saturating'
      ? [
          [bins.lo, -sat.threshold],
          [sat.threshold, bins.hi],
        ]
      : sat.kind === 'dead'
        ? [[bins.lo, 0]]
        : [];
  const ticks = narrow ? [bins.lo, 0, bins.hi].filter((t, i, all) => all.indexOf(t) === i) : x.ticks(5);
  const actName = activationName(act);
  return (
    <Panel
      id="histograms"
      title={hasSplitQuantities(placements) ? `Each layer’s z and ${actName} input` : 'Inputs to each nonlinearity'}
      watch={`Filled bars are now, the outline is step 0; the shaded band is the ${actName}'s ${satLabel} region, and each cell prints its share there. Where BN comes before the ${actName}, the z = xW + b column shows what BN receives (with the share beyond the axis), beside what BN hands on.`}
    >
      <div ref={boxRef} className="histogram-grid" style={{ gridTemplateColumns: `${stacked ? '' : `${labelWidth}px `}repeat(${cells.length}, 1fr)` }}>
        {!stacked && <div />}
        {cells.map((c) => (
          <div key={`${c.v}-${c.quantity}`} className="col-head">
            <span style={{ color: VARIANT_STYLES[c.placement].ink }}>
              {narrow ? (
                VARIANT_STYLES[c.placement].short
              ) : (
                <>
                  <span className="long-label">{VARIANT_STYLES[c.placement].label}</span>
                  <span className="short-label">{VARIANT_STYLES[c.placement].short}</span>
                </>
              )}
            </span>
            <span className="quantity-name">{quantityLabel(c, act, narrow)}</span>
          </div>
        ))}
        {Array.from({ length: nl }, (_, l) => [
          <div key={`h${l}`} className="row-head" style={stacked ? { gridColumn: '1 / -1' } : undefined}>
            Layer {l + 1}
          </div>,
          ...cells.map((c) => {
            const id = `${c.v}-${l}-${c.quantity}`;
            const name = `${c.placement}-${l + 1}`;
            const isZ = c.quantity === 'z';
            return (
              <svg
                key={id}
                width={cellWidth}
                height={cellHeight}
                role="img"
                aria-label={`${VARIANT_STYLES[c.placement].label}, layer ${l + 1}: histogram of ${quantityLabel(c, act)}`}
                aria-describedby={`hist-summary-${id}`}
                {...(isZ ? { 'data-hist-z': name } : { 'data-hist': name })}
              >
                {!isZ &&
                  regions.map(([a, b]) => (
                    <rect key={a} className="sat-region" x={x(a)} width={Math.max(0, x(b) - x(a))} y={PAD.top} height={cellHeight - PAD.top - PAD.bottom} />
                  ))}
                <path
                  ref={(el) => {
                    bars.current[id] = el;
                  }}
                  className="hist-bars"
                  fill={VARIANT_STYLES[c.placement].color}
                  fillOpacity={isZ ? 0.55 : undefined}
                />
                <path
                  ref={(el) => {
                    ghosts.current[id] = el;
                  }}
                  className="hist-ghost"
                />
                <line className="baseline" x1={PAD.left} x2={cellWidth - PAD.right} y1={y(0)} y2={y(0)} />
                {ticks.map((t) => (
                  <text key={t} className="tick" x={x(t)} y={cellHeight - 8} textAnchor="middle">
                    {formatTick(t)}
                  </text>
                ))}
                <text
                  ref={(el) => {
                    shares.current[id] = el;
                  }}
                  className="share"
                  x={cellWidth - (narrow ? 2 : PAD.right)}
                  y={PAD.top + 16}
                  textAnchor="end"
                />
                <desc
                  ref={(el) => {
                    summaries.current[id] = el;
                  }}
                  id={`hist-summary-${id}`}
                />
              </svg>
            );
          }),
        ])}
      </div>
    </Panel>
  );
}
