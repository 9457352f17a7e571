import { describe, expect, it } from 'vitest';
import { renderLetter, templateBuilders as b } from '@core/letters';
import { HADDAD, LETTER_DATE, recipient, REEM, settings } from './fixtures';
import { render, template, texts } from './rendering';

describe('dates and addresses', () => {
  it('builds the address block with the country last, and the meeting date', () => {
    const who = recipient(HADDAD, { meetingDate: '2026-11-12' });
    const letter = render(
      b.doc(b.paragraph('{{ address_block }}'), b.paragraph('Met on {{ meeting_date }}.')),
      {},
      who,
    );
    expect(texts(letter.body)).toEqual([
      'Layla Haddad\nState Senator\nState House, Room 410\n24 Beacon Street\nBoston, MA 02133\nUSA',
      'Met on 12 November 2026.',
    ]);
    const arabic = renderLetter(
      template(b.doc(b.paragraph('{{ address_block }}')), { language: 'ar', direction: 'rtl' }),
      {
        recipient: recipient(REEM),
        settings: settings(),
        date: LETTER_DATE,
      },
    );
    expect(texts(arabic.body)).toEqual([
      'الدكتورة ريم الحداد\nالنائبة، رئيسة لجنة الصحة والسكان\nمجلس النواب\nشارع مجلس الشعب\nالقاهرة\nمصر',
    ]);
  });
});

describe('a contact with a code name', () => {
  it('gets letters under the real name: the code name is for screens, not for post', () => {
    const letter = render(
      b.doc(b.paragraph('Dear {{ target.full_name }},'), b.paragraph('{{ address_block }}')),
      {},
      recipient({ ...HADDAD, codeName: 'Cedar' }),
    );
    const [greeting, block] = texts(letter.body);
    expect(greeting).toBe('Dear Layla Haddad,');
    expect(block?.split('\n')[0]).toBe('Layla Haddad');
    expect(texts(letter.body).join('\n')).not.toContain('Cedar');
  });
});
