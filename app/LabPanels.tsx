import { useState, type ReactNode } from 'react';
import type { PanelId } from './linkUi.ts';
import { useStore } from './store/store.ts';
import { DriftPanel } from './panels/DriftPanel.tsx';
import { HistogramPanel } from './panels/HistogramPanel.tsx';
import { InferencePanel } from './panels/InferencePanel.tsx';
import { LandscapePanel } from './panels/LandscapePanel.tsx';
import { LossAccuracyPanel } from './panels/LossAccuracyPanel.tsx';
import { NetworkStrip } from './panels/NetworkStrip.tsx';
import { SweepPanel } from './panels/SweepPanel.tsx';

/** The lab's panels in page order, each with the short name a slide's panel picker gives it. */
export const LAB_PANELS: readonly { id: PanelId; name: string; Panel: () => ReactNode }[] = [
  { id: 'curves', name: 'Loss and accuracy', Panel: LossAccuracyPanel },
  { id: 'histograms', name: 'Histograms', Panel: HistogramPanel },
  { id: 'drift', name: 'Drift', Panel: DriftPanel },
  { id: 'network', name: 'Networks', Panel: NetworkStrip },
  { id: 'landscape', name: 'Landscape', Panel: LandscapePanel },
  { id: 'inference-probe', name: 'Inference', Panel: InferencePanel },
  { id: 'lr-sweep', name: 'Rate sweep', Panel: SweepPanel },
];

/** Every panel, one after another: the lab as a page. */
export function LabPanels(): ReactNode {
  return (
    <main className="panels">
      {LAB_PANELS.map(({ id, Panel }) => (
        <Panel key={id} />
      ))}
    </main>
  );
}

/**
 * The lab as a slide: one panel at a time under the run bar (the loss and accuracy curves first), picked from a
 * row of buttons, so the slide is one screen with one picture instead of a page the presenter scrolls.
 */
export function LabSlidePanels(): ReactNode {
  // A link that opens a panel full screen opens the slide on that panel.
  const [shown, setShown] = useState<PanelId>(() => useStore.getState().fullPanel ?? 'curves');
  const current = LAB_PANELS.find((p) => p.id === shown) ?? LAB_PANELS[0];
  return (
    <main className="slide-lab">
      <div className="segmented slide-panel-picker" role="group" aria-label="Panel on this slide">
        {LAB_PANELS.map(({ id, name }) => (
          <button key={id} type="button" aria-pressed={id === current.id} onClick={() => setShown(id)}>
            {name}
          </button>
        ))}
      </div>
      <div className="panels slide-panel">
        <current.Panel key={current.id} />
      </div>
    </main>
  );
}
