import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/config/index.ts';
import { initialState, useStore } from '../../store/store.ts';
import { startEmbedApi, type FrameWindow } from './listen.ts';
import { fakeDemo } from './testDeps.ts';

/** A framed window whose parent records what it is sent; `send` delivers a message as the browser would. */
function framed() {
  const sent: { message: { event?: string; error?: string }; targetOrigin: string }[] = [];
  const parent = { postMessage: (message: never, targetOrigin: string) => sent.push({ message, targetOrigin }) };
  let listener: ((e: MessageEvent<unknown>) => void) | null = null;
  const win: FrameWindow = {
    parent,
    addEventListener: (_type, l) => (listener = l),
    removeEventListener: () => (listener = null),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
  };
  const send = (data: unknown, source: unknown = parent, origin = 'https://course.example') => listener?.({ data, source, origin } as MessageEvent<unknown>);
  return { win, sent, send, listening: () => listener !== null };
}

const trainer = { play() {}, pause() {}, step() {}, reset() {} };
let stop = () => {};

describe('the API in a frame', () => {
  beforeEach(() => useStore.setState({ ...initialState(DEFAULT_CONFIG), view: 'story' }, true));
  afterEach(() => stop());

  it('does not listen in a page that is not framed', () => {
    const posted: unknown[] = [];
    const top = { addEventListener: () => posted.push('listening'), removeEventListener() {}, setTimeout } as unknown as FrameWindow;
    Object.assign(top, { parent: top });
    stop = startEmbedApi(trainer, fakeDemo(), top);
    expect(posted).toEqual([]);
  });

  it('takes messages from its parent only, and posts to its parent only, to its origin once it has called', () => {
    const f = framed();
    stop = startEmbedApi(trainer, fakeDemo(), f.win);
    expect(f.listening()).toBe(true);
    // Ready at once off the lab, before the parent's origin is known: to '*' (nothing private in it).
    expect(f.sent).toEqual([{ message: expect.objectContaining({ event: 'ready' }), targetOrigin: '*' }]);
    // A sibling frame or another window calling in is not heard.
    f.send({ namespace: 'shift-lab', method: 'goTo', args: ['lab'], callbackId: 1 }, { postMessage() {} }, 'https://evil.example');
    expect(useStore.getState().view).toBe('story');
    expect(f.sent).toHaveLength(1);
    // The parent's first call pins the origin its answers and events go to; a later message from another origin does not move it.
    f.send({ namespace: 'shift-lab', method: 'goTo', args: ['lab'], callbackId: 2 });
    f.send({ namespace: 'shift-lab', method: 'getState', callbackId: 3 }, undefined, 'https://other.example');
    expect(useStore.getState().view).toBe('lab');
    expect(f.sent.slice(1).map((s) => [s.message.event, s.targetOrigin])).toEqual([
      ['statechanged', 'https://course.example'],
      ['callback', 'https://course.example'],
      ['callback', 'https://course.example'],
    ]);
  });

  it('keeps posting to any origin while the parent is opaque (a sandboxed or file: page)', () => {
    const f = framed();
    stop = startEmbedApi(trainer, fakeDemo(), f.win);
    f.send({ namespace: 'shift-lab', method: 'nope', callbackId: 1 }, undefined, 'null');
    expect(f.sent.at(-1)).toEqual({ message: expect.objectContaining({ event: 'callback', error: 'unknown method "nope"' }), targetOrigin: '*' });
  });
});
