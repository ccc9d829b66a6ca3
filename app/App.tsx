import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { ChainDemo } from './chain/ChainDemo.tsx';
import { EmbedApp } from './embed/EmbedApp.tsx';
import { ControlsPanel } from './controls/ControlsPanel.tsx';
import { LabPanels, LabSlidePanels } from './LabPanels.tsx';
import { Nav } from './Nav.tsx';
import { Notices } from './Notices.tsx';
import { PanelBoundary } from './PanelBoundary.tsx';
import { RunBar } from './panels/RunBar.tsx';
import { ScalingLab } from './scaling/ScalingLab.tsx';
import { ScenarioGallery } from './ScenarioGallery.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import { PresenterBar } from './presenter/PresenterBar.tsx';
import { ShortcutSheet } from './presenter/ShortcutSheet.tsx';
import { pageIntents } from './keys/pageIntents.ts';
import { KeysContext, useKeymap } from './keys/useKeymap.ts';
import { useStore } from './store/store.ts';
import { setSheetOpen, startPresenting } from './store/uiActions.ts';
import { useTrainer } from './trainer/TrainerContext.tsx';

// The story brings KaTeX and its fonts: loaded only when it is opened.
const Story = lazy(() => import('./story/Story.tsx').then((m) => ({ default: m.Story })));

/** The live lab: run bar on top, settings at the side, the panels in a grid that stacks on phones. */
function Lab() {
  const presenting = useStore((s) => s.presenting);
  const showControls = useStore((s) => !s.presenting && !s.hidden.includes('controls'));
  // On a phone the settings live in a drawer (on wider screens the button is hidden and the column shows).
  const [drawer, setDrawer] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  // Controls hidden (presenter mode, a classroom flag) close the drawer, so it does not reopen by itself later.
  if (!showControls && drawer) setDrawer(false);
  const closeDrawer = () => {
    setDrawer(false);
    toggle.current?.focus();
  };
  return (
    <>
      <PanelBoundary id="runbar">
        <RunBar />
      </PanelBoundary>
      <Notices />
      {showControls && (
        <button ref={toggle} type="button" className="drawer-toggle" aria-expanded={drawer} aria-controls="settings" onClick={() => setDrawer(true)}>
          ☰ Settings
        </button>
      )}
      <div className={showControls ? 'workspace' : 'workspace no-controls'}>
        {showControls && (
          <PanelBoundary id="controls">
            <ControlsPanel open={drawer} onClose={closeDrawer} />
          </PanelBoundary>
        )}
        {presenting ? <LabSlidePanels /> : <LabPanels />}
      </div>
    </>
  );
}

/** The page: the whole app, or (`embed=1`) the view's demo alone, sized to its frame. */
export function App() {
  const embedded = useStore((s) => s.embedded);
  return embedded ? <EmbedApp /> : <WholeApp />;
}

/** The masthead and section links, then the current view. The lab's run continues while another view shows. */
function WholeApp() {
  const view = useStore((s) => s.view);
  const presenting = useStore((s) => s.presenting);
  const hideNav = useStore((s) => s.hidden.includes('nav'));
  const trainer = useTrainer();
  const keys = useKeymap(pageIntents(trainer));
  // The lab's workers start when the lab is first shown: the story and the other views do not need them.
  useEffect(() => {
    if (view === 'lab') trainer.start();
  }, [view, trainer]);
  const wasPresenting = useRef(presenting);
  useEffect(() => {
    document.documentElement.toggleAttribute('data-present', presenting);
    // Keep the keyboard's place: leaving presenter mode returns to the button that enters it.
    if (wasPresenting.current && !presenting) document.querySelector<HTMLElement>('.present-button')?.focus();
    wasPresenting.current = presenting;
  }, [presenting]);
  return (
    <KeysContext.Provider value={keys}>
      <div className="app">
        {presenting ? (
          <PresenterBar />
        ) : (
          <header className="masthead">
            <h1 title="Internal covariate shift and batch normalization, each claim shown live">Shift Lab</h1>
            {!hideNav && <Nav />}
            <div className="masthead-tools">
              <button type="button" className="present-button" onClick={startPresenting} aria-keyshortcuts="P">
                Present
              </button>
              <button type="button" onClick={() => setSheetOpen(true)} aria-keyshortcuts="?" aria-label="Shortcuts" title="Shortcuts (?)">
                ?
              </button>
              <ThemeToggle />
            </div>
          </header>
        )}
        <ShortcutSheet />
        {view === 'lab' ? (
          <Lab />
        ) : view === 'story' ? (
          <Suspense fallback={<p className="empty-note">Loading the story…</p>}>
            <Story />
          </Suspense>
        ) : (
          <>
            <Notices />
            <main>
              <PanelBoundary key={view} id={view}>
                {view === 'scaling' ? <ScalingLab /> : view === 'chain' ? <ChainDemo /> : <ScenarioGallery />}
              </PanelBoundary>
            </main>
          </>
        )}
      </div>
    </KeysContext.Provider>
  );
}
