import type { SectionView } from './types.ts';

/** Placeholder until the section's focal chart is built. */
export const shift: SectionView = {
  Chart: () => <div className="focal-chart" data-chart="shift" />,
  Lead: () => <p>(shift: being rebuilt)</p>,
};
