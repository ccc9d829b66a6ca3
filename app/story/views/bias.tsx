import type { SectionView } from './types.ts';

/** Placeholder until the section's focal chart is built. */
export const bias: SectionView = {
  Chart: () => <div className="focal-chart" data-chart="bias" />,
  Lead: () => <p>(bias: being rebuilt)</p>,
};
