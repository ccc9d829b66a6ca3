import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useIntents } from '../keys/useKeymap.ts';
import { useStore } from '../store/store.ts';
import { PanelBoundary } from '../PanelBoundary.tsx';
import { DemoBar } from './demo/DemoBar.tsx';
import { SectionContext } from './focal/sectionWaiting.ts';
import { useDemo, useDemoState } from './demo/DemoContext.ts';
import { DEMO_SEED, demoRequest, DEMOS } from './demo/demoSpecs.ts';
import { Predict } from './predict/Predict.tsx';
import { PREDICTIONS } from './predict/predictions.ts';
import { loadLocked, saveLocked, type Locked } from './predict/storage.ts';
import { neighbour, SECTIONS, sectionNumber, type SectionId } from './sections.ts';
import { SECTION_VIEWS } from './views/index.ts';
import { qaFastDemos } from '../qa.ts';

/** localStorage, or null where the browser refuses it. */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * One section on one screen: the title, the prediction (asked before the run, answered after it), a short
 * lead, the claim and a "More" fold on one side; the focal chart and its own run's controls on the other. The
 * section's run starts from step 0 with the section's settings once the prediction is locked (or skipped).
 */
export function StorySection({ id, onMove, demoOnly = false }: { id: SectionId; onMove: (to: SectionId) => void; demoOnly?: boolean }): ReactNode {
  const view = SECTION_VIEWS[id];
  const spec = DEMOS[id];
  const prediction = PREDICTIONS[id];
  const presenting = useStore((s) => s.presenting);
  const demo = useDemo();
  const phase = useDemoState((s) => s.phase);
  const [seed, setSeed] = useState(DEMO_SEED);
  // In presenter mode the room predicts by a show of hands: nothing is kept on the presenter's device. An embed
  // shows the demo only (its page asks the question): the prediction counts as skipped and is not kept.
  const [locked, setLocked] = useState<Locked | null>(() => (demoOnly ? { kind: 'skipped' } : presenting ? null : loadLocked(id, storage())));
  const waiting = prediction !== undefined && locked === null;
  useEffect(() => {
    if (spec === undefined || waiting) {
      demo.stop();
      return;
    }
    demo.ensure(demoRequest(spec, seed, qaFastDemos()));
  }, [demo, spec, seed, waiting]);
  const lock = (l: Locked | null) => {
    setLocked(l);
    setChartDone(false);
    if (!presenting && !demoOnly) saveLocked(id, l, storage());
  };
  // A chart that animates by itself says when it is done (useMarkDone); another without a run reveals at once.
  const [chartDone, setChartDone] = useState(false);
  const markDone = useCallback(() => setChartDone(true), []);
  const revealed = spec === undefined ? locked !== null && (view.animates !== true || chartDone) : phase === 'done';
  const section = useMemo(() => ({ waiting, markDone }), [waiting, markDone]);
  // Space runs the section (after its prediction, or in place of one: the presenter's "Run it"), pauses and
  // goes on; R replays from step 0 (app/keys/keymap.ts; a focused button or field keeps its own keys).
  useIntents({
    demoPlayPause: () => {
      const now = demo.store.getState().phase;
      if (waiting) setLocked({ kind: 'skipped' });
      else if (now === 'running') demo.pause();
      else if (now === 'paused') demo.resume();
      else if (now === 'done' || now === 'error') demo.replay();
      else return false;
    },
    demoReplay: () => {
      if (waiting || spec === undefined) return false;
      demo.replay();
    },
  });
  const prev = neighbour(id, -1);
  const next = neighbour(id, 1);
  const { Chart, Lead, Claim, More } = view;
  const focal = (
    <div className="story-focal">
      {spec !== undefined && <DemoBar seed={seed} waiting={waiting} onSeed={() => setSeed((s) => s + 1)} />}
      <SectionContext.Provider value={section}>
        <PanelBoundary key={id} id={`demo-${id}`}>
          <Chart />
        </PanelBoundary>
      </SectionContext.Provider>
    </div>
  );
  // Embedded in someone's slide or course page: the title as one line and the demo, no prose.
  if (demoOnly)
    return (
      <article className="story-section story-demo-only" aria-labelledby="story-title" data-section={id}>
        <h2 id="story-title" className="story-demo-title">
          <span className="section-number">{sectionNumber(id)}</span> {SECTIONS[sectionNumber(id) - 1].title}
        </h2>
        {focal}
      </article>
    );
  return (
    <article className="story-section" aria-labelledby="story-title" data-section={id} data-waiting={waiting ? '' : undefined}>
      <div className="story-text">
        <h2 id="story-title" className={presenting ? 'sr-only' : undefined}>
          <span className="section-number">{sectionNumber(id)}</span> {SECTIONS[sectionNumber(id) - 1].title}
        </h2>
        {prediction !== undefined && (
          <Predict prediction={prediction} locked={locked} revealed={revealed} presenting={presenting} onLock={lock} onAgain={() => lock(null)} />
        )}
        <div className="story-lead">
          <Lead />
        </div>
        {Claim !== undefined && !waiting && (
          <div className="story-claim" data-testid="claim">
            <Claim />
          </div>
        )}
        {More !== undefined && (
          <details className="story-more">
            <summary>{presenting ? 'Speaker notes' : 'More'}</summary>
            <More />
          </details>
        )}
        {!presenting && (
          <div className="story-nav">
            {prev !== null && (
              <button type="button" onClick={() => onMove(prev)} aria-keyshortcuts="ArrowLeft">
                ← {SECTIONS[sectionNumber(prev) - 1].title}
              </button>
            )}
            {next !== null && (
              <button type="button" className="primary" onClick={() => onMove(next)} aria-keyshortcuts="ArrowRight">
                {SECTIONS[sectionNumber(next) - 1].title} →
              </button>
            )}
          </div>
        )}
      </div>
      {focal}
    </article>
  );
}
