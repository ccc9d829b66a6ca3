import { describe, expect, it } from 'vitest';
import { SnapshotGate } from './snapshotGate.ts';

describe('SnapshotGate', () => {
  it('sends at most one snapshot per interval and holds back the latest of the others', () => {
    const sent: number[] = [];
    const gate = new SnapshotGate<number>(50, (m) => sent.push(m));
    gate.offer(1, 0, false);
    gate.offer(2, 20, false);
    gate.offer(3, 40, false);
    expect(sent).toEqual([1]);
    gate.offer(4, 60, false);
    expect(sent).toEqual([1, 4]);
  });

  it('sends a forced snapshot at once, and a held one on release, brought up to date', () => {
    const sent: string[] = [];
    const gate = new SnapshotGate<string>(50, (m) => sent.push(m));
    gate.offer('a', 0, false);
    gate.offer('b', 10, true);
    gate.offer('c', 20, false);
    gate.release(30, (m) => `${m} (paused)`);
    gate.release(40);
    expect(sent).toEqual(['a', 'b', 'c (paused)']);
  });

  it('drops a held snapshot when its run is over', () => {
    const sent: number[] = [];
    const gate = new SnapshotGate<number>(50, (m) => sent.push(m));
    gate.offer(1, 0, false);
    gate.offer(2, 10, false);
    gate.drop();
    gate.release(20);
    expect(sent).toEqual([1]);
  });
});
