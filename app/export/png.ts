import type { DrawHold } from './drawHold.ts';
import { downloadBlob } from './download.ts';

/** Elements left out of every picture: the panels' own buttons. */
const LEFT_OUT = 'data-no-export';

/** The longest the copying of the page runs before it lets the page draw a frame and the worker's snapshots in (ms). */
const SLICE_MS = 25;

/** Hands the main thread back for one task (scheduler.yield where there is one: it resumes ahead of other tasks). */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A function to await after each copied element: it hands the main thread back once a slice is used up. The
 * whole lab is thousands of elements, each with its computed style copied: in one go that blocked the page for
 * 1.1 s while training.
 */
export function sliceYielder(
  sliceMs = SLICE_MS,
  now: () => number = () => performance.now(),
  pause: () => Promise<void> = nextTask,
): () => Promise<void> | undefined {
  let start = now();
  return () => {
    if (now() - start < sliceMs) return undefined;
    return pause().then(() => {
      start = now();
    });
  };
}

/**
 * Saves an element as a PNG at twice its on-screen size, on the page's own background (so the dark theme
 * exports dark). modern-screenshot inlines styles, fonts and canvases; it loads only when first used. The
 * copying runs in slices between frames while `hold` keeps the panels from drawing (training goes on), so the
 * page stays responsive and the picture shows one moment.
 */
export async function savePng(node: HTMLElement, filename: string, hold?: DrawHold): Promise<void> {
  const { domToBlob } = await import('modern-screenshot');
  const background = getComputedStyle(node).backgroundColor;
  const release = hold?.hold();
  try {
    const blob = await domToBlob(node, {
      scale: 2,
      backgroundColor: background === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.documentElement).backgroundColor : background,
      filter: (el) => !(el instanceof Element && el.hasAttribute(LEFT_OUT)),
      onCloneEachNode: sliceYielder(),
    });
    downloadBlob(filename, blob);
  } finally {
    release?.();
  }
}

/** A file name for a picture of `what` at a step: shift-lab-curves-step1200.png. */
export function pngName(what: string, step: number): string {
  return `shift-lab-${what}-step${Math.round(step)}.png`;
}
