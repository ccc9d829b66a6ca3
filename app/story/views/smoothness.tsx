import type { SectionView } from './types.ts';

/** Placeholder until the section's focal chart is built. */
export const smoothness: SectionView = {
  Chart: () => <div className="focal-chart" data-chart="smoothness" />,
  Lead: () => <p>(smoothness: being rebuilt)</p>,
};
