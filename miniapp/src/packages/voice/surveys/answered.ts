import type { MySurvey } from '../../../features/voice/types';

/** Who answered for a unit, in words: one answer per unit, whichever member gives it (docs/domain.md §8). */
export const answeredLabel = (a: MySurvey['units'][number]['answered']) =>
  a === 'mine' ? '已提交' : a === 'family' ? '已由家人代答' : null;
