import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readLinkParams, repeatsKeys } from '../src/config/index.ts';
import { App } from './App.tsx';
import { DrawHold, DrawHoldContext } from './export/drawHold.ts';
import { startEmbedApi } from './embed/api/listen.ts';
import { readLink } from './linkStart.ts';
import { PanelBoundary } from './PanelBoundary.tsx';
import { notify, useStore } from './store/store.ts';
import { openPage, showPage } from './store/uiActions.ts';
import { TrainerClient } from './trainer/TrainerClient.ts';
import { TrainerContext } from './trainer/TrainerContext.tsx';
import { DemoClient } from './story/demo/DemoClient.ts';
import { DemoContext } from './story/demo/DemoContext.ts';
import { DEMO_SEED, demoRequest, DEMOS } from './story/demo/demoSpecs.ts';
import { PREDICTIONS } from './story/predict/predictions.ts';
import { SweepClient } from './trainer/SweepClient.ts';
import { SweepContext } from './trainer/SweepContext.ts';
import { assertionsEnabled, fuzzSeed, qaFastDemos, qaQuery } from './qa.ts';
import { pageQuery } from './shareQuery.ts';
import { loadScaling, useScalingStore } from './scaling/scalingStore.ts';
import { parseSection } from './story/sections.ts';
import { startTheme } from './theme.ts';
import { parseView } from './views.ts';
import { registerServiceWorker } from './registerServiceWorker.ts';
import './styles.css';

// The URL is the config's serialized form: ?preset=NAME starts from a preset, other fields override it.
const link = readLink(location.search);
// One value per key from here on, so every later reader of the address sees the value the page used.
if (repeatsKeys(location.search)) history.replaceState(null, '', `?${readLinkParams(location.search).params.toString()}`);
loadScaling(link.scaling);
// One worker per variant wherever there is a second core: bench:ui on 2 cores measured bn-paper at 380 paired
// steps/s this way against 237 in one worker, and three variants at 243 against 149 (?parallel=1 or 0 overrides).
const parallelParam = link.parallel;
const parallel = parallelParam === null ? navigator.hardwareConcurrency >= 2 : parallelParam === '1';
openPage({ config: link.config, view: link.view, section: link.section, ui: link.ui, parallel: parallelParam });
startTheme(link.ui.theme);
for (const n of link.notices) notify(n.text, n.kind, n.key);

// Write the view and config back to the URL (debounced) so that every view is a shareable link.
let urlTimer = 0;
const writeUrl = () => {
  clearTimeout(urlTimer);
  urlTimer = window.setTimeout(() => {
    const query = [pageQuery(useStore.getState(), useStore.getState().parallel).slice(1), qaQuery()].filter(Boolean).join('&');
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }, 300);
};
useStore.subscribe((s, prev) => {
  if (
    s.config === prev.config &&
    s.view === prev.view &&
    s.section === prev.section &&
    s.presenting === prev.presenting &&
    s.fullPanel === prev.fullPanel &&
    s.hidden === prev.hidden &&
    s.locked === prev.locked
  )
    return;
  writeUrl();
});
useScalingStore.subscribe(writeUrl);
// Back and Forward move between the views the section links pushed (app/navigation/navigate.ts).
window.addEventListener('popstate', () => {
  const query = new URLSearchParams(location.search);
  showPage(parseView(query.get('view')).view, parseSection(query.get('section')).section);
});

const trainer = new TrainerClient(parallel);
// The story's own trainer. A visitor landing on a section that runs at once (the opening) gets its run
// started now, while the story's code is still loading, so the first picture draws sooner.
const demo = new DemoClient();
const landing = DEMOS[link.section];
if (link.view === 'story' && landing !== undefined && PREDICTIONS[link.section] === undefined) demo.ensure(demoRequest(landing, DEMO_SEED, qaFastDemos()));
// In a frame, the host drives the page through the postMessage API (app/embed/api/): the lab's run, or a story section's demo.
startEmbedApi(trainer, demo);
// The learning-rate sweep's workers start only when a sweep does.
const sweep = new SweepClient();
// Held while a picture of the page is taken: the panels pause drawing, training does not.
const drawHold = new DrawHold();
// Testing only: invariant checks and the monkey load on demand and never ship in the main bundle.
if (assertionsEnabled()) void import('./fuzz/start.ts').then((m) => m.startFuzz(trainer, fuzzSeed()));
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <TrainerContext.Provider value={trainer}>
      <DemoContext.Provider value={demo}>
        <SweepContext.Provider value={sweep}>
          <DrawHoldContext.Provider value={drawHold}>
            <PanelBoundary id="app">
              <App />
            </PanelBoundary>
          </DrawHoldContext.Provider>
        </SweepContext.Provider>
      </DemoContext.Provider>
    </TrainerContext.Provider>
  </StrictMode>,
);
registerServiceWorker();
