import { describe, expect, it } from 'vitest';
import { NotFoundError } from '@core/db/repositories/repository';
import { freshDataCore } from '../../../../helpers/fresh-data-core';
import { layla, refusal } from '../fixtures';

describe('contacts repository', () => {
  it('creates a contact with id, timestamps and defaults, and finds it after reopening', async () => {
    const { core, reopen } = await freshDataCore();
    const created = await core.contacts.create(layla);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAt).toBe(created.updatedAt);
    expect(created).toMatchObject({ doNotContact: false, sensitive: false, phones: [] });
    const again = await reopen();
    expect(again.contacts.get(created.id)).toEqual(created);
  });

  it('updates fields, keeps createdAt, moves updatedAt', async () => {
    const { core, reopen } = await freshDataCore();
    const created = await core.contacts.create(layla);
    const updated = await core.contacts.update(created.id, { party: 'مستقلة', doNotContact: true });
    expect(updated.createdAt).toBe(created.createdAt);
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    expect((await reopen()).contacts.get(created.id)).toMatchObject({
      party: 'مستقلة',
      doNotContact: true,
      givenName: 'ليلى',
    });
  });

  it('refuses invalid writes with field-level messages, and stores nothing', async () => {
    const { core } = await freshDataCore();
    const error = await refusal(
      core.contacts.create({ kind: 'wizard' as never, emails: [{ value: 'not-an-email' }] }),
    );
    const fields = error.fieldErrors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'emails.0.value']));
    expect(error.message).toMatch(/^Contact: /);
    expect(error.fieldErrors.find((e) => e.field === 'emails.0.value')?.message).toBe(
      'not a valid email address',
    );
    expect(core.contacts.count()).toBe(0);
  });

  it('refuses an update of a record that does not exist', async () => {
    const { core } = await freshDataCore();
    await expect(
      core.contacts.update('9b7e0c55-0000-4000-8000-000000000000', {}),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('createMany names the row and field of every problem and writes nothing', async () => {
    const { core } = await freshDataCore();
    const error = await refusal(
      core.contacts.createMany([
        layla,
        { givenName: 'Sam', emails: [{ value: 'x@' }] },
        { kind: 'ally' },
      ]),
    );
    expect(error.fieldErrors.map((e) => e.field)).toEqual([
      '[1].emails.0.value',
      '[2].displayName',
    ]);
    expect(core.contacts.count()).toBe(0);
  });
});
