import { useEffect, type ReactNode } from 'react';
import { INFERENCE_MODES } from '../../src/engine/model.ts';
import { ChainLink } from './ChainLink.tsx';
import { MODE_LABEL, Select } from '../controls/Select.tsx';
import { DriftPanel } from '../panels/DriftPanel.tsx';
import { HistogramPanel } from '../panels/HistogramPanel.tsx';
import { InferencePanel } from '../panels/InferencePanel.tsx';
import { LandscapePanel } from '../panels/LandscapePanel.tsx';
import { LossAccuracyPanel } from '../panels/LossAccuracyPanel.tsx';
import { NetworkStrip } from '../panels/NetworkStrip.tsx';
import { RunBar } from '../panels/RunBar.tsx';
import { SweepPanel } from '../panels/SweepPanel.tsx';
import { Panel } from '../panels/Panel.tsx';
import { PanelBoundary } from '../PanelBoundary.tsx';
import { ScalingLab } from '../scaling/ScalingLab.tsx';
import { queryFor } from '../shareQuery.ts';
import { Notices } from '../Notices.tsx';
import { linkUiOf, updateConfig, useStore } from '../store/store.ts';
import { BiasMeter, LiveBnTransform } from './LiveBn.tsx';
import { neighbour, SECTIONS, type SectionId } from './sections.ts';
import { STORY_TEXT } from './StoryText.tsx';
import './story.css';

const EVAL_BATCHES = [1, 2, 8, 60, 500] as const;

/** The test-time choices of the inference section, bound to the lab's config. */
function InferenceControls() {
  const mode = useStore((s) => s.config.evalMode);
  const size = useStore((s) => s.config.evalBatchSize);
  return (
    <Panel id="inference" title="The lab’s test curve" watch="Choose what the lab’s test-accuracy curve uses. With batch statistics, small test batches hurt; fixed statistics do not care.">
      <div className="inline-controls">
        <Select label="BN normalizes with" value={mode} options={INFERENCE_MODES} names={MODE_LABEL} onChange={(evalMode) => updateConfig({ evalMode })} />
        <Select
          label="Test batch size"
          value={String(size)}
          options={EVAL_BATCHES.map(String)}
          onChange={(v) => updateConfig({ evalBatchSize: Number(v) })}
        />
      </div>
    </Panel>
  );
}

/** Each section's live demo: the lab's own panels, driven by the same running model. */
const DEMOS: Record<SectionId, () => ReactNode> = {
  scaling: () => <ScalingLab />,
  shift: () => (
    <>
      <DriftPanel />
      <HistogramPanel />
      <ChainLink />
    </>
  ),
  transform: () => (
    <>
      <Panel id="bn-live" title="BN on the running model" watch="Every number updates as the network trains: the batch statistics move, x̂ stays standardized, γ and β drift slowly.">
        <LiveBnTransform />
      </Panel>
      <NetworkStrip />
    </>
  ),
  bias: () => (
    <Panel id="bias" title="Bias gradient beside BN" watch="The bias feeding BN gets no gradient (about 10⁻⁹, rounding), the plain network's does.">
      <BiasMeter />
    </Panel>
  ),
  inference: () => (
    <>
      <InferencePanel />
      <InferenceControls />
    </>
  ),
  rates: () => (
    <>
      <SweepPanel />
      <LossAccuracyPanel />
    </>
  ),
  smoothness: () => (
    <>
      <LandscapePanel />
      <DriftPanel />
      <LossAccuracyPanel />
    </>
  ),
  limits: () => (
    <>
      <InferenceControls />
      <LossAccuracyPanel />
    </>
  ),
};

/** Moves to a section, as a new history entry so Back returns. */
export function goToSection(section: SectionId): void {
  const s = useStore.getState();
  history.pushState(null, '', queryFor('story', s.config, new URLSearchParams(location.search).get('parallel'), section, linkUiOf(s)) || location.pathname);
  useStore.setState({ section });
  window.scrollTo({ top: 0 });
}

/** Whether a key press belongs to a form control. */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}

/**
 * The story: a contents list, then one section at a time, its prose beside its live demo, with the run bar
 * on top so the lab is always running. ← and → move between sections.
 */
export function Story() {
  const section = useStore((s) => s.section);
  const index = SECTIONS.findIndex((s) => s.id === section);
  const prev = neighbour(section, -1);
  const next = neighbour(section, 1);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // In presenter mode the presenter's keys move through the talk instead.
      const s = useStore.getState();
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || s.presenting || s.sheetOpen) return;
      const to = e.key === 'ArrowRight' ? next : e.key === 'ArrowLeft' ? prev : null;
      if (to !== null) goToSection(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [prev, next]);
  const showContents = useStore((s) => !s.presenting && !s.hidden.includes('contents'));
  const Text = STORY_TEXT[section];
  const Demo = DEMOS[section];
  return (
    <>
      <PanelBoundary id="runbar">
        <RunBar />
      </PanelBoundary>
      <Notices />
      <main className="story">
        {showContents && (
          <nav className="contents" aria-label="Story contents">
            <ol>
              {SECTIONS.map((s, i) => (
                <li key={s.id}>
                  <a
                    href={queryFor('story', useStore.getState().config, null, s.id, linkUiOf(useStore.getState())) || '?view=story'}
                    aria-current={s.id === section ? 'step' : undefined}
                    onClick={(e) => {
                      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
                      e.preventDefault();
                      goToSection(s.id);
                    }}
                  >
                    {i + 1}. {s.title}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
        )}
        <article className="story-section" aria-labelledby="story-title" data-section={section}>
          <div className="story-text">
            <h2 id="story-title">
              <span className="section-number">{index + 1}</span> {SECTIONS[index].title}
            </h2>
            <PanelBoundary id={`story-${section}`}>
              <Text />
            </PanelBoundary>
            <div className="story-nav">
              {prev !== null && (
                <button type="button" onClick={() => goToSection(prev)} aria-keyshortcuts="ArrowLeft">
                  ← {SECTIONS[index - 1].title}
                </button>
              )}
              {next !== null && (
                <button type="button" onClick={() => goToSection(next)} aria-keyshortcuts="ArrowRight">
                  {SECTIONS[index + 1].title} →
                </button>
              )}
            </div>
          </div>
          <div className="story-demo">
            <PanelBoundary key={section} id={`demo-${section}`}>
              <Demo />
            </PanelBoundary>
          </div>
        </article>
      </main>
    </>
  );
}
