import { describe, expect, it } from 'vitest';
import {
  LetterRenderError,
  LetterTemplateError,
  renderedLetterText,
  templateBuilders as b,
} from '@core/letters';
import { HADDAD, recipient } from './fixtures';
import { render, texts } from './rendering';

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
