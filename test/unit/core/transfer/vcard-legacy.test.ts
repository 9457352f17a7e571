import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appleLabel, normalizeCard, parseVCards } from '@core/transfer';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/imports');
const cards = (name: string) => parseVCards(readFileSync(path.join(FIXTURES, name), 'utf8'));

describe('cards as phones and mail programs write them', () => {
  it('Android vCard 2.1: quoted-printable Arabic, soft line breaks, bare types, a photo', () => {
    const result = cards('android-2.1.vcf');
    const [layla, omar] = result.valid;
    expect(layla).toMatchObject({
      givenName: 'ليلى',
      familyName: 'حداد',
      organizationName: 'حلم',
      phones: [
        { label: 'CELL', value: '+961 3 123 456' },
        { label: 'WORK', value: '01-745000' },
      ],
      emails: [{ label: 'HOME', value: 'layla@mail.example' }],
      addresses: [{ label: 'HOME', lines: ['شارع الحمرا'], locality: 'بيروت', country: 'لبنان' }],
      notes: 'التقينا في المنتدى، ونتابع معها بعد الجلسة القادمة في البرلمان',
    });
    expect(omar).toMatchObject({
      givenName: 'Omar',
      familyName: 'Saleh',
      phones: [{ label: 'CELL', value: '+962 79 123 4567' }],
    });
    // The third card is refused, naming the person and what is wrong.
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'invalid-email',
        row: 3,
        person: 'Rana',
        value: 'not an email',
      }),
    ]);
  });

  it('iPhone/iCloud vCard 3.0: grouped labels, an address with empty parts, a middle name', () => {
    const result = cards('iphone-3.0.vcf');
    expect(result.problems).toEqual([]);
    expect(result.valid[0]).toMatchObject({
      givenName: 'Nadia Rima',
      familyName: 'Khoury',
      organizationName: 'Arab Foundation for Freedoms',
      title: 'Researcher',
      emails: [
        { label: 'other', value: 'nadia@aff.example' },
        { label: 'Campaigns', value: 'nadia.k@mail.example' },
      ],
      phones: [
        { label: 'CELL', value: '+961 76 000 111' },
        { label: 'WORK', value: '+961 1 200 300' },
      ],
      addresses: [{ label: 'home', lines: [], locality: 'Beirut', country: 'Lebanon' }],
      websites: [{ label: 'homepage', value: 'https://aff.example' }],
    });
    expect(result.valid[0]?.displayName).toBeUndefined();
  });

  it('Thunderbird vCard 4.0: nickname kept in the notes, the work address with its kind', () => {
    const result = cards('thunderbird.vcf');
    expect(result.problems).toEqual([]);
    expect(result.valid[0]).toMatchObject({
      givenName: 'Youssef',
      familyName: 'Amin',
      addresses: [
        {
          label: 'work',
          lines: ['Bureau 4', 'Boulevard Zerktouni 100'],
          locality: 'Casablanca',
          region: 'Casablanca-Settat',
          postalCode: '20000',
          country: 'Morocco',
        },
      ],
      phones: [
        { label: 'work', value: '+212 5 22 00 00 00' },
        { label: 'cell', value: '+212 6 11 22 33 44' },
      ],
      notes: 'NICKNAME: Jo\n\nWorks on the asylum file',
    });
  });

  it('reads Apple’s standard labels and leaves typed ones as they are', () => {
    expect(appleLabel('_$!<Mobile>!$_')).toBe('mobile');
    expect(appleLabel('Campaigns')).toBe('Campaigns');
  });

  it('drops photos and turns bare 2.1 types into TYPE parameters', () => {
    const card = normalizeCard(
      'BEGIN:VCARD\r\nVERSION:2.1\r\nTEL;CELL;PREF:+1 555\r\nPHOTO;ENCODING=BASE64;JPEG:AAAA\r\n BBBB\r\n\r\nEND:VCARD',
    );
    expect(card).toBe('BEGIN:VCARD\r\nVERSION:3.0\r\nTEL;TYPE=CELL;TYPE=PREF:+1 555\r\nEND:VCARD');
  });
});
