import { describe, expect, it } from 'vitest';
import {
  checkContactForm,
  contactInputOf,
  EMPTY_ROW,
  formValuesOf,
} from '@renderer/features/contacts/form/contact-form-values';
import { aContact, anAddress } from '../../../../../helpers/contact-fixture';

describe('the contact form', () => {
  it('turns a contact into form values and back unchanged', () => {
    const original = aContact({
      displayName: 'Samir Khoury',
      codeName: 'Cedar',
      kind: 'official',
      chamber: 'upper',
      emails: [{ label: 'office', value: 'samir@example.org' }],
      addresses: [
        anAddress({ lines: ['12 Cedar St', 'Floor 2'], locality: 'Beirut', country: 'Lebanon' }),
      ],
      tags: ['sponsor'],
      doNotContact: true,
    });
    const input = contactInputOf(formValuesOf(original));
    expect(input).toMatchObject({
      displayName: 'Samir Khoury',
      codeName: 'Cedar',
      kind: 'official',
      chamber: 'upper',
      emails: [{ label: 'office', value: 'samir@example.org' }],
      addresses: [{ lines: ['12 Cedar St', 'Floor 2'], locality: 'Beirut', country: 'Lebanon' }],
      tags: ['sponsor'],
      doNotContact: true,
    });
    expect(input.givenName).toBeUndefined();
    expect(checkContactForm(formValuesOf(original)).size).toBe(0);
  });

  it('keeps "share identity", but never for a contact marked sensitive', () => {
    const shared = aContact({ displayName: 'Dana Haddad', shareIdentity: true });
    expect(contactInputOf(formValuesOf(shared)).shareIdentity).toBe(true);
    expect(formValuesOf().shareIdentity).toBe(false);
    const sensitive = { ...formValuesOf(shared), sensitive: true };
    expect(contactInputOf(sensitive).shareIdentity).toBe(false);
  });

  it('names each wrong field at the row the user sees, skipping rows left empty', () => {
    const values = {
      ...formValuesOf(),
      givenName: '',
      emails: [{ ...EMPTY_ROW }, { label: '', value: 'not-an-email' }],
      phones: [{ label: 'mobile', value: 'call me' }],
      preferredLanguage: 'Arabic',
      addresses: [
        { label: 'home', lines: '  ', locality: '', region: '', postalCode: '', country: '' },
      ],
      title: 'x'.repeat(201),
    };
    const problems = checkContactForm(values);
    expect(Object.fromEntries(problems)).toEqual({
      displayName: { code: 'name-required' },
      'emails.1.value': { code: 'invalid-email' },
      'phones.0.value': { code: 'invalid-phone' },
      preferredLanguage: { code: 'invalid-language' },
      'addresses.0.lines': { code: 'address-part-required' },
      title: { code: 'too-long', max: 200 },
    });
    expect(contactInputOf(values).emails).toHaveLength(1);
  });

  it('keeps an address that has only a city', () => {
    const values = {
      ...formValuesOf(),
      givenName: 'Rana',
      addresses: [
        { label: 'home', lines: '', locality: 'Cairo', region: '', postalCode: '', country: '' },
      ],
    };
    expect(checkContactForm(values).size).toBe(0);
    expect(contactInputOf(values).addresses).toEqual([
      {
        label: 'home',
        lines: [],
        locality: 'Cairo',
        region: undefined,
        postalCode: undefined,
        country: undefined,
      },
    ]);
  });
});
