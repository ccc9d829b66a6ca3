import { useMemo } from 'react';
import type { LayerStat, VariantStat } from '../../src/experiment/index.ts';
import type { History } from '../history/History.ts';
import { updateConfig, useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { Term } from '../glossary/Term.tsx';
import { formatLoss } from '../viz/format.ts';
import { VARIANT_STYLES } from '../viz/palette.ts';
import { probeCost } from './landscapeCost.ts';
import { IcsByLayer } from './IcsByLayer.tsx';
import { Panel } from './Panel.tsx';
import { TimeChart } from './TimeChart.tsx';

/** Steps between probes when the panel turns them on: about a third more work at the bn-paper size. */
export const DEFAULT_PROBE_EVERY = 50;

/** A variant statistic at a history row, or at the latest snapshot for row −1. */
const variant = (key: VariantStat) => (h: History, row: number, v: number) => h.variantAt(row, v, key);

/** A layer statistic of hidden layer `layer` (0-based) at a history row, or the latest for −1. */
const layerStat = (key: LayerStat, layer: number) => (h: History, row: number, v: number) =>
  h.shape === null ? NaN : h.layerAt(row, v, Math.min(layer, h.shape.nLayers - 1), key);

const lossMid = (h: History, row: number, v: number) => Math.sqrt(variant('lossLo')(h, row, v) * variant('lossHi')(h, row, v));
const lossBand = (h: History, row: number, v: number, which: 'lo' | 'hi') => variant(which === 'lo' ? 'lossLo' : 'lossHi')(h, row, v);
const gradMid = (h: History, row: number, v: number) => Math.sqrt(variant('gradChangeLo')(h, row, v) * variant('gradChangeHi')(h, row, v));
const gradBand = (h: History, row: number, v: number, which: 'lo' | 'hi') => variant(which === 'lo' ? 'gradChangeLo' : 'gradChangeHi')(h, row, v);
const beta = variant('betaSmooth');
const small = (v: number) => (Number.isFinite(v) ? v.toPrecision(3) : '—');

/**
 * Santurkar et al. (2018) live: internal covariate shift measured as the change in a layer's gradient when
 * the earlier layers update, and the smoothness of the loss along the gradient, per variant.
 */
export function LandscapePanel() {
  const probeEvery = useStore((s) => s.config.probeEvery);
  const trackLayer = useStore((s) => s.config.trackLayer);
  const depth = useStore((s) => s.config.depth);
  const live = useStore((s) => s.live);
  const stepsPerSecond = useStore((s) => s.stepsPerSecond);
  const parallel = useTrainer().parallel;
  const shownLayer = Math.min(trackLayer, depth) - 1;
  const icsDiff = useMemo(() => layerStat('icsDiff', shownLayer), [shownLayer]);
  const icsCos = useMemo(() => layerStat('icsCos', shownLayer), [shownLayer]);
  const cost = probeCost(
    live.map((v) => v.probeMs),
    probeEvery,
    stepsPerSecond,
    parallel,
  );
  return (
    <Panel
      id="landscape"
      title={
        <>
          Is it really <Term id="ics">covariate shift</Term>?
        </>
      }
      watch={
        <>
          With <Term id="bn">BN</Term> the loss changes less, and more predictably, along the gradient (a narrower <Term id="lossRange">loss range</Term>, a
          lower <Term id="betaSmooth">β-smoothness</Term>), although its layers’ gradients shift as much as plain ones (<Term id="gradDiff">‖G − G′‖</Term>;
          Santurkar et al., 2018).
        </>
      }
      actions={
        <label className="toggle">
          <input type="checkbox" checked={probeEvery > 0} onChange={(e) => updateConfig({ probeEvery: e.target.checked ? DEFAULT_PROBE_EVERY : 0 })} /> probes
          on
        </label>
      }
    >
      {probeEvery === 0 ? (
        <p className="empty-note">
          The probes are off: they cost about ten extra forward and backward passes per variant each time they run. Tick “probes on” to measure every{' '}
          {DEFAULT_PROBE_EVERY} steps (the run restarts).
        </p>
      ) : (
        <>
          <p className="probe-cost" data-testid="probe-cost">
            Every {probeEvery} steps, on that step’s batch, before the update, on a copy of each model: nothing here changes training.
            {cost !== null && ` Cost: ${cost.ms.toFixed(0)} ms per probe and variant, about ${(100 * cost.share).toFixed(0)}% of the run's time.`}
          </p>
          <p className="chart-title">
            <Term id="lossRange">Loss along the gradient</Term>: the band spans the lowest to the highest, the line their middle
          </p>
          <TimeChart id="landscape-loss" label="loss at W − η∇L" kind="log" fixed={null} valueAt={lossMid} bandAt={lossBand} format={formatLoss} height={200} />
          <p className="chart-title">
            <Term id="gradChange">Gradient change along the gradient</Term>, ‖∇L − ∇L′‖
          </p>
          <TimeChart id="landscape-grad" label="‖∇L − ∇L′‖" kind="log" fixed={null} valueAt={gradMid} bandAt={gradBand} format={small} height={200} />
          <p className="chart-title">
            <Term id="betaSmooth">Effective β-smoothness</Term>: the largest gradient change per distance moved
          </p>
          <TimeChart id="landscape-beta" label="β-smoothness" kind="log" fixed={null} valueAt={beta} format={small} height={200} />
          <h3 className="sub-head">
            <Term id="ics">Covariate shift</Term>, layer by layer
          </h3>
          <IcsByLayer />
          <h3 className="sub-head">
            <Term id="ics">Covariate shift</Term> of layer {shownLayer + 1} over time (track another layer to change it)
          </h3>
          <p className="chart-title">
            <Term id="gradDiff">‖G − G′‖</Term>: how much the layer’s gradient moves when the layers before it step
          </p>
          <TimeChart id="ics-diff" label="‖G − G′‖" kind="log" fixed={null} valueAt={icsDiff} format={small} height={180} />
          <p className="chart-title">
            <Term id="gradCos">cos(G, G′)</Term>: whether it still points the same way
          </p>
          <TimeChart id="ics-cos" label="cos(G, G′)" kind="linear" fixed={[-1, 1]} valueAt={icsCos} format={small} height={180} />
          <p className="legend-note">
            {live.map((v) => (
              <span key={v.name} style={{ color: VARIANT_STYLES[v.placement].ink }}>
                {VARIANT_STYLES[v.placement].short}{' '}
              </span>
            ))}
            · bands span η = 0.5× to 4× the <Term id="lr">learning rate</Term> · <Term id="gradDiff">G′</Term> is layer {shownLayer + 1}’s gradient on the same
            batch after only the earlier layers stepped.
          </p>
        </>
      )}
    </Panel>
  );
}
