import { describe, expect, it } from 'vitest';
import { DUE_NOTICE_META_KEY } from '@core/db/repositories/due-notices';
import { closingAfterEach } from '../../../../helpers/fresh-data-core';

const fresh = closingAfterEach();

describe('due notices', () => {
  it('remember the last day notified across a reopen', async () => {
    const { core, reopen } = await fresh();
    expect(await core.dueNotices.notifiedOn()).toBeUndefined();
    await core.dueNotices.markNotified('2026-12-06');
    expect(await (await reopen()).dueNotices.notifiedOn()).toBe('2026-12-06');
  });

  it('refuse what is not a day, and read a damaged value as never', async () => {
    const { core } = await fresh();
    await expect(core.dueNotices.markNotified('yesterday')).rejects.toThrow();
    await core.store.writeMeta(DUE_NOTICE_META_KEY, { day: 3 });
    expect(await core.dueNotices.notifiedOn()).toBeUndefined();
  });
});
