import type { VariantStat } from '../../src/experiment/index.ts';
import type { History } from '../history/History.ts';
import { MODE_LABEL, MODE_TERM } from '../controls/Select.tsx';
import { Term } from '../glossary/Term.tsx';
import { useStore } from '../store/store.ts';
import { setLogLoss, setLogSteps } from '../store/uiActions.ts';
import { LOSS_AXIS_MAX } from '../viz/domains.ts';
import { formatLoss, formatPercent } from '../viz/format.ts';
import { Panel } from './Panel.tsx';
import { TimeChart } from './TimeChart.tsx';
import { VariantLegend } from './VariantLegend.tsx';

/** A variant statistic at a history row, or at the latest snapshot for row −1. */
const stat = (key: VariantStat) => (h: History, row: number, v: number) => h.variantAt(row, v, key);
const trainLoss = stat('trainLoss');
const testAcc = stat('testAcc');

/** Training loss and test accuracy over steps, variants overlaid. */
export function LossAccuracyPanel() {
  const logLoss = useStore((s) => s.logLoss);
  const logSteps = useStore((s) => s.logSteps);
  const evalMode = useStore((s) => s.config.evalMode);
  const presenting = useStore((s) => s.presenting);
  return (
    <Panel
      id="curves"
      title="Loss and accuracy"
      watch={
        <>
          Watch where the curves part: with <Term id="bn">batch norm</Term> the loss falls sooner and <Term id="testAcc">test accuracy</Term> passes 90% (the
          marker) many steps before the plain network’s.
        </>
      }
      actions={
        <>
          <label className="toggle">
            <input type="checkbox" checked={logSteps} onChange={(e) => setLogSteps(e.target.checked)} /> log step axis
          </label>
          <label className="toggle">
            <input type="checkbox" checked={logLoss} onChange={(e) => setLogLoss(e.target.checked)} /> log loss axis
          </label>
        </>
      }
    >
      {/* On a slide the run bar's cards above carry each variant's colour, dash and marker. */}
      {!presenting && <VariantLegend />}
      {/* Side by side where the panel is wide (presenter mode, full screen), so both fit one screen. */}
      <div className="curves-body">
        <div className="curves-grid">
          <div>
            <p className="chart-note">
              <Term id="trainLoss">Training loss</Term> on each step’s mini-batch
            </p>
            <TimeChart
              id="loss"
              label="training loss"
              kind={logLoss ? 'log' : 'linear'}
              fixed={null}
              yMax={LOSS_AXIS_MAX}
              valueAt={trainLoss}
              format={formatLoss}
              height={230}
              fillSlide
            />
          </div>
          <div>
            {/* The axis has room for the name only; how batch norms are evaluated goes above the chart. */}
            <p className="chart-note">
              Test accuracy, with batch norms using <Term id={MODE_TERM[evalMode]}>{MODE_LABEL[evalMode]}</Term> at test time
            </p>
            <TimeChart
              id="accuracy"
              label="test accuracy"
              kind="linear"
              fixed={[0, 1]}
              valueAt={testAcc}
              format={formatPercent}
              target={0.9}
              height={230}
              fillSlide
            />
          </div>
        </div>
      </div>
    </Panel>
  );
}
