import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { navigate, onLinkClick, useHref } from '../navigation/navigate.ts';
import { Notices } from '../Notices.tsx';
import { useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { useDemo } from './demo/DemoContext.ts';
import { SECTIONS, type SectionId } from './sections.ts';
import { StorySection } from './StorySection.tsx';
import './story.css';

/** A link to a section, made from the page's current state (its config, page state and `parallel`). */
function SectionLink({ id, current, children }: { id: SectionId; current: RefObject<HTMLAnchorElement | null> | undefined; children: ReactNode }) {
  const href = useHref({ view: 'story', section: id });
  return (
    <a ref={current} href={href} aria-current={current !== undefined ? 'step' : undefined} onClick={onLinkClick({ view: 'story', section: id })}>
      {children}
    </a>
  );
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
            <SectionLink id={s.id} current={s.id === section ? current : undefined}>
              {i + 1}. {s.title}
            </SectionLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * The story: one section per screen, each running its own short demo from step 0 in the story's own trainer,
 * so the lab's long run never shows here (it pauses while the story is open). ← and → move between sections
 * (app/keys/keymap.ts).
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
  const showContents = useStore((s) => !s.presenting && !s.hidden.includes('contents'));
  return (
    <>
      <Notices />
      <main className="story">
        {showContents && <Contents section={section} />}
        <StorySection key={section} id={section} onMove={(to) => navigate({ section: to })} />
      </main>
    </>
  );
}
