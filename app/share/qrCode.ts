import { create } from 'qrcode';

/** A QR symbol: its version (1–40), its side in modules, and its modules row-major (1 dark, 0 light). */
export interface QrSymbol {
  readonly version: number;
  readonly size: number;
  readonly modules: Uint8Array;
}

/** The light margin the standard asks for around a symbol, in modules: scanners find the code by it. */
export const QUIET_ZONE = 4;

/**
 * Error correction M (about 15% of the symbol can be lost): a phone at the back of a hall sees a small, perhaps
 * glare-spotted code, and M keeps a share link at version 3–5 where Q or H would make every module smaller.
 */
export const QR_LEVEL = 'M';

/** The QR symbol of a text (byte mode for a link), at error correction M and the smallest version that holds it. */
export function qrSymbol(text: string): QrSymbol {
  const { version, modules } = create(text, { errorCorrectionLevel: QR_LEVEL });
  return { version, size: modules.size, modules: Uint8Array.from(modules.data, (bit) => (bit ? 1 : 0)) };
}

/**
 * The dark modules as one SVG path in module units, shifted by the quiet zone (so the viewBox is
 * `0 0 size+8 size+8`): each run of dark modules in a row is one rectangle.
 */
export function qrPath(symbol: QrSymbol): string {
  const parts: string[] = [];
  for (let y = 0; y < symbol.size; y++) {
    let x = 0;
    while (x < symbol.size) {
      if (symbol.modules[y * symbol.size + x] === 0) {
        x++;
        continue;
      }
      const start = x;
      while (x < symbol.size && symbol.modules[y * symbol.size + x] === 1) x++;
      parts.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h${start - x}z`);
    }
  }
  return parts.join('');
}
