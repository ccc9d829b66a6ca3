import { normBeforeActivation, normOf, type NormKind, type Placement } from '../../src/engine/index.ts';
import { updateConfig, useStore } from '../store/store.ts';
import { VARIANT_STYLES } from '../viz/palette.ts';
import { Panel } from './Panel.tsx';

const SHOWN_UNITS = 12;

const ACT_LABEL = { sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU', linear: 'id' } as const;

/** The architecture of each variant, with its normalization drawn where it sits; click a layer or unit to track it. */
export function NetworkStrip() {
  const shape = useStore((s) => s.shape);
  const config = useStore((s) => s.config);
  if (shape === null) return null;
  const hidden = shape.sizes.slice(1, -1);
  const act = ACT_LABEL[config.activation];
  return (
    <Panel
      id="network"
      title="The networks"
      watch="Same weights at step 0, same batches every step: the only difference is which normalization each has, and where it sits. Click a layer or unit to track it."
    >
      <div className="network-rows">
        {shape.placements.map((p, v) => (
          <div key={`${p}-${v}`} className="network-row" data-network={p}>
            <div className="network-name" style={{ color: VARIANT_STYLES[p].ink }}>
              {VARIANT_STYLES[p].short}
            </div>
            <ol className="network-strip" aria-label={`${VARIANT_STYLES[p].label} layers`}>
              <li className="layer-group io">
                <span className="block input">input {shape.sizes[0]}</span>
              </li>
              {hidden.map((width, l) => (
                <li key={l} className={`layer-group${config.trackLayer === l + 1 ? ' tracked' : ''}`}>
                  <button
                    type="button"
                    className="layer-button"
                    aria-label={`Layer ${l + 1}: ${blocks(p, act)
                      .map((b) => (b.kind === 'noise' ? 'added noise' : b.label))
                      .join(', then ')}. Track this layer.`}
                    aria-pressed={config.trackLayer === l + 1}
                    onClick={() => updateConfig({ trackLayer: l + 1 })}
                  >
                    {blocks(p, act).map((b, i) => (
                      <span key={i} className={`block ${b.kind}`}>
                        {b.kind === 'dense' ? `dense ${width}` : b.label}
                      </span>
                    ))}
                  </button>
                  {v === 0 && (
                    <span className="units" role="group" aria-label={`Units of layer ${l + 1}`}>
                      {Array.from({ length: Math.min(width, SHOWN_UNITS) }, (_, u) => (
                        <button
                          key={u}
                          type="button"
                          className="unit"
                          aria-label={`Track unit ${u} of layer ${l + 1}`}
                          aria-pressed={config.trackLayer === l + 1 && config.trackUnit === u}
                          onClick={() => updateConfig({ trackLayer: l + 1, trackUnit: u })}
                        />
                      ))}
                      {width > SHOWN_UNITS && <span className="more">+{width - SHOWN_UNITS}</span>}
                    </span>
                  )}
                </li>
              ))}
              <li className="layer-group io">
                <span className="block dense">dense {shape.sizes[shape.sizes.length - 1]}</span>
                <span className="block out">softmax</span>
              </li>
            </ol>
          </div>
        ))}
      </div>
    </Panel>
  );
}

/** What the normalization block of each kind says. */
const NORM_LABEL: Record<NormKind, string> = { bn: 'BN', ln: 'LN', l1: 'ℓ1 BN', l2: 'ℓ2 BN', linf: 'ℓ∞ BN' };

/** The blocks of one hidden layer, in order, for a placement. */
export function blocks(placement: Placement, act: string): { kind: 'dense' | 'bn' | 'noise' | 'act'; label: string }[] {
  const dense = { kind: 'dense' as const, label: 'dense' };
  const a = { kind: 'act' as const, label: act };
  const norm = normOf(placement);
  if (norm === null) return [dense, a];
  const block = { kind: 'bn' as const, label: NORM_LABEL[norm] };
  if (placement === 'noisy') return [dense, block, { kind: 'noise', label: '+ noise' }, a];
  return normBeforeActivation(placement) ? [dense, block, a] : [dense, a, block];
}
