/**
 * The planner's vocabulary (stances, interaction kinds, campaign and task statuses) in both
 * languages. The campaign report (core/reports, which has no i18next) and the UI catalogues
 * (shared/i18n/features/planner.*) both take their words from here, so a stance is named
 * the same on screen and in the DOCX a coalition reads.
 */

/** Imports nothing, not even core's domain types (main's catalogues include this file):
 *  core/reports checks these keys against the domain. */
type Terms = Record<'stances' | 'interactionKinds' | 'taskStatuses' | 'campaignStatuses', object>;

export const plannerTermsEn = {
  stances: {
    champion: 'Champion',
    supportive: 'Supportive',
    undecided: 'Undecided',
    opposed: 'Opposed',
    hostile: 'Hostile',
    unknown: 'Unknown',
  },
  interactionKinds: {
    letter: 'Letter',
    email: 'Email',
    call: 'Call',
    meeting: 'Meeting',
    event: 'Event',
    social: 'Social media',
    other: 'Other',
  },
  taskStatuses: {
    todo: 'To do',
    'in-progress': 'In progress',
    done: 'Done',
    cancelled: 'Cancelled',
  },
  campaignStatuses: {
    planning: 'Planning',
    active: 'Active',
    paused: 'Paused',
    won: 'Won',
    lost: 'Lost',
    archived: 'Archived',
  },
} as const satisfies Terms;

export const plannerTermsAr = {
  stances: {
    champion: 'مناصِر',
    supportive: 'مؤيِّد',
    undecided: 'متردِّد',
    opposed: 'معارِض',
    hostile: 'معادٍ',
    unknown: 'غير معروف',
  },
  interactionKinds: {
    letter: 'رسالة',
    email: 'بريد إلكتروني',
    call: 'مكالمة',
    meeting: 'اجتماع',
    event: 'فعالية',
    social: 'وسائل التواصل',
    other: 'أخرى',
  },
  taskStatuses: {
    todo: 'للتنفيذ',
    'in-progress': 'قيد التنفيذ',
    done: 'منجزة',
    cancelled: 'ملغاة',
  },
  campaignStatuses: {
    planning: 'قيد التخطيط',
    active: 'نشطة',
    paused: 'متوقفة مؤقتًا',
    won: 'ناجحة',
    lost: 'لم تنجح',
    archived: 'مؤرشفة',
  },
} as const satisfies Terms;
