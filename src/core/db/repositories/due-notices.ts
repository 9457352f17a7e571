/**
 * The day the "due today" notification was last shown. Proof of activity on a given day, so
 * it is kept in the sealed meta table, never in plain local storage.
 */
import { z } from 'zod';
import type { DataContext } from './repository';

export const DUE_NOTICE_META_KEY = 'dueNotifiedOn';
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export class DueNoticeRepository {
  constructor(private readonly context: DataContext) {}

  /** The last day notified, or undefined (never, or an unreadable value). */
  async notifiedOn(): Promise<string | undefined> {
    const parsed = daySchema.safeParse(await this.context.store.readMeta(DUE_NOTICE_META_KEY));
    return parsed.success ? parsed.data : undefined;
  }

  async markNotified(day: string): Promise<void> {
    await this.context.store.writeMeta(DUE_NOTICE_META_KEY, daySchema.parse(day));
  }
}
