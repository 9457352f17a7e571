import { describe, expect, it } from 'vitest';
import {
  checkOrganizationForm,
  organizationValuesOf,
} from '@renderer/features/organizations/organization-form-values';

describe('the contact form', () => {
  it('requires an organization name', () => {
    expect(
      Object.fromEntries(checkOrganizationForm({ ...organizationValuesOf(), name: ' ' })),
    ).toEqual({
      name: { code: 'required' },
    });
  });
});
