/**
 * The words of the campaign report and the outreach CSV. Core has no i18next: the two
 * languages a report can be written in live here, English being the reference; the planner's
 * vocabulary (stances, kinds, statuses) is shared with the UI's catalogue.
 */
import { plannerTermsAr, plannerTermsEn } from '../vocabulary/planner-terms';
import type { CampaignStatus, Task } from '../domain/campaign';
import type { Interaction, InteractionKind } from '../domain/interaction';
import type { Stance } from '../domain/target';

/** The shared vocabulary, checked here against the domain: every stance, kind and status. */
interface PlannerTerms {
  stances: Record<Stance, string>;
  interactionKinds: Record<InteractionKind, string>;
  taskStatuses: Record<Task['status'], string>;
  campaignStatuses: Record<CampaignStatus, string>;
}

export type ReportLanguage = 'en' | 'ar';

const termsEn: PlannerTerms = plannerTermsEn;
const termsAr: PlannerTerms = plannerTermsAr;

const en = {
  reportTitle: 'Campaign report',
  generatedOn: 'Prepared on {date}',
  preparedBy: 'Prepared by {organization}',
  plan: 'Plan',
  goal: 'Goal',
  ask: 'The ask',
  policy: 'Bill or policy',
  dates: 'Dates',
  status: 'Status',
  winThreshold: 'Needed to win',
  description: 'Description',
  none: '—',
  milestones: 'Milestones',
  milestone: 'Milestone',
  date: 'Date',
  done: 'Done',
  yes: 'Yes',
  no: 'No',
  tasks: 'Tasks',
  task: 'Task',
  due: 'Due',
  owner: 'Owner',
  noMilestones: 'No milestones.',
  noTasks: 'No tasks.',
  whip: 'Whip count',
  whipSummary: '{supportive} for, {opposed} against, of {total} targets.',
  whipNeeded: 'Needed to win: {needed} of {total}; {missing} more needed.',
  whipReached: 'Needed to win: {needed} of {total}; the threshold is reached.',
  stance: 'Stance',
  count: 'Count',
  stanceTable: 'Targets',
  name: 'Name',
  title: 'Title',
  priority: 'Priority',
  lastInteraction: 'Last interaction',
  nextFollowUp: 'Next follow-up',
  noTargets: 'No targets.',
  sensitiveLeftOut: '{count} targets marked sensitive are counted above but not named.',
  perWeek: 'Outreach per week',
  weekOf: 'Week of',
  interactions: 'Interactions',
  byKind: 'By kind',
  outreachLog: 'Outreach log',
  contact: 'Contact',
  kind: 'Kind',
  direction: 'Direction',
  outcome: 'Outcome',
  notes: 'Notes',
  followUp: 'Follow-up',
  followUpDone: 'Follow-up done',
  campaign: 'Campaign',
  noInteractions: 'No interactions logged.',
  deletedContact: '(deleted contact)',
  stances: termsEn.stances,
  kinds: termsEn.interactionKinds,
  directions: { outgoing: 'Outgoing', incoming: 'Incoming' } satisfies Record<
    Interaction['direction'],
    string
  >,
  campaignStatuses: termsEn.campaignStatuses,
  taskStatuses: termsEn.taskStatuses,
};

export type ReportLabels = typeof en;

const ar: ReportLabels = {
  reportTitle: 'تقرير الحملة',
  generatedOn: 'أُعدّ في {date}',
  preparedBy: 'إعداد {organization}',
  plan: 'الخطة',
  goal: 'الهدف',
  ask: 'المطلب',
  policy: 'مشروع القانون أو السياسة',
  dates: 'التواريخ',
  status: 'الحالة',
  winThreshold: 'اللازم للفوز',
  description: 'الوصف',
  none: '—',
  milestones: 'المراحل',
  milestone: 'المرحلة',
  date: 'التاريخ',
  done: 'أُنجزت',
  yes: 'نعم',
  no: 'لا',
  tasks: 'المهام',
  task: 'المهمة',
  due: 'الاستحقاق',
  owner: 'المسؤول',
  noMilestones: 'لا مراحل.',
  noTasks: 'لا مهام.',
  whip: 'إحصاء الأصوات',
  whipSummary: '{supportive} مع، {opposed} ضد، من أصل {total} مستهدفًا.',
  whipNeeded: 'اللازم للفوز: {needed} من {total}؛ ينقص {missing}.',
  whipReached: 'اللازم للفوز: {needed} من {total}؛ بلغنا العتبة.',
  stance: 'الموقف',
  count: 'العدد',
  stanceTable: 'المستهدفون',
  name: 'الاسم',
  title: 'المنصب',
  priority: 'الأولوية',
  lastInteraction: 'آخر تواصل',
  nextFollowUp: 'المتابعة القادمة',
  noTargets: 'لا مستهدفين.',
  sensitiveLeftOut: '{count} من المستهدفين معلَّمون حسّاسين: محسوبون أعلاه لكن أسماءهم غير مذكورة.',
  perWeek: 'التواصل في الأسبوع',
  weekOf: 'أسبوع',
  interactions: 'التواصلات',
  byKind: 'حسب النوع',
  outreachLog: 'سجل التواصل',
  contact: 'جهة الاتصال',
  kind: 'النوع',
  direction: 'الاتجاه',
  outcome: 'النتيجة',
  notes: 'ملاحظات',
  followUp: 'المتابعة',
  followUpDone: 'تمّت المتابعة',
  campaign: 'الحملة',
  noInteractions: 'لم يُسجَّل أي تواصل.',
  deletedContact: '(جهة اتصال محذوفة)',
  stances: termsAr.stances,
  kinds: termsAr.interactionKinds,
  directions: { outgoing: 'صادر', incoming: 'وارد' },
  campaignStatuses: termsAr.campaignStatuses,
  taskStatuses: termsAr.taskStatuses,
};

export const REPORT_LABELS: Record<ReportLanguage, ReportLabels> = { en, ar };

/** Fills `{name}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
