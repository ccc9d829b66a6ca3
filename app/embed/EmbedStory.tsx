import { useEffect, type ReactNode } from 'react';
import { navigate } from '../navigation/navigate.ts';
import { useStore } from '../store/store.ts';
import { useDemo } from '../story/demo/DemoContext.ts';
import { StorySection } from '../story/StorySection.tsx';
import '../story/story.css';
import './embedStory.css';

/** A story section's demo alone (its run bar and focal chart under a one-line title), for a frame. */
export function EmbedStory(): ReactNode {
  const section = useStore((s) => s.section);
  const demo = useDemo();
  useEffect(() => () => demo.stop(), [demo]);
  return (
    <main className="embed-stage embed-story">
      <StorySection key={section} id={section} onMove={(to) => navigate({ section: to })} demoOnly />
    </main>
  );
}
