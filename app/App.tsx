import { ControlsPanel } from './controls/ControlsPanel.tsx';
import { Notices } from './Notices.tsx';
import { DriftPanel } from './panels/DriftPanel.tsx';
import { HistogramPanel } from './panels/HistogramPanel.tsx';
import { LossAccuracyPanel } from './panels/LossAccuracyPanel.tsx';
import { NetworkStrip } from './panels/NetworkStrip.tsx';
import { RunBar } from './panels/RunBar.tsx';

/** The live lab: run bar on top, settings at the side, the panels in a grid that stacks on phones. */
export function App() {
  return (
    <div className="app">
      <header className="masthead">
        <h1>Shift Lab</h1>
        <p className="lede">The same network trained twice, from the same weights on the same batches: with and without batch norm.</p>
      </header>
      <RunBar />
      <Notices />
      <div className="workspace">
        <ControlsPanel />
        <main className="panels">
          <LossAccuracyPanel />
          <HistogramPanel />
          <DriftPanel />
          <NetworkStrip />
        </main>
      </div>
    </div>
  );
}
