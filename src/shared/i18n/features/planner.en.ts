/** Campaigns: plan, targets and whip count, outreach log, follow-ups, dashboard, reports (English, the reference). */
export const plannerEn = {
  title: 'Campaign planner',
} as const;
