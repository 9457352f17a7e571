import { z } from 'zod';

export const idSchema = z.uuid();
export type Id = string;

/** A calendar date without time zone, 'YYYY-MM-DD': due dates mean a day, wherever you are. */
export const calendarDateSchema = z.iso.date();
/** An instant, ISO 8601 with offset, e.g. createdAt. */
export const instantSchema = z.iso.datetime({ offset: true });

export const languageTagSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as "en" or "ar-EG"');

export const tagsSchema = z.array(z.string().trim().min(1).max(60)).max(50).default([]);

/** Optional free text: empty strings are stored as absent. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

export const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max);

export const recordBaseShape = {
  id: idSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
};

export interface RecordBase {
  id: Id;
  createdAt: string;
  updatedAt: string;
}

/** Validated fields made a new record: its id, created and updated at `now` (ISO 8601). */
export function newRecord<F extends object>(fields: F, id: Id, now: string): F & RecordBase {
  return { ...fields, id, createdAt: now, updatedAt: now };
}
