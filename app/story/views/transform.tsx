import type { SectionView } from './types.ts';

/** Placeholder until the section's focal chart is built. */
export const transform: SectionView = {
  Chart: () => <div className="focal-chart" data-chart="transform" />,
  Lead: () => <p>(transform: being rebuilt)</p>,
};
