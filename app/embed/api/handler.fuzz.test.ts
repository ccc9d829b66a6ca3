import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configSchema, parseConfig } from '../../../src/config/index.ts';
import { SECTIONS } from '../../story/sections.ts';
import { useStore } from '../../store/store.ts';
import { VIEWS } from '../../views.ts';
import { createHandler } from './handler.ts';
import { METHODS } from './methods.ts';
import type { OutgoingMessage } from './protocol.ts';
import { harness } from './testDeps.ts';

const SNEAKY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];
const FIELDS = Object.keys(configSchema);

/** Values meant to break a parser: odd numbers, huge strings, pollution keys, deep junk, anything. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 2 ** 53, 0.5, 1001, 1000, 1, 0, -1, null, undefined, true, ''),
  fc.double(),
  fc.integer(),
  fc.bigInt(),
  fc.string({ maxLength: 50 }),
  fc.constant('x'.repeat(100_000)),
  fc.constantFrom(...SNEAKY_KEYS, 'before', 'after', 'lab', 'story', 'bn-paper', 'transform', 'mnist'),
  fc.dictionary(fc.constantFrom(...FIELDS, ...SNEAKY_KEYS), fc.anything({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.anything({ maxDepth: 4, withBigInt: true, withNullPrototype: true, withTypedArray: true, withDate: true, withMap: true, withSet: true }),
);

/** A message with the namespace: a method that may or may not exist, arguments of any kind, any callback id. */
const namespaced = fc.record(
  {
    namespace: fc.constant('shift-lab'),
    method: fc.oneof(fc.constantFrom(...Object.keys(METHODS), ...SNEAKY_KEYS, ''), fc.string({ maxLength: 20 }), junk),
    args: fc.oneof(fc.array(junk, { maxLength: 4 }), junk),
    callbackId: fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), junk),
  },
  { requiredKeys: ['namespace'] },
);

/** What arrives by postMessage is a structured clone: a message that cannot be cloned never arrives. */
function cloned(m: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: structuredClone(m) };
  } catch {
    return { ok: false };
  }
}

/** Whether a message is addressed to the API (carries its namespace). */
function ours(m: unknown): m is Record<string, unknown> {
  return typeof m === 'object' && m !== null && !Array.isArray(m) && (m as { namespace?: unknown }).namespace === 'shift-lab';
}

/** A callback id the API takes (and so must answer to). */
const validId = (id: unknown) => (typeof id === 'string' && id.length <= 200) || (typeof id === 'number' && Number.isFinite(id));

/** The page is one the UI can reach: a config the link schema accepts whole, a known view and section. */
function expectReachable(): void {
  const s = useStore.getState();
  expect(parseConfig(s.config).notices).toEqual([]);
  expect(VIEWS.map((v) => v.id)).toContain(s.view);
  expect(SECTIONS.map((x) => x.id)).toContain(s.section);
}

describe('the API handler, fuzzed', () => {
  it('never throws; answers every call with a callback id exactly once, with a message the parent can receive', () => {
    fc.assert(
      fc.property(fc.oneof(namespaced, junk), (raw) => {
        const h = harness();
        const handle = createHandler(h.deps);
        expect(() => handle(raw)).not.toThrow();
        const msg = cloned(raw);
        if (!msg.ok) return;
        h.posted.length = 0;
        handle(msg.value);
        for (const p of h.posted) expect(() => structuredClone(p)).not.toThrow();
        const m = msg.value as { callbackId?: unknown } | null;
        if (!ours(m)) expect(h.posted).toEqual([]);
        else if (validId(m.callbackId)) expect(h.posted).toEqual([expect.objectContaining({ event: 'callback', callbackId: m.callbackId })]);
        else expect(h.posted.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });

  it('changes nothing unless a valid call is made: a refused or ignored message leaves the store and the run alone', () => {
    fc.assert(
      fc.property(fc.oneof(namespaced, junk), fc.boolean(), (raw, loading) => {
        const h = harness({ status: loading ? 'loading' : 'idle' });
        const handle = createHandler(h.deps);
        const msg = cloned(raw);
        if (!msg.ok) return;
        // Every call of ours carries a callback id here, so its answer says whether it was taken.
        const m = ours(msg.value) ? { ...msg.value, callbackId: 1 } : msg.value;
        const before = useStore.getState();
        handle(m);
        const reply = h.posted[0] as OutgoingMessage | undefined;
        if (ours(m)) expect(reply).toBeDefined();
        if (reply === undefined || 'error' in reply) {
          expect(useStore.getState()).toBe(before);
          expect(h.calls).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('leaves the page in a state the UI can reach after any run of messages, and Object.prototype untouched', () => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(fc.array(fc.oneof(namespaced, junk), { maxLength: 25 }), (messages) => {
        const h = harness();
        const handle = createHandler(h.deps);
        for (const raw of messages) {
          const msg = cloned(raw);
          if (msg.ok) handle(msg.value);
          expectReachable();
        }
      }),
      { numRuns: 150 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(({} as Record<string, unknown>).lr).toBeUndefined();
  });

  it('stays reachable under valid calls with random arguments too', () => {
    const call = fc.record({
      namespace: fc.constant('shift-lab'),
      method: fc.constantFrom(...Object.keys(METHODS)),
      args: fc.array(
        fc.oneof(
          junk,
          fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(fc.integer({ min: -5, max: 300 }), fc.double(), fc.constantFrom('mnist', 'relu', true)), {
            maxKeys: 3,
          }),
        ),
        { maxLength: 2 },
      ),
      callbackId: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(call, { maxLength: 25 }), (messages) => {
        const h = harness();
        const handle = createHandler(h.deps);
        for (const m of messages) {
          handle(m);
          expectReachable();
        }
      }),
      { numRuns: 150 },
    );
  });
});
