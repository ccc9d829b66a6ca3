import { downloadBlob } from './download.ts';

/** Elements left out of every picture: the panels' own buttons. */
const LEFT_OUT = 'data-no-export';

/**
 * Saves an element as a PNG at twice its on-screen size, on the page's own background (so the dark theme
 * exports dark). modern-screenshot inlines styles, fonts and canvases; it loads only when first used.
 */
export async function savePng(node: HTMLElement, filename: string): Promise<void> {
  const { domToBlob } = await import('modern-screenshot');
  const background = getComputedStyle(node).backgroundColor;
  const blob = await domToBlob(node, {
    scale: 2,
    backgroundColor: background === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.documentElement).backgroundColor : background,
    filter: (el) => !(el instanceof Element && el.hasAttribute(LEFT_OUT)),
  });
  downloadBlob(filename, blob);
}

/** A file name for a picture of `what` at a step: shift-lab-curves-step1200.png. */
export function pngName(what: string, step: number): string {
  return `shift-lab-${what}-step${Math.round(step)}.png`;
}
