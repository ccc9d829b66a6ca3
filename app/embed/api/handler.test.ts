import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/config/index.ts';
import { PRESETS } from '../../../src/experiment/index.ts';
import { useStore, type VariantLive } from '../../store/store.ts';
import { createHandler } from './handler.ts';
import { placeAll } from './placement.ts';
import { call, harness } from './testDeps.ts';

let h: ReturnType<typeof harness>;
let handle: (data: unknown) => void;
const open = (state: Parameters<typeof harness>[0] = {}, demo: Parameters<typeof harness>[1] = {}) => {
  h = harness(state, demo);
  handle = createHandler(h.deps);
};
const lastError = () => {
  const msg = h.posted.at(-1);
  return msg !== undefined && 'error' in msg ? msg.error : null;
};

describe('the postMessage API handler', () => {
  beforeEach(() => open());

  it('drives the lab run through the trainer and answers a callback with the state', () => {
    handle(call('play', undefined, 'a'));
    handle(call('pause', [], 7));
    handle(call('step', [5], 'b'));
    handle(call('step'));
    handle(call('reset'));
    expect(h.calls).toEqual(['play', 'pause', 'step 5', 'step 1', 'reset same']);
    expect(h.posted[0]).toMatchObject({ namespace: 'shift-lab', event: 'callback', method: 'play', callbackId: 'a', result: { view: 'lab', step: 0 } });
    expect(h.posted[1]).toMatchObject({ event: 'callback', method: 'pause', callbackId: 7 });
  });

  it('answers only calls that carry a callbackId, and says why a call without one was refused', () => {
    handle({ namespace: 'shift-lab', method: 'play' });
    expect(h.calls).toEqual(['play']);
    expect(h.posted).toEqual([]);
    handle({ namespace: 'shift-lab', method: 'step', args: [0] });
    expect(h.posted).toEqual([{ namespace: 'shift-lab', event: 'error', method: 'step', error: 'step: n 0 is not an integer in 1..1000' }]);
  });

  it('ignores messages without the namespace, silently', () => {
    for (const m of [null, 'play', 42, [], { method: 'play' }, { namespace: 'reveal', method: 'play', callbackId: 1 }]) handle(m);
    expect(h.posted).toEqual([]);
    expect(h.calls).toEqual([]);
  });

  it('refuses unknown methods, inherited names and bad arguments, changing nothing', () => {
    const before = useStore.getState();
    for (const m of ['stop', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      handle(call(m));
      expect(lastError()).toBe(`unknown method ${JSON.stringify(m)}`);
    }
    handle(call('step', [1001]));
    expect(lastError()).toBe('step: n 1001 is not an integer in 1..1000');
    handle(call('step', [NaN]));
    expect(lastError()).toBe('step: n NaN is not an integer in 1..1000');
    handle(call('step', [2.5]));
    expect(lastError()).toMatch(/2.5 is not an integer/);
    handle(call('play', [1]));
    expect(lastError()).toBe('play takes no arguments, got 1');
    handle(call('step', 5));
    expect(lastError()).toBe('malformed message: args must be an array, e.g. [5]');
    handle(call(5));
    expect(lastError()).toBe('malformed message: method must be a string');
    handle({ namespace: 'shift-lab', callbackId: 3 });
    expect(lastError()).toBe('malformed message: the message names no method');
    handle(call('play', [], { id: 1 }));
    expect(h.posted.at(-1)).toMatchObject({ event: 'error', error: expect.stringMatching(/callbackId must be a string/) });
    expect(h.calls).toEqual([]);
    expect(useStore.getState()).toBe(before);
  });

  it('plays and pauses while the run loads (the wish is kept), but refuses step and reset then', () => {
    open({ status: 'loading' });
    handle(call('play'));
    handle(call('pause'));
    handle(call('step', [3]));
    expect(lastError()).toMatch(/^step is refused while the run loads/);
    handle(call('reset'));
    expect(lastError()).toMatch(/^reset is refused while the run loads/);
    expect(h.calls).toEqual(['play', 'pause']);
  });

  it('refuses the run methods on a view without a run, and when the lab’s trainer has stopped', () => {
    open({ view: 'scaling', status: 'loading' });
    handle(call('play'));
    expect(lastError()).toBe("play acts on the lab’s run, and the page shows the scaling view: call goTo('lab') first");
    open({ stopped: 'crashed 3 times' });
    handle(call('play'));
    expect(lastError()).toMatch(/trainer has stopped \(crashed 3 times\)/);
    expect(h.calls).toEqual([]);
  });

  it('drives a story section’s demo on the story view, as its own bar does, and reports that run', () => {
    open({ view: 'story', section: 'shift', status: 'loading' }, { phase: 'running', step: 40, target: 500, run: 3 });
    handle(call('play', [], 'p'));
    expect(h.posted.at(-1)).toMatchObject({
      result: { view: 'story', section: 'shift', step: 40, playing: true, status: 'playing', demo: { phase: 'running', step: 40, target: 500, run: 3 } },
    });
    handle(call('pause'));
    handle(call('reset'));
    expect(h.calls).toEqual(['demo resume', 'demo pause', 'demo replay']);
    handle(call('step', [5]));
    expect(lastError()).toMatch(/^step counts the lab’s steps; the shift section’s demo runs to its own end/);
    // At its end (or after a crash), play runs it again from step 0.
    for (const phase of ['done', 'error'] as const) {
      open({ view: 'story', section: 'shift' }, { phase });
      handle(call('play'));
      expect(h.calls).toEqual(['demo replay']);
    }
    open({ view: 'story', section: 'opening' }, { phase: 'idle' });
    handle(call('play'));
    expect(lastError()).toBe('the opening section has no demo run to play');
    expect(h.calls).toEqual([]);
  });

  it('ignores the reader’s lock: the API is the host’s', () => {
    open({ locked: ['run', 'presets', 'variants', 'training'] });
    handle(call('play'));
    handle(call('setPlacement', ['after']));
    expect(h.calls).toEqual(['play']);
    expect(useStore.getState().config.variants).toEqual(['none', 'after']);
  });

  it('sets the config through the link schema, refusing the whole call on any bad field and naming it', () => {
    handle(call('setConfig', [{ lr: 0.1, depth: 2 }]));
    expect(useStore.getState().config).toMatchObject({ lr: 0.1, depth: 2, trackLayer: 2 });
    const before = useStore.getState().config;
    handle(call('setConfig', [{ lr: 0.2, width: 9999 }]));
    expect(lastError()).toMatch(/^setConfig refused, nothing changed: width: 9999 is not valid/);
    handle(call('setConfig', [{ lr: 0.2, colour: 'red' }]));
    expect(lastError()).toBe('setConfig refused, nothing changed: unknown config field "colour"');
    handle(call('setConfig', [JSON.parse('{"__proto__": {"lr": 5}, "lr": 0.3}')]));
    expect(lastError()).toBe('setConfig refused, nothing changed: unknown config field "__proto__"');
    handle(call('setConfig', [{ trackLayer: 6 }]));
    expect(lastError()).toMatch(/trackLayer 6 exceeds depth 2/);
    handle(call('setConfig', [{ variants: ['before', 'before'] }]));
    expect(lastError()).toMatch(/variants: \["before","before"\] is not valid \(placements must differ\)/);
    handle(call('setConfig', [[1, 2]]));
    expect(lastError()).toMatch(/^setConfig: config \[1,2\] is not an object/);
    expect(useStore.getState().config).toBe(before);
    expect(({} as Record<string, unknown>).lr).toBeUndefined();
  });

  it('moves every normalization to one side of its activation, refusing to make two variants the same', () => {
    expect(placeAll(['none', 'before', 'noisy', 'ln-after', 'l2-before'], 'after')).toEqual(['none', 'after', 'noisy', 'ln-after', 'l2-after']);
    expect(placeAll(['after', 'linf-after'], 'before')).toEqual(['before', 'linf-before']);
    handle(call('setPlacement', ['after']));
    expect(useStore.getState().config.variants).toEqual(['none', 'after']);
    handle(call('setPlacement', ['before']));
    expect(useStore.getState().config.variants).toEqual(['none', 'before']);
    useStore.setState({ config: { ...DEFAULT_CONFIG, variants: ['none', 'before', 'after'] } });
    handle(call('setPlacement', ['after']));
    expect(lastError()).toMatch(/would make two variants the same/);
    expect(useStore.getState().config.variants).toEqual(['none', 'before', 'after']);
    handle(call('setPlacement', ['sideways']));
    expect(lastError()).toBe('setPlacement: side "sideways" is not one of before, after');
  });

  it('loads a preset as the Preset menu does, keeping the seed, restarting a run whose change needs no reset', () => {
    useStore.setState({ config: { ...DEFAULT_CONFIG, seed: 9 } });
    const tiny = PRESETS.find((p) => p.name === 'tiny-batch');
    // A new batch size rebuilds the run by itself (the trainer client hears the config change).
    handle(call('loadPreset', ['tiny-batch']));
    expect(useStore.getState().config).toMatchObject({ ...tiny?.config, seed: 9 });
    expect(h.calls).toEqual([]);
    // high-lr differs from bn-paper in the learning rate alone, a live field: the handler restarts the run itself.
    handle(call('loadPreset', ['bn-paper']));
    handle(call('loadPreset', ['high-lr']));
    expect(useStore.getState().config).toMatchObject({ lr: 10, seed: 9 });
    expect(h.calls).toEqual(['reset same']);
    handle(call('loadPreset', ['nope']));
    expect(lastError()).toMatch(/^loadPreset: preset "nope" is not one of bn-paper, high-lr/);
  });

  it('goes to known views and story sections only, without leaving the section on another view', () => {
    handle(call('goTo', ['story', 'transform']));
    expect(useStore.getState()).toMatchObject({ view: 'story', section: 'transform' });
    handle(call('goTo', ['lab']));
    expect(useStore.getState()).toMatchObject({ view: 'lab', section: 'transform' });
    handle(call('goTo', ['lab', 'opening']));
    expect(lastError()).toBe('goTo: a section applies to the story view only, not lab');
    handle(call('goTo', ['admin']));
    expect(lastError()).toMatch(/^goTo: view "admin" is not one of story, scaling, chain, lab, scenarios/);
    handle(call('goTo', ['story', 'epilogue']));
    expect(lastError()).toMatch(/^goTo: section "epilogue" is not one of opening/);
    expect(useStore.getState().view).toBe('lab');
  });

  it('reports the state: step, playing, view, section, and each variant’s name, placement, numbers and status', () => {
    const live = (name: string, placement: VariantLive['placement'], trainLoss: number, testAcc: number, divergedAt = -1): VariantLive => ({
      name,
      placement,
      trainLoss,
      testLoss: NaN,
      testAcc,
      divergedAt,
      probeMs: NaN,
      inferMs: NaN,
    });
    useStore.setState({ status: 'playing', step: 120, live: [live('plain', 'none', 0.9, NaN), live('bn-before', 'before', Infinity, 0.5, 80)] });
    handle(call('getState'));
    expect(h.posted.at(-1)).toEqual({
      namespace: 'shift-lab',
      event: 'callback',
      method: 'getState',
      callbackId: 1,
      result: {
        step: 120,
        playing: true,
        status: 'playing',
        view: 'lab',
        section: null,
        config: DEFAULT_CONFIG,
        variants: [
          { name: 'plain', placement: 'none', trainLoss: 0.9, testAcc: null, status: 'training' },
          { name: 'bn-before', placement: 'before', trainLoss: null, testAcc: 0.5, status: 'diverged' },
        ],
        demo: null,
      },
    });
    // A new config's run loading: the config's variants, nothing measured yet.
    useStore.setState({ status: 'loading', config: { ...DEFAULT_CONFIG, variants: ['none', 'after'] } });
    handle(call('getState'));
    expect(h.posted.at(-1)).toMatchObject({
      result: {
        playing: false,
        variants: [
          { name: 'plain', placement: 'none', trainLoss: null, testAcc: null, status: 'loading' },
          { name: 'bn-after', placement: 'after', trainLoss: null, testAcc: null, status: 'loading' },
        ],
      },
    });
  });

  it('never throws, even on a message whose fields throw when read', () => {
    const hostile = {
      namespace: 'shift-lab',
      get method(): string {
        throw new Error('boom');
      },
    };
    expect(() => handle(hostile)).not.toThrow();
    const cyclic: Record<string, unknown> = { namespace: 'shift-lab', method: 'setConfig', callbackId: 1 };
    cyclic.args = [cyclic];
    expect(() => handle(cyclic)).not.toThrow();
    expect(lastError()).toMatch(/setConfig refused/);
  });
});
