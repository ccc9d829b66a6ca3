import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';
import { ChainDemo } from '../chain/ChainDemo.tsx';
import { pageIntents } from '../keys/pageIntents.ts';
import { KeysContext, useKeymap } from '../keys/useKeymap.ts';
import { Notices } from '../Notices.tsx';
import { PanelBoundary } from '../PanelBoundary.tsx';
import { ScalingLab } from '../scaling/ScalingLab.tsx';
import { ScenarioGallery } from '../ScenarioGallery.tsx';
import { useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { VIEWS } from '../views.ts';
import { EmbedLab } from './EmbedLab.tsx';
import { OpenInLab } from './OpenInLab.tsx';
import './embed.css';

// The story brings KaTeX and its fonts: loaded only when a section is embedded.
const EmbedStory = lazy(() => import('./EmbedStory.tsx').then((m) => ({ default: m.EmbedStory })));

/**
 * `?embed=1`: the view's demo alone, sized to its frame (a slide, a course page's sidebar), with a link that
 * opens the same state whole in a new tab. No masthead, section links, settings column or presenter bar.
 */
export function EmbedApp(): ReactNode {
  const view = useStore((s) => s.view);
  const trainer = useTrainer();
  // The frame's keys: the lab's run and the story's demo. Presenter mode, the sheet and full screen belong to
  // the whole page (the link opens it); the arrows stay on the section the link names (a deck around the frame
  // has its own); Esc is left to the embedding page.
  const intents = useMemo(() => {
    const unused = () => false;
    return {
      ...pageIntents(trainer),
      escape: unused,
      togglePresenting: unused,
      toggleFullPanel: unused,
      toggleSheet: unused,
      previousSection: unused,
      nextSection: unused,
    };
  }, [trainer]);
  const keys = useKeymap(intents);
  useEffect(() => {
    if (view === 'lab') trainer.start();
  }, [view, trainer]);
  useEffect(() => {
    document.documentElement.setAttribute('data-embed', '');
    return () => document.documentElement.removeAttribute('data-embed');
  }, []);
  return (
    <KeysContext.Provider value={keys}>
      <div className="embed" data-view={view}>
        {view === 'lab' ? (
          <EmbedLab />
        ) : (
          <>
            <header className="embed-top">
              <h1 className="sr-only">Shift Lab: {VIEWS.find((v) => v.id === view)?.title}</h1>
              <OpenInLab />
            </header>
            <Notices />
            {view === 'story' ? (
              <Suspense fallback={<p className="empty-note">Loading…</p>}>
                <EmbedStory />
              </Suspense>
            ) : (
              <main className="embed-stage">
                <PanelBoundary key={view} id={view}>
                  {view === 'scaling' ? <ScalingLab /> : view === 'chain' ? <ChainDemo /> : <ScenarioGallery />}
                </PanelBoundary>
              </main>
            )}
          </>
        )}
      </div>
    </KeysContext.Provider>
  );
}
