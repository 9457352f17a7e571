import { describe, expect, it } from 'vitest';
import { deleteOrganization } from '@renderer/features/organizations/delete-organization';
import { freshDataCore } from '../../../../helpers/fresh-data-core';

describe('deleting an organization', () => {
  it('keeps its contacts, with its name as free text, in one commit', async () => {
    const { core } = await freshDataCore();
    const org = await core.organizations.create({ name: 'جمعية حقوق الإنسان', kind: 'ngo' });
    const [linked, ownName, other] = await core.contacts.createMany([
      { displayName: 'Linked', organizationId: org.id },
      { displayName: 'Own name', organizationId: org.id, organizationName: 'Legal team' },
      { displayName: 'Other' },
    ]);
    const versionBefore = core.store.version('contacts');
    expect(await deleteOrganization(core, org.id)).toBe(2);
    expect(core.organizations.get(org.id)).toBeUndefined();
    expect(core.contacts.get(linked?.id ?? '')).toMatchObject({
      organizationName: 'جمعية حقوق الإنسان',
    });
    expect(core.contacts.get(linked?.id ?? '')?.organizationId).toBeUndefined();
    expect(core.contacts.get(ownName?.id ?? '')).toMatchObject({ organizationName: 'Legal team' });
    expect(core.contacts.get(other?.id ?? '')?.updatedAt).toBe(other?.updatedAt);
    expect(core.store.version('contacts')).toBe(versionBefore + 1);
    await core.close();
  });
});
