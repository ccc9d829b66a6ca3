import { useEffect, useRef, type ReactNode } from 'react';
import { navigate } from '../navigation/navigate.ts';
import { useStore } from '../store/store.ts';
import { useDemo } from '../story/demo/DemoContext.ts';
import { StorySection } from '../story/StorySection.tsx';
import '../story/story.css';
import './embedStory.css';
import { useHeldOffScreen } from './useHeldOffScreen.ts';

/** A story section's demo alone (its run bar and focal chart under a one-line title), for a frame; held while off screen. */
export function EmbedStory(): ReactNode {
  const section = useStore((s) => s.section);
  const demo = useDemo();
  useEffect(() => () => demo.stop(), [demo]);
  const stage = useRef<HTMLElement>(null);
  useHeldOffScreen(stage, demo, section);
  return (
    <main className="embed-stage embed-story" ref={stage}>
      <StorySection key={section} id={section} onMove={(to) => navigate({ section: to })} demoOnly />
    </main>
  );
}
