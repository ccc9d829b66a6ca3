import { Term } from '../glossary/Term.tsx';
import { useCalmLive } from '../hooks/useCalmLive.ts';
import { useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { formatLossShort, formatPercent, formatStep } from '../viz/format.ts';
import { accuracyGap, referenceIndex, stepsToTargetText, TEST_SET_SIZE } from '../viz/pairedGap.ts';
import { VARIANT_STYLES } from '../viz/palette.ts';
import { Swatch } from '../viz/Swatch.tsx';

/**
 * One card per variant, leading with what the pairing shows: how many steps it took to reach 90 % test
 * accuracy, and how many points it is ahead of (or behind) the plain network now, or a tie within the test
 * set's standard error. Its loss and accuracy follow, small, and all of it changes at most twice a second.
 */
export function VariantCards() {
  const { live, reachedAt } = useCalmLive(useTrainer().history);
  const n = useStore((s) => TEST_SET_SIZE[s.config.dataset]);
  const ref = referenceIndex(live.map((v) => v.placement));
  const refName = live[ref] ? VARIANT_STYLES[live[ref].placement].short : '';
  return (
    <ul className="variant-cards">
      {live.map((v, i) => {
        const style = VARIANT_STYLES[v.placement];
        const diverged = v.divergedAt >= 0;
        const gap = i === ref ? null : accuracyGap(v.testAcc, live[ref].testAcc, n);
        return (
          <li key={v.name} className="variant-card" style={{ borderColor: style.color }} data-variant={v.placement}>
            <span className="variant-name" style={{ color: style.ink }}>
              <Swatch placement={v.placement} width={30} /> {style.short}
            </span>
            <span className={`variant-status${diverged ? ' diverged' : ''}`} role="status">
              {diverged ? `diverged at step ${formatStep(v.divergedAt)}` : 'training'}
            </span>
            <span className="lead" data-testid="steps-to-90">
              <span className="lead-number">{stepsToTargetText(reachedAt[i] ?? -1, v.divergedAt)}</span>
              <small>
                <Term id="steps90">steps to 90%</Term>
              </small>
            </span>
            {gap !== null && (
              <span className="lead" data-testid="accuracy-gap">
                <span className="lead-number">{gap.text}</span>
                <small>
                  {gap.tie ? `with ${refName}, ` : `points vs ${refName}, `}
                  <Term id="stdError">{Number.isFinite(gap.sePoints) ? `±${gap.sePoints.toFixed(1)}` : '±—'}</Term>
                </small>
              </span>
            )}
            <span className="variant-minor">
              {/* A diverged variant's last loss is meaningless (1e19, 4.81e38): its status says what happened instead. */}
              {diverged ? '' : `loss ${formatLossShort(v.trainLoss)} · `}test acc. {formatPercent(v.testAcc)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
