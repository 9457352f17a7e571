import { describe, expect, it } from 'vitest';
import {
  LetterRenderError,
  LetterTemplateError,
  renderLetter,
  renderedLetterText,
  serializeTemplateDocument,
  templateBuilders as b,
  type LetterTemplate,
  type RenderedBlock,
} from '@core/letters';
import { campaign, HADDAD, LETTER_DATE, recipient, REEM, settings } from './fixtures';

const template = (
  body: string | ReturnType<typeof b.doc>,
  extra: Partial<LetterTemplate> = {},
): LetterTemplate => ({
  language: 'en',
  direction: 'ltr',
  body: typeof body === 'string' ? body : serializeTemplateDocument(body),
  subject: undefined,
  closing: undefined,
  signature: undefined,
  ...extra,
});

const texts = (blocks: RenderedBlock[]) =>
  blocks.map((block) => block.runs.map((r) => r.text).join(''));

const render = (
  body: Parameters<typeof template>[0],
  extra: Partial<LetterTemplate> = {},
  who = recipient(HADDAD),
) =>
  renderLetter(template(body, extra), {
    recipient: who,
    campaign: campaign({
      policy: { identifier: 'S.1234', title: 'An Act relative to fair housing' },
    }),
    settings: settings({
      organizationProfile: { name: 'Bay State Pride', signatoryName: 'Sam Rivera' },
    }),
    date: LETTER_DATE,
  });

