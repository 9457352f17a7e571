import { describe, expect, it } from 'vitest';
import { SAVED_FILTERS_META_KEY } from '@core/db/repositories/saved-filters';
import { ValidationError } from '@core/domain/validation';
import { failNthWrite } from '../../../../helpers/fail-nth-write';
import { closingAfterEach } from '../../../../helpers/fresh-data-core';

const fresh = closingAfterEach();
const senators = { chamber: 'upper' as const, region: 'Texas' };
const allies = { tag: 'حليف' };

describe('saved filters', () => {
  it('are added after the others, kept across a reopen, and removed by id', async () => {
    const { core, reopen } = await fresh();
    expect(await core.savedFilters.all()).toEqual([]);
    const [first] = await core.savedFilters.add('  Texas senators ', senators);
    const both = await core.savedFilters.add('الحلفاء', allies);
    expect(both).toEqual([
      { id: first?.id, name: 'Texas senators', filter: senators },
      { id: expect.any(String), name: 'الحلفاء', filter: allies },
    ]);
    const again = await reopen();
    expect(await again.savedFilters.all()).toEqual(both);
    expect(await again.savedFilters.remove(first?.id ?? '')).toEqual(both.slice(1));
    expect(await again.savedFilters.remove('gone already')).toEqual(both.slice(1));
    expect(await (await reopen()).savedFilters.all()).toEqual(both.slice(1));
  });

  it('keep every one of changes made at the same time', async () => {
    const { core } = await fresh();
    await Promise.all([
      core.savedFilters.add('One', senators),
      core.savedFilters.add('Two', allies),
      core.savedFilters.add('Three', { kind: 'journalist' }),
    ]);
    expect((await core.savedFilters.all()).map((saved) => saved.name)).toEqual([
      'One',
      'Two',
      'Three',
    ]);
  });

  it('refuse a blank or too long name and an unknown facet, storing nothing', async () => {
    const { core } = await fresh();
    await core.savedFilters.add('Kept', senators);
    const before = await core.savedFilters.all();
    const refusals = [
      () => core.savedFilters.add('   ', senators),
      () => core.savedFilters.add('x'.repeat(121), senators),
      () => core.savedFilters.add('Bad', { ...senators, colour: 'red' } as never),
    ];
    for (const refused of refusals) {
      const error = await Promise.resolve()
        .then(refused)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).entity).toBe('Saved filter');
    }
    expect(await core.savedFilters.all()).toEqual(before);
  });

  it('read as none when the stored value is unreadable (they are a convenience)', async () => {
    const { core } = await fresh();
    await core.store.writeMeta(SAVED_FILTERS_META_KEY, [{ id: 'x', name: '' }]);
    expect(await core.savedFilters.all()).toEqual([]);
  });

  it('change all or nothing when a write fails', async () => {
    const { core, reopen } = await fresh();
    await core.savedFilters.add('Kept', senators);
    const before = await core.savedFilters.all();
    // The write deletes the value's old parts, then puts it: either may fail.
    for (const n of [1, 2]) {
      await failNthWrite(core, n);
      await expect(core.savedFilters.add('Lost', allies)).rejects.toThrow(/disk is full/);
      expect(await core.savedFilters.all()).toEqual(before);
    }
    await failNthWrite(core, 2);
    await expect(core.savedFilters.remove(before[0]?.id ?? '')).rejects.toThrow(/disk is full/);
    expect(await (await reopen()).savedFilters.all()).toEqual(before);
  });
});
