/**
 * Saved "Add targets" filters, such as "all senators of state X": kept in the workspace's
 * sealed meta table (encrypted like the records, never in plain local storage, since a
 * filter can say who a group works with), shared by every campaign.
 */
import { z } from 'zod';
import type { DataCore } from '@core/db/data-core';
import { contactFilterSchema, type ContactFilter } from './contact-filter';

export const FILTER_PRESETS_META_KEY = 'plannerTargetFilters';

const presetSchema = z.strictObject({
  id: z.string().min(1).max(60),
  name: z.string().trim().min(1).max(120),
  filter: contactFilterSchema,
});
export type FilterPreset = z.infer<typeof presetSchema>;

/** The stored presets; a missing or unreadable value reads as none (they are a convenience). */
export async function readFilterPresets(core: DataCore): Promise<FilterPreset[]> {
  const parsed = z
    .array(presetSchema)
    .safeParse(await core.store.readMeta(FILTER_PRESETS_META_KEY));
  return parsed.success ? parsed.data : [];
}

export async function writeFilterPresets(core: DataCore, presets: FilterPreset[]): Promise<void> {
  await core.store.writeMeta(FILTER_PRESETS_META_KEY, z.array(presetSchema).parse(presets));
}

export function newPreset(name: string, filter: ContactFilter): FilterPreset {
  return { id: crypto.randomUUID(), name: name.trim(), filter };
}
