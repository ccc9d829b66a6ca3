import type { SectionView } from './types.ts';

/** Placeholder until the section's focal chart is built. */
export const evidence: SectionView = {
  Chart: () => <div className="focal-chart" data-chart="evidence" />,
  Lead: () => <p>(evidence: being rebuilt)</p>,
};
