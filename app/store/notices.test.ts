import { describe, expect, it } from 'vitest';
import { addNotice, MAX_NOTICES, type Notice } from './notices.ts';

const n = (id: number, text: string, key?: Notice['key']): Notice => ({ id, text, kind: 'info', ...(key ? { key } : {}) });

describe('addNotice', () => {
  it('replaces an earlier notice of the same key with the newer one, at the end', () => {
    let list = addNotice([], n(1, 'Changed the variants: every variant restarted.', 'restart'));
    list = addNotice(list, n(2, 'Link copied.', 'link'));
    list = addNotice(list, n(3, 'Changed the seed: every variant restarted.', 'restart'));
    expect(list.map((x) => x.id)).toEqual([2, 3]);
    expect(list.at(-1)?.text).toBe('Changed the seed: every variant restarted.');
  });

  it('never shows the same text twice, keyed or not', () => {
    let list = addNotice([], n(1, 'lr: -3 is not valid'));
    list = addNotice(list, n(2, 'Other'));
    list = addNotice(list, n(3, 'lr: -3 is not valid'));
    expect(list.map((x) => x.text)).toEqual(['Other', 'lr: -3 is not valid']);
    list = addNotice(list, n(4, 'Other', 'preset'));
    expect(list.map((x) => x.id)).toEqual([3, 4]);
  });

  it('keeps notices of different keys and unkeyed ones side by side, the newest few', () => {
    let list: Notice[] = [];
    for (let i = 1; i <= MAX_NOTICES + 2; i++) list = addNotice(list, n(i, `message ${i}`));
    expect(list.map((x) => x.id)).toEqual([3, 4, 5, 6]);
    list = addNotice(list, n(7, 'Preset loaded', 'preset'));
    expect(list).toHaveLength(MAX_NOTICES);
    expect(list.map((x) => x.id)).toEqual([4, 5, 6, 7]);
  });

  it('does not let an unkeyed notice replace a keyed one with other text', () => {
    const list = addNotice(addNotice([], n(1, 'Changed the seed.', 'restart')), n(2, 'Something else'));
    expect(list.map((x) => x.id)).toEqual([1, 2]);
  });
});
