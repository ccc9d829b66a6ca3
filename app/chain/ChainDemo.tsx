import { useId, useMemo } from 'react';
import { CHAIN_PRESETS, chainStep, normalizedChainStep, superscript, termName, type ChainPreset } from '../../src/chain/index.ts';
import { formatChange, sweepChange } from './chainChart.ts';
import { ChangeChart } from './ChangeChart.tsx';
import { PanelFrame } from '../panels/PanelFrame.tsx';
import {
  applyPreset,
  EPS_RANGE,
  MAX_DEPTH,
  MIN_DEPTH,
  setDepth,
  setEps,
  setInput,
  setNormalize,
  setWeight,
  useChainStore,
  WEIGHT_RANGE,
} from './chainStore.ts';

/** How far the actual change is from the first-order prediction, as a verdict. */
function verdict(predicted: number, actual: number): { text: string; good: boolean } {
  if (predicted === 0)
    return actual === 0 ? { text: 'No gradient: nothing changes.', good: true } : { text: 'No gradient predicted, yet ŷ moved.', good: false };
  const ratio = actual / predicted;
  const off = Math.abs(ratio - 1);
  if (off <= 0.05) return { text: `First order is right to within ${(100 * off).toFixed(1)}%.`, good: true };
  if (ratio < 0) return { text: `The step moved ŷ the wrong way: ${formatChange(ratio)}× the prediction.`, good: false };
  return { text: `The actual change is ${formatChange(ratio)}× the prediction: first order is off by ${Math.round(100 * off)}%.`, good: false };
}

function Slider({
  label,
  value,
  min,
  max,
  step,
  onChange,
  text,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (v: number) => void;
  text: string;
}) {
  const id = useId();
  return (
    <div className="chain-slider">
      <label htmlFor={id} className="slider-label">
        {label} <output htmlFor={id}>{text}</output>
      </label>
      <input id={id} type="range" min={min} max={max} step={step} value={value} onChange={(e) => onChange(Number(e.target.value))} />
    </div>
  );
}

/**
 * The deep linear chain ŷ = x·w1·…·wl: one gradient step on every weight, its first-order prediction,
 * the actual change and the higher-order terms between them; optionally with the last hidden value
 * normalized.
 */
