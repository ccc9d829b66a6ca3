import { needsReset, type Config } from '../../src/config/index.ts';
import { updateConfig, useStore } from '../store/store.ts';
import type { TrainerClient } from './TrainerClient.ts';

/**
 * Loads a scenario's settings into the lab as a run from step 0. A change of settings restarts the run by
 * itself, except a change of the live fields alone (the learning rate, the tracked unit): a scenario that
 * differs only in its rate would otherwise carry on the old run at the new rate, so it restarts here.
 */
export function startFresh(trainer: TrainerClient, partial: Partial<Config>, play: boolean): void {
  const before = useStore.getState().config;
  updateConfig(partial);
  if (!needsReset(before, useStore.getState().config)) trainer.reset('same');
  if (play) trainer.play();
}
