import { scaleLinear } from 'd3-scale';
import { useMemo, useRef, useState } from 'react';
import { activation } from '../../src/engine/activations.ts';
import { LAYER_STATS, LS } from '../../src/experiment/snapshot.ts';
import { useFrame } from '../hooks/useFrame.ts';
import { useSize } from '../hooks/useSize.ts';
import { useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { niceCeil } from '../viz/domains.ts';
import { formatStep, formatTick } from '../viz/format.ts';
import { VARIANT_STYLES } from '../viz/palette.ts';
import { histogramOutline, histogramPath } from '../viz/paths.ts';
import { spreadSummary } from '../viz/summary.ts';
import { Panel } from './Panel.tsx';

/** A cell's height grows with its width (taller bars read better on a projector), within these bounds. */
const MIN_CELL_HEIGHT = 118;
const MAX_CELL_HEIGHT = 160;
const PAD = { left: 20, right: 20, top: 8, bottom: 30 };

/** Per hidden layer × variant: the distribution of the inputs to the nonlinearity now, over its step-0 ghost. */
export function HistogramPanel() {
  const history = useTrainer().history;
  const shape = useStore((s) => s.shape);
  const act = useStore((s) => s.config.activation);
  const [boxRef, size] = useSize<HTMLDivElement>();
  const [yMax, setYMax] = useState(0.2);
  const bars = useRef<(SVGPathElement | null)[]>([]);
  const ghosts = useRef<(SVGPathElement | null)[]>([]);
  const shares = useRef<(SVGTextElement | null)[]>([]);
  const summaries = useRef<(SVGDescElement | null)[]>([]);
  const nv = shape?.variantNames.length ?? 0;
  const nl = shape?.nLayers ?? 0;
  const bins = shape?.bins ?? { lo: -5, hi: 5, count: 50 };
  const labelWidth = 76;
  // Four variants in a half-width panel leave about 100 px a cell: narrow cells keep three ticks.
  const cellWidth = Math.max(84, Math.floor((size.width - labelWidth) / Math.max(nv, 1)) - 8);
  const cellHeight = Math.round(Math.min(MAX_CELL_HEIGHT, Math.max(MIN_CELL_HEIGHT, cellWidth * 0.5)));
  const x = useMemo(() => scaleLinear().domain([bins.lo, bins.hi]).range([PAD.left, cellWidth - PAD.right]), [bins.lo, bins.hi, cellWidth]);
  const y = useMemo(() => scaleLinear().domain([0, yMax]).range([cellHeight - PAD.bottom, PAD.top]).clamp(true), [yMax, cellHeight]);
  const sat = activation(act).saturation;
  const satLabel = sat.kind === 'dead' ? 'inactive' : 'saturated';
  // In a narrow cell the share goes without its word (the caption names the shaded region).
  const shareLabel = cellWidth < 130 ? '' : `${satLabel} `;

  useFrame(
    history,
    (h) => {
      const latest = h.latest;
      if (latest === null || h.shape === null) return;
      const count = h.shape.bins.count;
      let max = 0;
      for (const s of [latest, h.first]) if (s) for (let i = 0; i < s.hist.length; i++) if (s.hist[i] > max) max = s.hist[i];
      const nextMax = niceCeil(max, 0.02);
      if (nextMax !== yMax) {
        setYMax(nextMax);
        return;
      }
      for (let v = 0; v < h.shape.variantNames.length; v++) {
        for (let l = 0; l < h.shape.nLayers; l++) {
          const cell = v * h.shape.nLayers + l;
          const offset = cell * count;
          bars.current[cell]?.setAttribute('d', histogramPath(latest.hist, count, h.shape.bins.lo, h.shape.bins.hi, x, y, offset));
          if (h.first) ghosts.current[cell]?.setAttribute('d', histogramOutline(h.first.hist, count, h.shape.bins.lo, h.shape.bins.hi, x, y, offset));
          const stats = (key: keyof typeof LS) => latest.layer[cell * LAYER_STATS.length + LS[key]];
          const share = `${(100 * stats('saturated')).toFixed(0)}%`;
          const text = shares.current[cell];
          if (text) text.textContent = `${shareLabel}${share}`;
          const said = summaries.current[cell];
          if (said) said.textContent = `Step ${formatStep(latest.step)}: ${spreadSummary(stats('p15'), stats('p50'), stats('p85'))}; ${share} ${satLabel}.`;
        }
      }
    },
    [shape, x, y, yMax, shareLabel, satLabel],
  );

  const regions: [number, number][] =
    sat.kind === 'saturating' ? [[bins.lo, -sat.threshold], [sat.threshold, bins.hi]] : sat.kind === 'dead' ? [[bins.lo, 0]] : [];
  const ticks = cellWidth < 130 ? [bins.lo, 0, bins.hi].filter((t, i, all) => all.indexOf(t) === i) : x.ticks(5);
  return (
    <Panel
      id="histograms"
      title="Inputs to each nonlinearity"
      watch={`Filled bars are now, the outline is step 0. Without BN the distributions drift and spread into the shaded ${satLabel} region; with BN they stay put. Each cell prints the share of values in that region.`}
    >
      <div ref={boxRef} className="histogram-grid" style={{ gridTemplateColumns: `${labelWidth}px repeat(${nv}, 1fr)` }}>
        <div />
        {shape?.placements.map((p) => (
          <div key={p} className="col-head" style={{ color: VARIANT_STYLES[p].ink }}>
            <span className="long-label">{VARIANT_STYLES[p].label}</span>
            <span className="short-label">{VARIANT_STYLES[p].short}</span>
          </div>
        ))}
        {Array.from({ length: nl }, (_, l) => [
          <div key={`h${l}`} className="row-head">
            Layer {l + 1}
          </div>,
          ...(shape?.placements ?? []).map((p, v) => {
            const cell = v * nl + l;
            return (
              <svg key={`${p}-${l}`} width={cellWidth} height={cellHeight} role="img" aria-label={`${VARIANT_STYLES[p].label}, layer ${l + 1}: histogram of inputs to the ${act}`} aria-describedby={`hist-summary-${cell}`} data-hist={`${p}-${l + 1}`}>
                {regions.map(([a, b]) => (
                  <rect key={a} className="sat-region" x={x(a)} width={Math.max(0, x(b) - x(a))} y={PAD.top} height={cellHeight - PAD.top - PAD.bottom} />
                ))}
                <path ref={(el) => { bars.current[cell] = el; }} className="hist-bars" fill={VARIANT_STYLES[p].color} />
                <path ref={(el) => { ghosts.current[cell] = el; }} className="hist-ghost" />
                <line className="baseline" x1={PAD.left} x2={cellWidth - PAD.right} y1={y(0)} y2={y(0)} />
                {ticks.map((t) => (
                  <text key={t} className="tick" x={x(t)} y={cellHeight - 8} textAnchor="middle">
                    {formatTick(t)}
                  </text>
                ))}
                <text ref={(el) => { shares.current[cell] = el; }} className="share" x={cellWidth - PAD.right} y={PAD.top + 16} textAnchor="end" />
                <desc ref={(el) => { summaries.current[cell] = el; }} id={`hist-summary-${cell}`} />
              </svg>
            );
          }),
        ])}
      </div>
    </Panel>
  );
}
