import { describe, expect, it } from 'vitest';
import { pngName, sliceYielder } from './png.ts';

describe('saving a picture', () => {
  it('hands the main thread back once per slice of copying, not after every element', async () => {
    let clock = 0;
    let pauses = 0;
    const after = sliceYielder(
      25,
      () => clock,
      async () => {
        pauses++;
      },
    );
    for (let element = 0; element < 100; element++) {
      clock += 1;
      await after();
    }
    // 100 ms of copying at 1 ms an element: a pause after each 25 ms.
    expect(pauses).toBe(4);
    expect(after()).toBeUndefined();
  });

  it('names the file by what and when', () => {
    expect(pngName('curves', 1200.4)).toBe('shift-lab-curves-step1200.png');
  });
});
