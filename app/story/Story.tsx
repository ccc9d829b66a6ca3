import { useEffect, useRef } from 'react';
import { queryFor } from '../shareQuery.ts';
import { Notices } from '../Notices.tsx';
import { linkUiOf, useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { useDemo } from './demo/DemoContext.ts';
import { neighbour, SECTIONS, type SectionId } from './sections.ts';
import { StorySection } from './StorySection.tsx';
import './story.css';

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

/** The contents: every section as a chip in one row that scrolls sideways, the current one marked. */
function Contents({ section }: { section: SectionId }) {
  const current = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    current.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [section]);
  return (
    <nav className="contents" aria-label="Story contents">
      <ol>
        {SECTIONS.map((s, i) => (
          <li key={s.id}>
            <a
              ref={s.id === section ? current : undefined}
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
  );
}

/**
 * The story: one section per screen, each running its own short demo from step 0 in the story's own trainer,
 * so the lab's long run never shows here (it pauses while the story is open). ← and → move between sections.
 */
export function Story() {
  const section = useStore((s) => s.section);
  const trainer = useTrainer();
  const demo = useDemo();
  // Leaving the story holds its run still; its worker stays, with MNIST loaded, for the next visit.
  useEffect(() => () => demo.stop(), [demo]);
  // The lab keeps its run, paused, for when the reader returns to it.
  useEffect(() => {
    if (useStore.getState().status === 'playing') trainer.pause();
  }, [trainer]);
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
  return (
    <>
      <Notices />
      <main className="story">
        {showContents && <Contents section={section} />}
        <StorySection key={section} id={section} onMove={goToSection} />
      </main>
    </>
  );
}
