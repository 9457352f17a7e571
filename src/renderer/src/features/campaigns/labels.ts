/** Colours that go with campaign statuses and stances (always shown with their text too). */
import type { MantineColor } from '@mantine/core';
import type { CampaignStatus } from '@core/domain/campaign';
import type { Stance } from '@core/domain/target';

export const STATUS_COLORS: Record<CampaignStatus, MantineColor> = {
  planning: 'blue',
  active: 'teal',
  paused: 'yellow',
  won: 'green',
  lost: 'red',
  archived: 'gray',
};

export const STANCE_COLORS: Record<Stance, MantineColor> = {
  champion: 'green',
  supportive: 'teal',
  undecided: 'yellow',
  opposed: 'orange',
  hostile: 'red',
  unknown: 'gray',
};
