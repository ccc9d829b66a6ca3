import { describe, expect, it } from 'vitest';
import { DrawHold } from './drawHold.ts';

describe('the draw hold', () => {
  it('holds until every hold is released, then tells its listeners once', () => {
    const hold = new DrawHold();
    let released = 0;
    hold.onRelease(() => released++);
    const a = hold.hold();
    const b = hold.hold();
    expect(hold.held).toBe(true);
    a();
    a();
    expect([hold.held, released]).toEqual([true, 0]);
    b();
    expect([hold.held, released]).toEqual([false, 1]);
  });
});
