import { useRef, useState, type ReactNode } from 'react';
import { ControlsPanel } from '../controls/ControlsPanel.tsx';
import { LAB_PANELS, LabSlidePanels } from '../LabPanels.tsx';
import { Notices } from '../Notices.tsx';
import { PanelBoundary } from '../PanelBoundary.tsx';
import { RunBar } from '../panels/RunBar.tsx';
import { useStore } from '../store/store.ts';
import { OpenInLab } from './OpenInLab.tsx';

/**
 * The lab in a frame: a compact run bar, then the panel the link names (`panel=…`) filling the rest, or the
 * slide's one-panel-at-a-time picker. The settings stay in a drawer where the frame is wide enough.
 */
export function EmbedLab(): ReactNode {
  const showControls = useStore((s) => !s.hidden.includes('controls'));
  // The link's panel, kept while the frame is open (F and Esc do not act here).
  const [named] = useState(() => LAB_PANELS.find((p) => p.id === useStore.getState().fullPanel) ?? null);
  const [drawer, setDrawer] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const closeDrawer = () => {
    setDrawer(false);
    toggle.current?.focus();
  };
  return (
    <>
      <header className="embed-top">
        <h1 className="sr-only">Shift Lab: batch-norm lab</h1>
        <PanelBoundary id="runbar">
          <RunBar compact />
        </PanelBoundary>
        <div className="embed-tools">
          {showControls && (
            <button ref={toggle} type="button" className="embed-drawer-toggle" aria-expanded={drawer} aria-controls="settings" onClick={() => setDrawer(true)}>
              ☰ Settings
            </button>
          )}
          <OpenInLab />
        </div>
      </header>
      <Notices />
      {showControls && (
        <PanelBoundary id="controls">
          <ControlsPanel open={drawer} onClose={closeDrawer} />
        </PanelBoundary>
      )}
      {named === null ? (
        <div className="embed-stage">
          <LabSlidePanels />
        </div>
      ) : (
        <main className="embed-stage panels embed-panel">
          <named.Panel />
        </main>
      )}
    </>
  );
}
