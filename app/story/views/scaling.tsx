import type { SectionView } from './types.ts';

/** Placeholder until the section's focal chart is built. */
export const scaling: SectionView = {
  Chart: () => <div className="focal-chart" data-chart="scaling" />,
  Lead: () => <p>(scaling: being rebuilt)</p>,
};
