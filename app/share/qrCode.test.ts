import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../../src/config/index.ts';
import { findPreset } from '../../src/experiment/index.ts';
import { queryFor, shareQuery } from '../shareQuery.ts';
import { initialState, type AppState } from '../store/store.ts';
import { qrPath, qrSymbol, QUIET_ZONE, type QrSymbol } from './qrCode.ts';

const ORIGIN = 'https://shift-lab.example.org/';

/** RGBA pixels of a symbol drawn from its SVG path, `scale` pixels a module, quiet zone included: what a camera would see. */
function render(symbol: QrSymbol, scale: number): { data: Uint8ClampedArray; side: number } {
  const side = (symbol.size + 2 * QUIET_ZONE) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  // Draws the path itself (its rectangles), so a path that misplaces a module fails to decode.
  for (const m of qrPath(symbol).matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x0, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++)
      for (let px = x0 * scale; px < (x0 + w) * scale; px++) data.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3);
  }
  return { data, side };
}

const decode = (symbol: QrSymbol) => {
  const { data, side } = render(symbol, 4);
  return jsQR(data, side, side)?.data;
};

const linkOf = (s: AppState) => `${ORIGIN}${shareQuery(s, null, true)}`;
const preset = (name: string) => parseConfig(findPreset(name)?.config ?? {}).config;

describe('the class QR code', () => {
  it('of a default scenario’s link decodes back to exactly that link', () => {
    for (const s of [initialState(), { ...initialState(), view: 'lab' as const }]) {
      const link = linkOf(s);
      expect(decode(qrSymbol(link))).toBe(link);
    }
  });

  it('of a preset with changed fields, and of a presenter’s story slide, decodes back too', () => {
    const states: AppState[] = [
      { ...initialState({ ...preset('tiny-batch'), seed: 7, lr: 0.1 }), view: 'lab' },
      { ...initialState({ ...DEFAULT_CONFIG, seed: 12 }), view: 'story', section: 'bias', presenting: true },
    ];
    for (const s of states) {
      const link = linkOf(s);
      expect(link).not.toContain('present=');
      expect(decode(qrSymbol(link))).toBe(link);
    }
  });

  it('stays at a version a phone reads from afar: a preset with two changes is version 5 (37 modules), the full form 8 (49)', () => {
    const config = { ...preset('lp-norms'), seed: 42, batchSize: 32 };
    const symbol = qrSymbol(linkOf({ ...initialState(config), view: 'lab' }));
    expect(symbol.version).toBe(5);
    expect(qrSymbol(`${ORIGIN}${queryFor('lab', config, null)}`).version).toBe(8);
    expect(symbol.size).toBe(17 + 4 * symbol.version);
    expect(symbol.modules.length).toBe(symbol.size * symbol.size);
  });

  it('draws every dark module once and no light one', () => {
    const symbol = qrSymbol('https://example.org/?v=1&view=lab');
    const dark = symbol.modules.reduce((n, m) => n + m, 0);
    const area = [...qrPath(symbol).matchAll(/h(\d+)v1/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(area).toBe(dark);
  });
});
