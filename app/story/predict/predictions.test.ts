import { describe, expect, it } from 'vitest';
import { PREDICTIONS } from './predictions.ts';
import { loadLocked, saveLocked } from './storage.ts';

describe('predictions', () => {
  it('each have an answer among their choices, taken from the measurements, and a reason that fills', () => {
    for (const [section, p] of Object.entries(PREDICTIONS)) {
      expect(
        p.choices.map((c) => c.id),
        section,
      ).toContain(p.answer());
      expect(p.why(), section).not.toMatch(/[{}]/);
      expect(new Set(p.choices.map((c) => c.id)).size).toBe(p.choices.length);
    }
  });
});

describe('locked predictions', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
  };
  it('stay on the device, per section, and can be forgotten', () => {
    const store = memory();
    saveLocked('rates', { kind: 'chose', choice: 'bn' }, store);
    saveLocked('bias', { kind: 'skipped' }, store);
    expect(loadLocked('rates', store)).toEqual({ kind: 'chose', choice: 'bn' });
    expect(loadLocked('bias', store)).toEqual({ kind: 'skipped' });
    expect(loadLocked('shift', store)).toBeNull();
    saveLocked('rates', null, store);
    expect(loadLocked('rates', store)).toBeNull();
  });
  it('read garbage or a refusing storage as no prediction', () => {
    const store = memory();
    store.setItem('shift-lab:prediction:v1:rates', '{not json');
    expect(loadLocked('rates', store)).toBeNull();
    store.setItem('shift-lab:prediction:v1:rates', JSON.stringify({ kind: 'chose', choice: 'x'.repeat(500) }));
    expect(loadLocked('rates', store)).toBeNull();
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {},
    };
    expect(loadLocked('rates', refusing)).toBeNull();
    expect(() => saveLocked('rates', { kind: 'skipped' }, refusing)).not.toThrow();
    expect(loadLocked('rates', null)).toBeNull();
  });
});
