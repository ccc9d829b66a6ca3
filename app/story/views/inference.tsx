import type { SectionView } from './types.ts';

/** Placeholder until the section's focal chart is built. */
export const inference: SectionView = {
  Chart: () => <div className="focal-chart" data-chart="inference" />,
  Lead: () => <p>(inference: being rebuilt)</p>,
};
