import { z } from 'zod';
import {
  calendarDateSchema,
  idSchema,
  languageTagSchema,
  optionalText,
  recordBaseShape,
  requiredText,
  tagsSchema,
} from './common';

export const CAMPAIGN_STATUSES = [
  'planning',
  'active',
  'paused',
  'won',
  'lost',
  'archived',
] as const;
export const TASK_STATUSES = ['todo', 'in-progress', 'done', 'cancelled'] as const;

export const milestoneSchema = z.strictObject({
  id: idSchema,
  title: requiredText(200),
  dueDate: calendarDateSchema.optional(),
  done: z.boolean().default(false),
});

export const taskSchema = z.strictObject({
  id: idSchema,
  title: requiredText(200),
  dueDate: calendarDateSchema.optional(),
  status: z.enum(TASK_STATUSES).default('todo'),
  ownerContactId: idSchema.optional(),
  notes: optionalText(5_000),
});

export const policySchema = z.strictObject({
  identifier: optionalText(60),
  title: optionalText(300),
  jurisdiction: optionalText(120),
  link: optionalText(500),
});

export const campaignFields = {
  name: requiredText(200),
  goal: optionalText(2_000),
  ask: optionalText(2_000),
  policy: policySchema.optional(),
  status: z.enum(CAMPAIGN_STATUSES).default('planning'),
  startDate: calendarDateSchema.optional(),
  endDate: calendarDateSchema.optional(),
  language: languageTagSchema.default('en'),
  description: optionalText(20_000),
  tags: tagsSchema,
  milestones: z.array(milestoneSchema).max(500).default([]),
  tasks: z.array(taskSchema).max(2_000).default([]),
  /** Share of targets needed to win, e.g. 0.5 for a simple majority of a committee. */
  winThreshold: z.number().gt(0).lte(1).optional(),
};

const datesInOrder = (c: { startDate?: string; endDate?: string }) =>
  !c.startDate || !c.endDate || c.startDate <= c.endDate;
const DATES_IN_ORDER = { message: 'the end date is before the start date', path: ['endDate'] };

export const campaignInputSchema = z
  .strictObject(campaignFields)
  .refine(datesInOrder, DATES_IN_ORDER);
export const campaignSchema = z
  .strictObject({ ...recordBaseShape, ...campaignFields })
  .refine(datesInOrder, DATES_IN_ORDER);
export type CampaignInput = z.input<typeof campaignInputSchema>;
export type Campaign = z.output<typeof campaignSchema>;
export type Milestone = z.output<typeof milestoneSchema>;
export type Task = z.output<typeof taskSchema>;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
