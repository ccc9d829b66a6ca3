import { navigate } from '../navigation/navigate.ts';
import { flipPlacements, neighbourSlide, VARIANT_LAYOUTS } from '../presenter/deck.ts';
import { showSlide, toggleFullPanel } from '../presenter/presenterActions.ts';
import { updateConfig, useStore } from '../store/store.ts';
import { leaveInnermost, togglePresenting, toggleQr, toggleSheet } from '../store/uiActions.ts';
import { neighbour } from '../story/sections.ts';
import type { Config } from '../../src/config/index.ts';
import type { LockKey } from '../linkUi.ts';
import type { TrainerClient } from '../trainer/TrainerClient.ts';
import type { IntentHandlers } from './useKeymap.ts';

/** Moves through the talk; false at either end (the key keeps its default). */
function slide(by: 1 | -1): boolean {
  const { view, section } = useStore.getState();
  const to = neighbourSlide(view, section, by);
  if (to !== null) showSlide(to);
  return to !== null;
}

/** Moves through the story; false at either end. */
function section(by: 1 | -1): boolean {
  const to = neighbour(useStore.getState().section, by);
  if (to !== null) navigate({ section: to });
  return to !== null;
}

/** Whether the embedding page locked this group (`lock=…`): its keys then do nothing, as its controls do. */
const isLocked = (group: LockKey) => useStore.getState().locked.includes(group);

/** Changes the variants unless they are locked. */
function setVariants(variants: () => Config['variants']): boolean {
  if (isLocked('variants')) return false;
  updateConfig({ variants: variants() });
  return true;
}

/** Sets the variants, as keys 1, 2 and 3 do. */
const layout = (i: number) => () => setVariants(() => [...VARIANT_LAYOUTS[i]]);

/** The lab's run keys act only once the trainer is ready, and not while the run is locked. */
function whenReady(act: () => void): () => boolean {
  return () => {
    if (useStore.getState().status === 'loading' || isLocked('run')) return false;
    act();
    return true;
  };
}

/**
 * What the page's own shortcuts do: presenter mode, the sheet, full screen and Esc anywhere; the talk's
 * keys in presenter mode; the story's arrows; the lab's run. (The story section's demo keys are its own.)
 */
export function pageIntents(trainer: TrainerClient): IntentHandlers {
  return {
    escape: leaveInnermost,
    togglePresenting,
    toggleFullPanel: () => toggleFullPanel(),
    toggleSheet,
    toggleQr,
    previousSlide: () => slide(-1),
    nextSlide: () => slide(1),
    flipPlacements: () => setVariants(() => flipPlacements(useStore.getState().config.variants)),
    twoVariants: layout(0),
    threeVariants: layout(1),
    fourVariants: layout(2),
    previousSection: () => section(-1),
    nextSection: () => section(1),
    labPlayPause: whenReady(() => (useStore.getState().status === 'playing' ? trainer.pause() : trainer.play())),
    labStep: whenReady(() => trainer.step(1)),
    labReset: whenReady(() => trainer.reset('same')),
  };
}
