import { describe, expect, it } from 'vitest';
import { addressBlockLines } from '@renderer/features/contacts/detail/address-block';
import { anAddress } from '../../../../../helpers/contact-fixture';

describe('the contact form', () => {
  it('formats an address as an envelope block', () => {
    expect(
      addressBlockLines(
        anAddress({
          lines: ['Eastbridge City Hall', 'Room 214'],
          postalCode: '55501',
          locality: 'Eastbridge',
          country: 'United States',
        }),
      ),
    ).toEqual(['Eastbridge City Hall', 'Room 214', '55501 Eastbridge', 'United States']);
  });
});