describe('rendering a template for one recipient', () => {
  it("fills merge-field chips and Liquid text, keeping each run's marks", () => {
    const letter = render(
      b.doc(
        b.paragraph(b.field('salutation')),
        b.paragraph(
          'Please support ',
          b.text('{{ campaign.bill_id }}', 'bold'),
          ' for ',
          b.field('target.district'),
          '.',
        ),
      ),
    );
    expect(texts(letter.body)).toEqual([
      'Dear Senator Haddad,',
      'Please support S.1234 for District 7.',
    ]);
    expect(letter.body[1]?.runs).toEqual([
      { text: 'Please support ' },
      { text: 'S.1234', bold: true },
      { text: ' for District 7.' },
    ]);
  });

  it("prints a chip's fallback, or Liquid's default, when the data is missing", () => {
    const who = recipient({ givenName: 'Ana', familyName: 'Ortiz' });
    const letter = render(
      b.doc(
        b.paragraph('For ', b.field('target.district', 'your district'), '.'),
        b.paragraph('Party: {{ target.party | default: "none on file" }}.'),
        b.paragraph('Quote "test": ', b.field('target.title', 'a "quoted" \'fallback\'')),
      ),
      {},
      who,
    );
    expect(texts(letter.body)).toEqual([
      'For your district.',
      'Party: none on file.',
      'Quote "test": a ”quoted” \'fallback\'',
    ]);
  });

  it('keeps only the branch a conditional chooses, within and across paragraphs', () => {
    const body = b.doc(
      b.paragraph(
        'Dear {% if target.chamber == "upper" %}Senator{% else %}Representative{% endif %} {{ target.family_name }},',
      ),
      b.paragraph('{% if target.chamber == "upper" %}'),
      b.paragraph('A paragraph only senators get, ', b.text('with bold', 'bold'), '.'),
      b.paragraph('And a second one.'),
      b.paragraph('{% else %}'),
      b.paragraph('Only representatives get this.'),
      b.paragraph('{% endif %}Everyone reads this.'),
    );
    expect(texts(render(body).body)).toEqual([
      'Dear Senator Haddad,',
      'A paragraph only senators get, with bold.',
      'And a second one.',
      'Everyone reads this.',
    ]);
    const representative = recipient({ ...HADDAD, chamber: 'lower' });
    expect(texts(render(body, {}, representative).body)).toEqual([
      'Dear Representative Haddad,',
      'Only representatives get this.',
      'Everyone reads this.',
    ]);
  });

  it('drops a paragraph that held only fields that are empty, keeps an empty spacing paragraph', () => {
    const who = recipient({ givenName: 'Ana', familyName: 'Ortiz' });
    const letter = render(
      b.doc(
        b.paragraph('One'),
        b.paragraph(b.field('target.party')),
        b.paragraph(),
        b.paragraph('Two'),
      ),
      {},
      who,
    );
    expect(texts(letter.body)).toEqual(['One', '', 'Two']);
  });

  it('folds the double space a removed word leaves', () => {
    const who = recipient({ givenName: 'Ana', familyName: 'Ortiz' });
    const letter = render(
      b.doc(b.paragraph('Vote {% if target.party %}with your party{% endif %} for the bill.')),
      {},
      who,
    );
    expect(texts(letter.body)).toEqual(['Vote for the bill.']);
  });

  it('repeats paragraphs inside a loop', () => {
    const body = b.doc(
      b.paragraph('{% assign items = "housing,work,care" | split: "," %}{% for item in items %}'),
      b.paragraph('Protect {{ item }}.'),
      b.paragraph('{% endfor %}'),
    );
    expect(texts(render(body).body)).toEqual([
      'Protect housing.',
      'Protect work.',
      'Protect care.',
    ]);
  });

  it('keeps lists, headings, alignment and direction of each block', () => {
    const body = b.doc(
      b.heading(2, 'Our ask'),
      { type: 'paragraph', attrs: { textAlign: 'center', dir: 'rtl' }, content: [b.text('وسط')] },
      b.orderedList(['First {{ campaign.bill_id }}'], ['Second']),
      b.bulletList(['Point']),
    );
    const blocks = render(body).body;
    expect(
      blocks.map((block) => [
        block.kind,
        block.level,
        block.align,
        block.dir,
        block.list?.kind,
        block.list?.listIndex,
      ]),
    ).toEqual([
      ['heading', 2, undefined, undefined, undefined, undefined],
      ['paragraph', undefined, 'center', 'rtl', undefined, undefined],
      ['paragraph', undefined, undefined, undefined, 'ordered', 0],
      ['paragraph', undefined, undefined, undefined, 'ordered', 0],
      ['paragraph', undefined, undefined, undefined, 'bullet', 1],
    ]);
    expect(renderedLetterText(render(body))).toBe(
      'Our ask\nوسط\n1. First S.1234\n2. Second\n• Point',
    );
  });

  it("reads TipTap's left/right alignment by direction, and line breaks inside a paragraph", () => {
    const body = b.doc(
      { type: 'paragraph', attrs: { textAlign: 'right' }, content: [b.text('A')] },
      { type: 'paragraph', attrs: { textAlign: 'right', dir: 'rtl' }, content: [b.text('B')] },
      {
        type: 'paragraph',
        attrs: { textAlign: 'left', dir: 'rtl' },
        content: [b.text('C'), { type: 'hardBreak' }, b.field('target.family_name')],
      },
    );
    const blocks = render(body).body;
    expect(blocks.map((block) => block.align)).toEqual(['end', 'start', 'end']);
    expect(texts(blocks)[2]).toBe('C\nHaddad');
  });

  it('renders subject, closing and signature lines, dropping empty signature lines', () => {
    const letter = render(b.doc(b.paragraph('Body')), {
      subject: 'Support {{ campaign.bill_id }}',
      closing: 'Respectfully,',
      signature: '{{ sender.name }}\n{{ sender.title }}\n{{ sender.organization }}',
    });
    expect(letter.subject).toBe('Support S.1234');
    expect(letter.closing).toBe('Respectfully,');
    expect(letter.signature).toEqual(['Sam Rivera', 'Bay State Pride']);
    expect(renderedLetterText(letter)).toBe(
      'Support S.1234\nBody\nRespectfully,\nSam Rivera\nBay State Pride',
    );
  });

  it('fills the fields each part reads, in conditions and string members too', () => {
    // Each letter computes only the fields its template reads: every part counts.
    const letter = render(
      '{% if target.family_name.size > 3 %}{{ target.family_name.size }}{% endif %} letters',
      {
        subject: '{{ campaign.bill_id | downcase }}',
        closing: '{% unless sender.title %}{{ salutation }}{% endunless %}',
        signature: '{{ sender.name }}\n{{ today }}',
      },
    );
    expect(texts(letter.body)).toEqual(['6 letters']);
    expect(letter.subject).toBe('s.1234');
    expect(letter.closing).toBe('Dear Senator Haddad,');
    expect(letter.signature).toEqual(['Sam Rivera', '30 November 2026']);
  });

  it('reads old plain-text bodies one paragraph per line', () => {
    const letter = render('{{ salutation }}\n\nWe write about {{ campaign.bill_id }}.');
    expect(texts(letter.body)).toEqual(['Dear Senator Haddad,', '', 'We write about S.1234.']);
  });

  it("strips control characters and the engine's private markers from data and template", () => {
    const who = recipient({
      givenName: 'Ana',
      familyName: 'Or\u0001ti\uE000z\u000B',
      formOfAddress: 'feminine',
    });
    const letter = render(
      b.doc(b.paragraph('A\u0007B \uE002', b.field('target.family_name'))),
      {},
      who,
    );
    expect(texts(letter.body)).toEqual(['AB Ortiz']);
  });

  it('refuses a template with problems, naming them', () => {
    const error = (() => {
      try {
        render(b.doc(b.paragraph('{{ target.shoe_size }}')));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(LetterTemplateError);
    expect((error as LetterTemplateError).problems).toEqual([
      { code: 'unknown-field', part: 'body', field: 'target.shoe_size', block: 0 },
    ]);
  });

  it('stops a runaway loop with an error naming the recipient, instead of exhausting memory', () => {
    const who = recipient(HADDAD);
    const error = (() => {
      try {
        render(b.doc(b.paragraph('{% for i in (1..1000000000) %}{{ i }}{% endfor %}')), {}, who);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(LetterRenderError);
    expect((error as LetterRenderError).recipientId).toBe(who.id);
    expect((error as Error).message).toMatch(/limit exceeded/);
  });
});

describe('salutations', () => {
  const salutation = (input: Parameters<typeof recipient>[0], language: 'en' | 'ar') =>
    texts(
      render(
        b.doc(b.paragraph(b.field('salutation'))),
        { language, direction: language === 'ar' ? 'rtl' : 'ltr' },
        recipient(input),
      ).body,
    )[0];
  const noOne = (language: 'en' | 'ar') =>
    texts(
      renderLetter(template(b.doc(b.paragraph(b.field('salutation'))), { language }), {
        settings: settings(),
        date: LETTER_DATE,
      }).body,
    )[0];

  it.each([
    [HADDAD, 'Dear Senator Haddad,'],
    [
      { honorific: 'Sen.', givenName: 'Omar', familyName: 'Nasser', formOfAddress: 'masculine' },
      'Dear Senator Nasser,',
    ],
    [{ givenName: 'Tom', familyName: 'Baker', chamber: 'lower' }, 'Dear Representative Baker,'],
    [
      {
        honorific: 'Council Member',
        givenName: 'Daniela',
        familyName: 'Ortiz',
        formOfAddress: 'feminine',
      },
      'Dear Council Member Ortiz,',
    ],
    [{ givenName: 'Daniela', familyName: 'Ortiz', formOfAddress: 'feminine' }, 'Dear Ms. Ortiz,'],
    [{ givenName: 'Samir', familyName: 'Khalil', formOfAddress: 'masculine' }, 'Dear Mr. Khalil,'],
    [{ givenName: 'Alex', familyName: 'Kim', formOfAddress: 'neutral' }, 'Dear Mx. Kim,'],
    [{ givenName: 'Sam', familyName: 'Rivera' }, 'Dear Sam Rivera,'],
    [
      { honorific: 'الدكتورة', givenName: 'Reem', familyName: 'Haddad', formOfAddress: 'feminine' },
      'Dear Ms. Haddad,',
    ],
    [{ displayName: 'Housing Committee staff' }, 'Dear Housing Committee staff,'],
  ] as const)('English: %o → %s', (input, expected) => {
    expect(salutation(input, 'en')).toBe(expected);
  });

  it.each([
    [REEM, 'سعادة النائبة الدكتورة ريم الحداد المحترمة،'],
    [
      {
        honorific: 'النائب',
        givenName: 'سامر',
        familyName: 'خليل',
        chamber: 'unicameral',
        formOfAddress: 'masculine',
      },
      'سعادة النائب سامر خليل المحترم،',
    ],
    [
      {
        honorific: 'الدكتور',
        givenName: 'هشام',
        familyName: 'فهمي',
        chamber: 'executive',
        kind: 'official',
        formOfAddress: 'masculine',
      },
      'سعادة الدكتور هشام فهمي المحترم،',
    ],
    [
      { givenName: 'منى', familyName: 'سليم', kind: 'official', formOfAddress: 'feminine' },
      'سعادة السيدة منى سليم المحترمة،',
    ],
    [
      { givenName: 'منى', familyName: 'سليم', kind: 'journalist', formOfAddress: 'feminine' },
      'السيدة منى سليم المحترمة،',
    ],
    [
      { honorific: 'الأستاذ', givenName: 'كريم', familyName: 'سعيد', formOfAddress: 'masculine' },
      'الأستاذ كريم سعيد المحترم،',
    ],
    [{ givenName: 'نور', familyName: 'حسن' }, 'حضرة نور حسن،'],
    [
      { honorific: 'Dr.', givenName: 'نور', familyName: 'حسن', formOfAddress: 'neutral' },
      'حضرة نور حسن،',
    ],
  ] as const)('Arabic: %o → %s', (input, expected) => {
    expect(salutation(input, 'ar')).toBe(expected);
  });

  it('falls back to a greeting for no one in particular', () => {
    expect(noOne('en')).toBe('Dear Friends,');
    expect(noOne('ar')).toBe('حضرات السادة المحترمين،');
  });
});

describe('dates and addresses', () => {
  const today = (language: 'en' | 'ar', input: Parameters<typeof settings>[0]) =>
    texts(
      renderLetter(template(b.doc(b.paragraph('{{ today }}')), { language }), {
        settings: settings(input),
        date: LETTER_DATE,
      }).body,
    )[0];

  it("formats today for the letter's language, digits and calendar", () => {
    expect(today('en', {})).toBe('30 November 2026');
    expect(today('en', { letterPaper: 'letter' })).toBe('November 30, 2026');
    expect(today('ar', { arabicDigits: 'latin' })).toBe('30 نوفمبر 2026');
    expect(today('ar', { arabicDigits: 'arabic-indic' })).toBe('٣٠ نوفمبر ٢٠٢٦');
    expect(today('ar', { arabicDigits: 'arabic-indic', showHijriDate: true })).toBe(
      '٣٠ نوفمبر ٢٠٢٦ م، الموافق ٢٠ جمادى الآخرة ١٤٤٨ هـ',
    );
    expect(today('ar', { arabicDigits: 'latin', showHijriDate: true })).toBe(
      '30 نوفمبر 2026 م، الموافق 20 جمادى الآخرة 1448 هـ',
    );
  });

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
