import { describe, expect, it } from 'vitest';
import { NotFoundError } from '@core/db/repositories/repository';
import { failNthWrite, recordSnapshot as snapshot } from '../../../../helpers/fail-nth-write';
import { freshDataCore } from '../../../../helpers/fresh-data-core';

async function organizationWithPeople() {
  const fresh = await freshDataCore();
  const { core } = fresh;
  const org = await core.organizations.create({ name: 'جمعية حقوق الإنسان', kind: 'ngo' });
  const [linked, ownName, other] = await core.contacts.createMany([
    { displayName: 'Linked', organizationId: org.id },
    { displayName: 'Own name', organizationId: org.id, organizationName: 'Legal team' },
    { displayName: 'Other' },
  ]);
  if (!linked || !ownName || !other) throw new Error('contacts not created');
  return { ...fresh, org, linked, ownName, other };
}

describe('deleting an organization', () => {
  it('keeps its contacts, with its name as free text, in one commit', async () => {
    const { core, org, linked, ownName, other } = await organizationWithPeople();
    const versionBefore = core.store.version('contacts');
    expect(await core.organizations.removeKeepingContacts(org.id)).toBe(2);
    expect(core.organizations.get(org.id)).toBeUndefined();
    expect(core.contacts.get(linked.id)).toMatchObject({
      organizationName: 'جمعية حقوق الإنسان',
    });
    expect(core.contacts.get(linked.id)?.organizationId).toBeUndefined();
    expect(core.contacts.get(ownName.id)).toMatchObject({ organizationName: 'Legal team' });
    expect(core.contacts.get(other.id)?.updatedAt).toBe(other.updatedAt);
    expect(core.store.version('contacts')).toBe(versionBefore + 1);
    await core.close();
  });

  it('is stored: a reopened workspace has the contacts unlinked', async () => {
    const { core, reopen, org, linked } = await organizationWithPeople();
    await core.organizations.removeKeepingContacts(org.id);
    const again = await reopen();
    expect(again.organizations.count()).toBe(0);
    expect(again.contacts.get(linked.id)).toMatchObject({
      organizationName: 'جمعية حقوق الإنسان',
    });
    expect(again.contacts.get(linked.id)?.organizationId).toBeUndefined();
    await again.close();
  });

  it('refuses an organization that does not exist, and changes nothing', async () => {
    const { core } = await organizationWithPeople();
    const before = snapshot(core);
    await expect(core.organizations.removeKeepingContacts('missing')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(snapshot(core)).toEqual(before);
    await core.close();
  });

  it('fails whole when the write fails: the organization and every link stay', async () => {
    const { core, reopen, org } = await organizationWithPeople();
    const before = snapshot(core);
    await failNthWrite(core, 1);
    await expect(core.organizations.removeKeepingContacts(org.id)).rejects.toThrow(/disk is full/);
    expect(snapshot(core)).toEqual(before);
    const again = await reopen();
    expect(snapshot(again)).toEqual(before);
    await again.close();
  });
});