export function ChainDemo() {
  const { weights, x, eps, normalize } = useChainStore();
  const l = weights.length;
  const step = useMemo(() => (normalize ? normalizedChainStep(x, weights, eps) : chainStep(x, weights, eps)), [x, weights, eps, normalize]);
  const sweep = useMemo(() => sweepChange(x, weights, normalize, EPS_RANGE[0], EPS_RANGE[1]), [x, weights, normalize]);
  const v = verdict(step.predicted, step.actual);
  const shownTerms = step.higherOrder.slice(0, 6);
  const epsPosition = Math.log10(eps);
  return (
    <div className="chain-lab">
      <PanelFrame id="chain" title="Why stacked layers make the learning rate hard to choose">
        <p className="watch">
          A chain of {l} layers with one unit each and no nonlinearity: ŷ = x·w₁·w₂·…·w{l === 2 ? '₂' : 'ₗ'}. Suppose we want ŷ smaller, so every weight takes
          one step against its gradient gᵢ = ∂ŷ/∂wᵢ, all at once. To first order ŷ drops by ε·gᵀg. But each weight's update multiplies all the others’, adding
          terms up to order ε{superscript(l)}. With weights below 1 they vanish; above 1 they swamp the prediction, so a learning rate that is right for one
          layer is wrong once the others move too.
        </p>
        <div className="chain-grid">
          <div className="chain-controls">
            <Slider label="Layers l" value={l} min={MIN_DEPTH} max={MAX_DEPTH} step={1} onChange={setDepth} text={String(l)} />
            <div className="segmented" role="group" aria-label="Weight presets">
              {(Object.keys(CHAIN_PRESETS) as ChainPreset[]).map((p) => (
                <button key={p} type="button" onClick={() => applyPreset(p)}>
                  {p}
                </button>
              ))}
            </div>
            <Slider label="Input x" value={x} min={-2} max={2} step={0.1} onChange={setInput} text={String(x)} />
            <Slider
              label="Learning rate ε"
              value={epsPosition}
              min={Math.log10(EPS_RANGE[0])}
              max={Math.log10(EPS_RANGE[1])}
              step={0.05}
              onChange={(p) => setEps(Number((10 ** p).toPrecision(2)))}
              text={String(eps)}
            />
            <label className="toggle">
              <input type="checkbox" checked={normalize} onChange={(e) => setNormalize(e.target.checked)} />
              Normalize the last hidden value (batch norm)
            </label>
          </div>
          <div className="chain-weights" role="group" aria-label="Weights and their gradients">
            {weights.map((w, i) => (
              <div key={i} className="weight-cell">
                <Slider
                  label={`w${i + 1}`}
                  value={w}
                  min={WEIGHT_RANGE[0]}
                  max={WEIGHT_RANGE[1]}
                  step={0.05}
                  onChange={(val) => setWeight(i, val)}
                  text={w.toFixed(2)}
                />
                <p className={`gradient ${normalize && i < l - 1 ? 'dead' : ''}`} data-testid={`gradient-${i + 1}`}>
                  g{i + 1} = {formatChange(step.gradient[i])}
                </p>
              </div>
            ))}
          </div>
        </div>
        <div className="chain-results">
          <div className="chain-summary">
            <dl className="chain-numbers">
              <div>
                <dt>ŷ now</dt>
                <dd data-testid="chain-yhat">{formatChange(step.before)}</dd>
              </div>
              <div>
                <dt>Predicted change −ε·gᵀg</dt>
                <dd data-testid="chain-predicted">{formatChange(step.predicted)}</dd>
              </div>
              <div>
                <dt>Actual change</dt>
                <dd data-testid="chain-actual" className={v.good ? 'good' : 'bad'}>
                  {formatChange(step.actual)}
                </dd>
              </div>
            </dl>
            <p className={`chain-verdict ${v.good ? 'good' : 'bad'}`} role="status" data-testid="chain-verdict">
              {v.text}
            </p>
          </div>
          {normalize ? (
            <p className="chain-note">
              With h<sub>l−1</sub> normalized over a batch of inputs (mean 0, SD 1), ŷ = w{l}·ĥ and ĥ = ±x whatever w₁…w{l - 1} are. The last layer’s step is
              now exactly first order: predictable again. The price, in a purely linear chain: the lower weights’ gradients are 0, so those layers can no longer
              change ŷ at all. With nonlinearities between them they keep their use.
            </p>
          ) : (
            <div className="chain-terms">
              <table data-testid="chain-terms">
                <caption>Largest higher-order terms</caption>
                <thead>
                  <tr>
                    <th scope="col">term</th>
                    <th scope="col">value</th>
                    <th scope="col">of the prediction</th>
                  </tr>
                </thead>
                <tbody>
                  {shownTerms.map((t) => (
                    <tr key={t.subset.join('-')}>
                      <td className="term-name">{termName(t, l).replaceAll('·', '·\u200b')}</td>
                      <td className="term-value">{formatChange(t.value)}</td>
                      <td>{step.predicted === 0 ? '—' : `${formatChange((100 * t.value) / Math.abs(step.predicted))}%`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {step.higherOrder.length > shownTerms.length && (
                <p className="term-more">
                  …and {step.higherOrder.length - shownTerms.length} more, summing with these to {formatChange(step.actual - step.predicted)}.
                </p>
              )}
            </div>
          )}
        </div>
        <ChangeChart sweep={sweep} eps={eps} now={step} scaleHint={Math.max(Math.abs(step.before), 1e-6)} />
        <p className="watch">
          Try: “all 0.5” then “all 1.5” at the same ε, and add layers. The curves agree at small ε and part where the higher-order terms take over; with weights
          above 1 that happens at a far smaller ε, and sooner the deeper the chain.
        </p>
      </PanelFrame>
    </div>
  );
}
