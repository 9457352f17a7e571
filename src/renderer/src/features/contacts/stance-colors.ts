import type { Stance } from '@core/domain/target';

/** Stance badge colours (always shown with the stance's name). */
export const STANCE_COLORS: Record<Stance, string> = {
  champion: 'teal',
  supportive: 'green',
  undecided: 'yellow',
  opposed: 'orange',
  hostile: 'red',
  unknown: 'gray',
};
