import { presetWatch } from '../src/claims/presetText.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_CONFIG } from '../src/config/config.ts';
import { parseConfig } from '../src/config/schema.ts';
import { partialFromQuery } from '../src/config/url.ts';
import { findPreset } from '../src/experiment/presets.ts';
import { App } from './App.tsx';
import { PanelBoundary } from './PanelBoundary.tsx';
import { linkUiFromQuery, LINK_UI_KEYS } from './linkUi.ts';
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
import { assertionsEnabled, fuzzSeed, QA_KEYS, qaFastDemos, qaQuery } from './qa.ts';
import { pageQuery } from './shareQuery.ts';
import { scalingFromQuery, SCALING_KEYS } from './scaling/scalingQuery.ts';
import { loadScaling, useScalingStore } from './scaling/scalingStore.ts';
import { parseSection } from './story/sections.ts';
import { startTheme } from './theme.ts';
import { parseView } from './views.ts';
import { registerServiceWorker } from './registerServiceWorker.ts';
import './styles.css';

// The URL is the config's serialized form: ?preset=NAME starts from a preset, other fields override it.
const params = new URLSearchParams(location.search);
const presetName = params.get('preset');
const preset = presetName === null ? undefined : findPreset(presetName);
const fromUrl = partialFromQuery(location.search, ['preset', 'parallel', 'view', 'section', ...LINK_UI_KEYS, ...SCALING_KEYS, ...QA_KEYS]);
const scaling = scalingFromQuery(location.search);
loadScaling(scaling.state);
const linkUi = linkUiFromQuery(location.search);
// A link with a preset or settings but no view is a lab link (the gallery's and older links); a bare address opens the story.
const labLink = params.get('view') === null && (presetName !== null || Object.keys(fromUrl.partial).length > 0);
const view = labLink ? { view: 'lab' as const, notice: null } : parseView(params.get('view'));
const start = parseConfig({ ...(preset?.config ?? {}), ...fromUrl.partial }, DEFAULT_CONFIG);
const section = parseSection(params.get('section'));
// One worker per variant wherever there is a second core: bench:ui on 2 cores measured bn-paper at 380 paired
// steps/s this way against 237 in one worker, and three variants at 243 against 149 (?parallel=1 or 0 overrides).
const parallelParam = params.get('parallel');
const parallel = parallelParam === null ? navigator.hardwareConcurrency >= 2 : parallelParam === '1';
openPage({ config: start.config, view: view.view, section: section.section, ui: linkUi.ui, parallel: parallelParam });
startTheme();
if (view.notice !== null) notify(view.notice, 'warning');
if (section.notice !== null) notify(section.notice, 'warning');
for (const n of [...linkUi.notices, ...scaling.notices]) notify(n, 'warning');
if (presetName !== null && preset === undefined) notify(`Unknown preset "${presetName}" in the link; using the defaults.`, 'warning');
// A scenario link says what to watch, as the gallery's button does.
if (preset !== undefined) notify(`${preset.title}: ${presetWatch(preset)}`, 'info', 'preset');
for (const n of [...fromUrl.notices, ...start.notices]) notify(`Link: ${n.message}`, 'warning');

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
  if (s.config === prev.config && s.view === prev.view && s.section === prev.section && s.presenting === prev.presenting && s.fullPanel === prev.fullPanel && s.hidden === prev.hidden) return;
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
const landing = DEMOS[section.section];
if (view.view === 'story' && landing !== undefined && PREDICTIONS[section.section] === undefined) demo.ensure(demoRequest(landing, DEMO_SEED, qaFastDemos()));
// The learning-rate sweep's workers start only when a sweep does.
const sweep = new SweepClient();
// Testing only: invariant checks and the monkey load on demand and never ship in the main bundle.
if (assertionsEnabled()) void import('./fuzz/start.ts').then((m) => m.startFuzz(trainer, fuzzSeed()));
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <TrainerContext.Provider value={trainer}>
      <DemoContext.Provider value={demo}>
        <SweepContext.Provider value={sweep}>
          <PanelBoundary id="app">
            <App />
          </PanelBoundary>
        </SweepContext.Provider>
      </DemoContext.Provider>
    </TrainerContext.Provider>
  </StrictMode>,
);
registerServiceWorker();
