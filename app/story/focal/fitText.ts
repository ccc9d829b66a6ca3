/** About how wide a line of chart text is, in pixels, at a font size (an average bold glyph of 0.6 em: an overestimate, so text never collides). */
export function textWidth(text: string, font: number): number {
  return text.length * font * 0.6;
}

/** The first of `options` (longest first) that fits in `room` pixels at `font`, else the last. */
export function fitText<T extends string | readonly string[]>(options: readonly T[], font: number, room: number): T {
  const widest = (o: T) => (typeof o === 'string' ? textWidth(o, font) : Math.max(0, ...o.map((l) => textWidth(l, font))));
  return options.find((o) => widest(o) <= room) ?? options[options.length - 1];
}

/** How many ticks an x axis `room` px wide can hold without its labels running together (2 to 5, about one per 70 px). */
export function xTickCount(room: number): number {
  return Math.max(2, Math.min(5, Math.floor(room / 70)));
}
