import type { ReactNode } from 'react';

/** What a story section shows beside its prediction: one focal chart, a short lead, the claim, more on request. */
export interface SectionView {
  /** The focal chart, built for the section's claim and labelled on its marks. */
  readonly Chart: () => ReactNode;
  /** A few sentences (about 80 words at most), in plain words. */
  readonly Lead: () => ReactNode;
  /** The claim, composed from the measured claims and this run's own numbers. */
  readonly Claim?: () => ReactNode;
  /** Detail folded under "More" (in presenter mode: the speaker's notes). */
  readonly More?: () => ReactNode;
  /** A section without a demo run whose chart animates by itself: its answer shows when the chart says it is done. */
  readonly animates?: boolean;
}
