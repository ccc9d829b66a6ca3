/** Where a popover goes beside its anchor, kept inside the viewport. */

/** A box in viewport pixels. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The popover's top-left corner: below the anchor, left edges aligned, moved left as far as needed to stay
 * `margin` inside the viewport; above the anchor when it does not fit below but does above.
 */
export function placePopover(
  anchor: Box,
  pop: { width: number; height: number },
  viewport: { width: number; height: number },
  margin = 8,
  gap = 6,
): { left: number; top: number } {
  const left = Math.max(margin, Math.min(anchor.left, viewport.width - margin - pop.width));
  const below = anchor.top + anchor.height + gap;
  const above = anchor.top - gap - pop.height;
  const fitsBelow = below + pop.height <= viewport.height - margin;
  return { left, top: fitsBelow || above < margin ? below : above };
}
