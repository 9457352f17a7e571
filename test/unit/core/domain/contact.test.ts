import { describe, expect, it } from 'vitest';
import { contactInputSchema, contactName, hidesIdentity, identityName } from '@core/domain/contact';
import { aContact } from '../../../helpers/contact-fixture';

describe('code names', () => {
  const real = { givenName: 'Nour', familyName: 'Saleh' };

  it('shows the code name where a name is shown, and the real name only when asked', () => {
    const coded = aContact({ ...real, codeName: 'Jasmine' });
    expect(contactName(coded)).toBe('Jasmine');
    expect(identityName(coded)).toBe('Nour Saleh');
    expect(hidesIdentity(coded)).toBe(true);
    expect(contactName(aContact(real))).toBe('Nour Saleh');
    expect(hidesIdentity(aContact(real))).toBe(false);
  });

  it('is stored trimmed and optional, in any script, and never stands in for a name', () => {
    const parsed = contactInputSchema.parse({ ...real, codeName: '  الوردة ' });
    expect(parsed.codeName).toBe('الوردة');
    expect(contactInputSchema.parse(real).codeName).toBeUndefined();
    expect(contactInputSchema.safeParse({ codeName: 'Jasmine' }).success).toBe(false);
    expect(contactInputSchema.safeParse({ ...real, codeName: 'x'.repeat(81) }).success).toBe(false);
  });
});
