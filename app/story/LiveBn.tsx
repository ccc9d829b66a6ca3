import { useLatest } from '../hooks/useLatest.ts';
import { useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { VARIANT_STYLES } from '../viz/palette.ts';
import { biasGradient, firstBnVariant, formatLive, unitBn, workedExample, type UnitBn } from './liveNumbers.ts';

/** BN's transform with the tracked unit's live numbers from the first BN variant of the running model. */
export function LiveBnTransform() {
  const history = useTrainer().history;
  const shape = useStore((s) => s.shape);
  const layer = useStore((s) => s.config.trackLayer) - 1;
  const unit = useStore((s) => s.config.trackUnit);
  const eps = useStore((s) => s.config.bnEps);
  const v = shape === null ? -1 : firstBnVariant(shape.placements);
  const read = (): { step: number; bn: UnitBn | null } => {
    const s = history.latest;
    if (s === null || shape === null || v < 0) return { step: -1, bn: null };
    return { step: s.step, bn: unitBn(s, shape.nLayers, v, Math.min(layer, shape.nLayers - 1)) };
  };
  const { step, bn } = useLatest(read, (t) => `${t.step}`, [shape, v, layer, unit]);
  if (shape === null || v < 0) return <p className="empty-note">Load a scenario with a BN variant to see its numbers.</p>;
  if (bn === null) return <p className="empty-note">Waiting for the first training step…</p>;
  const ex = workedExample(bn, eps);
  const style = VARIANT_STYLES[shape.placements[v]];
  const rows: [string, string, string][] = [
    ['μ_B', 'batch mean of the unit’s input', formatLive(bn.batchMean)],
    ['σ²_B', 'batch variance (biased)', formatLive(bn.batchVar)],
    ['ε', 'added to the variance', formatLive(eps)],
    ['x', 'an input one σ_B above the mean', formatLive(ex.x)],
    ['x̂', '(x − μ_B) / √(σ²_B + ε)', formatLive(ex.xhat)],
    ['γ', 'learned scale', formatLive(bn.gamma)],
    ['β', 'learned shift', formatLive(bn.beta)],
    ['y', 'γ·x̂ + β, what the next step sees', formatLive(ex.y)],
    ['running μ', 'the average kept for inference', formatLive(bn.runningMean)],
    ['running σ²', '', formatLive(bn.runningVar)],
  ];
  return (
    <div className="live-table" data-testid="live-bn">
      <p className="live-caption">
        <span style={{ color: style.ink, fontWeight: 700 }}>{style.label}</span>, layer {Math.min(layer, shape.nLayers - 1) + 1}, unit {unit}, at step {step.toLocaleString('en-US')}
      </p>
      <table>
        <tbody>
          {rows.map(([sym, what, val]) => (
            <tr key={sym}>
              <th scope="row">{sym}</th>
              <td className="num" data-symbol={sym}>
                {val}
              </td>
              <td className="what">{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The dense bias gradient of the tracked layer in every variant: ≈ 0 where BN follows the dense layer. */
export function BiasMeter() {
  const history = useTrainer().history;
  const shape = useStore((s) => s.shape);
  const layer = useStore((s) => s.config.trackLayer) - 1;
  const read = (): { step: number; grads: number[] } => {
    const s = history.latest;
    if (s === null || shape === null) return { step: -1, grads: [] };
    const l = Math.min(layer, shape.nLayers - 1);
    return { step: s.step, grads: shape.placements.map((_, v) => biasGradient(s, shape.nLayers, v, l)) };
  };
  const { step, grads } = useLatest(read, (t) => `${t.step}`, [shape, layer]);
  if (shape === null) return null;
  const top = Math.max(...grads.filter(Number.isFinite), 1e-12);
  return (
    <div className="bias-meter" data-testid="bias-meter">
      <p className="live-caption">
        ‖∂L/∂b‖ of layer {Math.min(layer, shape.nLayers - 1) + 1}’s dense bias at step {Math.max(step, 0).toLocaleString('en-US')}
      </p>
      <ul>
        {shape.placements.map((p, v) => {
          const g = grads[v] ?? NaN;
          const share = Number.isFinite(g) ? Math.max(0, Math.min(1, g / top)) : 0;
          return (
            <li key={p}>
              <span className="meter-name" style={{ color: VARIANT_STYLES[p].ink }}>
                {VARIANT_STYLES[p].short}
              </span>
              <span className="meter-track" aria-hidden="true">
                <span className="meter-fill" style={{ width: `${100 * share}%`, background: VARIANT_STYLES[p].color }} />
              </span>
              <span className="num" data-variant={p}>
                {formatLive(g)}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
