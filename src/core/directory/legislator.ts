/**
 * One member of the US Congress as the bundled directory file holds them
 * (resources/README.md), checked field by field before anything uses the file.
 */
import { z } from 'zod';
import { isUsStateCode } from './us-states';

const text = z.string().trim().min(1);
const day = z.iso.date();

export const legislatorSchema = z.object({
  bioguide: z.string().regex(/^[A-Z]\d{6}$/, 'expected a Bioguide id such as "M001153"'),
  name: text,
  first: text,
  last: text,
  /** Older snapshots lack it; null where the source does not say. */
  gender: z.enum(['Male', 'Female']).nullable().optional(),
  party: text,
  caucus: text.nullable(),
  chamber: z.enum(['senate', 'house']),
  state: z.string().refine(isUsStateCode, 'not a US state or territory code'),
  district: z.number().int().min(0).nullable(),
  senate_class: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  term_start: day,
  term_end: day,
  address: text.nullable(),
  phone: text.nullable(),
  contact_form: text.nullable(),
  website: text.nullable(),
  committees: z.array(text),
  social: z.record(z.string(), z.string()),
});

export type Legislator = z.output<typeof legislatorSchema>;
export type Chamber = Legislator['chamber'];

export interface DirectoryProblem {
  code: 'not-json' | 'not-a-list' | 'invalid-record' | 'duplicate-id';
  /** The record's place in the file, from 0. */
  index?: number;
  field?: string;
  message?: string;
}

export type DirectoryParse =
  { ok: true; legislators: Legislator[] } | { ok: false; problems: DirectoryProblem[] };

/** Checks a directory file's parsed JSON; every problem names the record and field. */
export function parseLegislators(data: unknown): DirectoryParse {
  if (!Array.isArray(data)) return { ok: false, problems: [{ code: 'not-a-list' }] };
  const problems: DirectoryProblem[] = [];
  const legislators: Legislator[] = [];
  const ids = new Set<string>();
  data.forEach((record: unknown, index) => {
    const result = legislatorSchema.safeParse(record);
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push({
          code: 'invalid-record',
          index,
          field: issue.path.join('.'),
          message: issue.message,
        });
      return;
    }
    if (ids.has(result.data.bioguide))
      problems.push({
        code: 'duplicate-id',
        index,
        field: 'bioguide',
        message: result.data.bioguide,
      });
    ids.add(result.data.bioguide);
    legislators.push(result.data);
  });
  return problems.length ? { ok: false, problems } : { ok: true, legislators };
}

/** The same, from the file's text. */
export function parseLegislatorsJson(json: string): DirectoryParse {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, problems: [{ code: 'not-json', message: String(error) }] };
  }
  return parseLegislators(data);
}
