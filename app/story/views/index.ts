import type { SectionId } from '../sections.ts';
import { bias } from './bias.tsx';
import { evidence } from './evidence.tsx';
import { inference } from './inference.tsx';
import { limits } from './limits.tsx';
import { noisy } from './noisy.tsx';
import { opening } from './opening.tsx';
import { rates } from './rates.tsx';
import { scaling } from './scaling.tsx';
import { shift } from './shift.tsx';
import { smoothness } from './smoothness.tsx';
import { transform } from './transform.tsx';
import type { SectionView } from './types.ts';

/** Every section's focal chart, lead, claim and fold. */
export const SECTION_VIEWS: Record<SectionId, SectionView> = {
  opening,
  scaling,
  shift,
  transform,
  bias,
  inference,
  rates,
  limits,
  noisy,
  smoothness,
  evidence,
};
