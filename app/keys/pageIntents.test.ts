import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/index.ts';
import { initialState, useStore } from '../store/store.ts';
import type { TrainerClient } from '../trainer/TrainerClient.ts';
import { pageIntents } from './pageIntents.ts';

/** A trainer that only records what it was asked. */
function fakeTrainer() {
  return { play: vi.fn(), pause: vi.fn(), step: vi.fn(), reset: vi.fn() };
}

afterEach(() => useStore.setState(initialState()));

describe('pageIntents and lock=', () => {
  it('runs the lab from the keys while the run is not locked', () => {
    const trainer = fakeTrainer();
    useStore.setState({ status: 'paused' });
    const intents = pageIntents(trainer as unknown as TrainerClient);
    expect(intents.labPlayPause?.()).toBe(true);
    expect(intents.labStep?.()).toBe(true);
    expect(intents.labReset?.()).toBe(true);
    expect(trainer.play).toHaveBeenCalledOnce();
    expect(trainer.step).toHaveBeenCalledWith(1);
    expect(trainer.reset).toHaveBeenCalledWith('same');
  });

  it('leaves Space, "." and R unused while the embedding page locks the run', () => {
    const trainer = fakeTrainer();
    useStore.setState({ status: 'paused', locked: ['run'] });
    const intents = pageIntents(trainer as unknown as TrainerClient);
    expect([intents.labPlayPause?.(), intents.labStep?.(), intents.labReset?.()]).toEqual([false, false, false]);
    expect([trainer.play, trainer.pause, trainer.step, trainer.reset].every((f) => f.mock.calls.length === 0)).toBe(true);
  });

  it('keeps the variants while they are locked (B and 1-3 in presenter mode)', () => {
    useStore.setState({ ...initialState(DEFAULT_CONFIG), locked: ['variants'] });
    const intents = pageIntents(fakeTrainer() as unknown as TrainerClient);
    const before = useStore.getState().config.variants;
    expect([intents.flipPlacements?.(), intents.threeVariants?.()]).toEqual([false, false]);
    expect(useStore.getState().config.variants).toBe(before);
    useStore.setState({ locked: [] });
    expect(intents.flipPlacements?.()).toBe(true);
    expect(useStore.getState().config.variants).not.toEqual(before);
  });
});
