import { describe, expect, it } from 'vitest';
import {
  checkRecipients,
  serializeTemplateDocument,
  templateBuilders as b,
  validateTemplate,
} from '@core/letters';
import { campaign, HADDAD, LETTER_DATE, recipient, REEM, settings } from './fixtures';

const wording = (
  body: string,
  extra: { subject?: string; closing?: string; signature?: string } = {},
) => ({
  body,
  subject: undefined,
  closing: undefined,
  signature: undefined,
  ...extra,
});
const docBody = (...blocks: Parameters<typeof b.doc>) =>
  serializeTemplateDocument(b.doc(...blocks));

describe('validateTemplate', () => {
  it('accepts a template whose fields are all known', () => {
    const body = docBody(
      b.paragraph(b.field('salutation')),
      b.paragraph(
        '{% if target.chamber == "upper" %}Senator{% endif %} {{ target.family_name | upcase }} {{ target.title.size }}',
      ),
    );
    expect(
      validateTemplate(
        wording(body, { subject: 'About {{ campaign.bill_id }}', signature: '{{ sender.name }}' }),
      ),
    ).toEqual([]);
  });

  it('reports a syntax error with the line and column LiquidJS gives, and the paragraph', () => {
    const body = docBody(
      b.paragraph('Dear friend,'),
      b.paragraph('Second'),
      b.paragraph('We ask {% if target.party %}you'),
    );
    expect(validateTemplate(wording(body))).toEqual([
      {
        code: 'syntax-error',
        part: 'body',
        line: 3,
        column: 8,
        block: 2,
        message: 'tag {% if target.party %} not closed',
      },
    ]);
  });

  it('reports an unclosed output and an unknown filter, in the part they are in', () => {
    const problems = validateTemplate(
      wording(docBody(b.paragraph('Hello {{ target.title | shout }}')), {
        subject: 'Re {{ campaign.bill_id',
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({ code: 'syntax-error', part: 'subject', line: 1, column: 4 }),
      expect.objectContaining({
        code: 'syntax-error',
        part: 'body',
        line: 1,
        column: 7,
        block: 0,
        message: 'undefined filter: shout',
      }),
    ]);
  });

  it('names every unknown field and the paragraph it is in', () => {
    const body = docBody(
      b.paragraph('fine'),
      b.paragraph('{{ target.nickname }} and ', b.field('campaign.budget')),
    );
    expect(validateTemplate(wording(body, { closing: '{{ closing_line }}' }))).toEqual([
      { code: 'unknown-field', part: 'body', field: 'target.nickname', block: 1 },
      { code: 'unknown-field', part: 'body', field: 'campaign.budget', block: 1 },
      { code: 'unknown-field', part: 'closing', field: 'closing_line' },
    ]);
  });

  it('refuses file includes: templates cannot read files', () => {
    const [problem] = validateTemplate(wording('{% include "secrets.txt" %}'));
    expect(problem).toMatchObject({ code: 'syntax-error', part: 'body', line: 1 });
  });

  it('reports a template document that is not valid, naming where', () => {
    const body = JSON.stringify({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'image', src: 'x' }] }],
    });
    const [problem] = validateTemplate(wording(body));
    expect(problem).toMatchObject({ code: 'invalid-document', part: 'body' });
    expect(problem && 'message' in problem ? problem.message : '').toMatch(
      /content\.0\.content\.0/,
    );
  });
});

describe('checkRecipients', () => {
  const options = { settings: settings(), campaign: campaign(), date: LETTER_DATE };
  const letter = (body: string) => ({ ...wording(body), language: 'en', kind: 'letter' as const });

  it('lists only recipients with missing data, with codes and whether a fallback covers it', () => {
    const complete = recipient(HADDAD);
    const noAddress = recipient({
      givenName: 'Tom',
      familyName: 'Baker',
      chamber: 'lower',
      district: 'Ward 2',
    });
    const noFamilyName = recipient({
      displayName: 'Office of the Mayor',
      addresses: HADDAD.addresses,
    });
    const body = docBody(
      b.paragraph(b.field('salutation')),
      b.paragraph(
        'Dear {{ target.family_name }}, in ',
        b.field('target.district', 'your district'),
        '.',
      ),
    );
    expect(checkRecipients(letter(body), [complete, noAddress, noFamilyName], options)).toEqual([
      {
        recipientId: noAddress.id,
        contactId: noAddress.contact.id,
        problems: [{ code: 'no-postal-address', hasFallback: false }],
      },
      {
        recipientId: noFamilyName.id,
        contactId: noFamilyName.contact.id,
        problems: [
          { code: 'no-family-name', field: 'target.family_name', hasFallback: false },
          { code: 'missing-field', field: 'target.district', hasFallback: true },
        ],
      },
    ]);
  });

  it('counts a field the template tests in a condition as covered', () => {
    const noParty = recipient({
      givenName: 'Tom',
      familyName: 'Baker',
      addresses: HADDAD.addresses,
    });
    const body = docBody(
      b.paragraph('{% if target.party %}As a member of {{ target.party }}, {% endif %}you know.'),
      b.paragraph('{{ target.title }}'),
    );
    expect(checkRecipients(letter(body), [noParty], options)[0]?.problems).toEqual([
      { code: 'missing-field', field: 'target.title', hasFallback: false },
      { code: 'missing-field', field: 'target.party', hasFallback: true },
    ]);
  });

  it('reports a missing address block as such, and do-not-contact recipients', () => {
    const quiet = recipient({ ...HADDAD, addresses: [], doNotContact: true });
    const body = docBody(b.paragraph('{{ address_block | default: "" }}'));
    expect(checkRecipients(letter(body), [quiet], options)[0]?.problems).toEqual([
      { code: 'do-not-contact', hasFallback: false },
      { code: 'no-postal-address', field: 'address_block', hasFallback: true },
    ]);
  });

  it('flags an address a letter cannot be posted to: a city alone', () => {
    const cityOnly = recipient({ ...HADDAD, addresses: [{ lines: [], locality: 'Beirut' }] });
    const body = docBody(b.paragraph('Dear friend,'));
    expect(checkRecipients(letter(body), [cityOnly], options)[0]?.problems).toEqual([
      { code: 'incomplete-postal-address', hasFallback: false },
    ]);
  });

  it('warns when an Arabic salutation cannot know the form of address', () => {
    const unknown = recipient({ ...REEM, formOfAddress: 'unknown' });
    const body = docBody(b.paragraph(b.field('salutation')));
    expect(
      checkRecipients({ ...letter(body), language: 'ar' }, [unknown], options)[0]?.problems,
    ).toEqual([{ code: 'form-of-address-unknown', field: 'salutation', hasFallback: true }]);
    expect(checkRecipients(letter(body), [unknown], options)).toEqual([]);
  });

  it('does not ask emails and call scripts for a postal address', () => {
    const noAddress = recipient({ givenName: 'Tom', familyName: 'Baker' });
    const body = docBody(b.paragraph('Hello {{ target.given_name }}'));
    expect(checkRecipients({ ...letter(body), kind: 'email' }, [noAddress], options)).toEqual([]);
  });
});
