import type { Widen } from '../widen';
import type { plannerEn } from './planner.en';

/** Campaigns: plan, targets and whip count, outreach log, follow-ups, dashboard, reports (Arabic). */
export const plannerAr: Widen<typeof plannerEn> = {
  title: 'مخطِّط الحملات',
};
