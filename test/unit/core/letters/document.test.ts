import { describe, expect, it } from 'vitest';
import { loadDemoWorkspace } from '@core/demo';
import { DEMO_TEMPLATES } from '@core/demo/demo-templates';
import {
  reviseTemplate,
  templateSchema,
  templateWordingAt,
} from '@core/domain/template';
import {
  EMPTY_DOCUMENT,
  STARTER_TEMPLATES,
  TemplateBodyError,
  compileTemplate,
  parseTemplateBody,
  plainTextToDocument,
  renderedLetterText,
  serializeTemplateDocument,
  templateBuilders as b,
  validateTemplate,
  type LetterRecipient,
} from '@core/letters';
import { freshDataCore } from '../../../helpers/fresh-data-core';
import { LETTER_DATE, settings } from './fixtures';

describe('the template document format', () => {
  it('round-trips TipTap JSON unchanged', () => {
    const tiptap = {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2, textAlign: 'center', dir: null },
          content: [{ type: 'text', text: 'Title' }],
        },
        {
          type: 'paragraph',
          attrs: { textAlign: 'justify', dir: 'rtl' },
          content: [
            { type: 'text', text: 'Dear ', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'mergeField', attrs: { field: 'target.family_name', fallback: 'friend' } },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 1 },
          content: [
            {
              type: 'listItem',
              content: [
                {
                  type: 'paragraph',
                  content: [{ type: 'text', text: 'One', marks: [{ type: 'underline' }] }],
                },
                {
                  type: 'bulletList',
                  content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
                },
              ],
            },
          ],
        },
      ],
    };
    const body = JSON.stringify(tiptap);
    expect(parseTemplateBody(body)).toEqual(tiptap);
    expect(JSON.parse(serializeTemplateDocument(parseTemplateBody(body)))).toEqual(tiptap);
  });

  it('reads plain text, and text that only looks like JSON, as paragraphs', () => {
    expect(parseTemplateBody('Dear {{ target.family_name }},\n\nThanks')).toEqual(
      b.doc(b.paragraph('Dear {{ target.family_name }},'), b.paragraph(), b.paragraph('Thanks')),
    );
    expect(parseTemplateBody('{not json} at all')).toEqual(
      plainTextToDocument('{not json} at all'),
    );
    expect(parseTemplateBody('')).toEqual(EMPTY_DOCUMENT);
  });

  it('refuses a JSON document with nodes outside the format, naming the path', () => {
    const body = JSON.stringify({
      type: 'doc',
      content: [{ type: 'heading', attrs: { level: 5 }, content: [] }],
    });
    expect(() => parseTemplateBody(body)).toThrow(TemplateBodyError);
    expect(() => parseTemplateBody(body)).toThrow(/content\.0\.attrs\.level/);
  });
});

describe('template history', () => {
  const base = templateSchema.parse({
    id: '00000000-0000-4000-8000-00000000aaaa',
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    name: 'Letter',
    body: 'Old body',
    subject: 'Old subject',
  });

  it('loads a record written before history and closing existed', () => {
    expect(base.history).toEqual([]);
    expect(base.version).toBe(1);
    expect(base.closing).toBeUndefined();
  });

  it('keeps every earlier wording, so a letter can show the exact version it used', () => {
    const patch = reviseTemplate(base, { body: 'New body' });
    expect(patch).toMatchObject({ body: 'New body', version: 2 });
    const saved = templateSchema.parse({
      ...base,
      ...patch,
      updatedAt: '2026-11-03T10:00:00.000Z',
    });
    expect(saved.history).toEqual([
      { version: 1, savedAt: '2026-11-02T10:00:00.000Z', body: 'Old body', subject: 'Old subject' },
    ]);
    expect(templateWordingAt(saved, 1)).toEqual({
      body: 'Old body',
      subject: 'Old subject',
      closing: undefined,
      signature: undefined,
    });
    expect(templateWordingAt(saved, 2)?.body).toBe('New body');
    expect(templateWordingAt(saved, 3)).toBeUndefined();
    expect(reviseTemplate(saved, { body: 'New body', subject: 'Old subject' })).toEqual({});
  });
});

describe('starter and demo templates', () => {
  it('offers the three starter letters in English and Arabic, all valid', () => {
    const keys = STARTER_TEMPLATES.map((s) => `${s.key}:${s.template.language}`).sort();
    expect(keys).toEqual([
      'meeting-request:ar',
      'meeting-request:en',
      'support-bill:ar',
      'support-bill:en',
      'thank-you-meeting:ar',
      'thank-you-meeting:en',
    ]);
    for (const { template } of STARTER_TEMPLATES) {
      expect(validateTemplate(template)).toEqual([]);
      expect(template.direction).toBe(template.language === 'ar' ? 'rtl' : 'ltr');
    }
  });

  it("renders every starter and demo letter for the demo workspace's targets", async () => {
    const { core } = await freshDataCore();
    await loadDemoWorkspace(core, { now: new Date(2026, 10, 20) });
    await core.settings.update({
      organizationProfile: {
        name: 'Eastbridge Pride',
        email: 'hello@example.org',
        signatoryName: 'Sam Rivera',
      },
    });
    const settings = core.settings.get();
    for (const stored of core.templates.all()) expect(validateTemplate(stored)).toEqual([]);
    const templates = [
      ...STARTER_TEMPLATES.map((s) =>
        templateSchema.parse({ ...s.template, id: ID, createdAt: NOW, updatedAt: NOW }),
      ),
      ...core.templates.all(),
    ];
    for (const campaign of core.campaigns.all()) {
      const language = campaign.language.startsWith('ar') ? 'ar' : 'en';
      const recipients: LetterRecipient[] = core.targets
        .all()
        .filter((t) => t.campaignId === campaign.id)
        .map((target) => ({
          id: target.id,
          target,
          contact: core.contacts.require(target.contactId),
          meetingDate: '2026-11-12',
        }));
      expect(recipients.length).toBeGreaterThan(3);
      for (const template of templates.filter((t) => t.language === language)) {
        const compiled = compileTemplate(template);
        for (const recipient of recipients) {
          const letter = compiled.render({ recipient, campaign, settings, date: LETTER_DATE });
          const text = renderedLetterText(letter);
          expect(text).not.toMatch(/\{\{|\{%|%\}|\}\}/);
          if (language === 'ar') expect(text).toMatch(/[\u0600-\u06FF]{3}/);
        }
      }
    }
  });

  it("keeps the demo letters' wording", () => {
    const english = DEMO_TEMPLATES.find((t) => t.language === 'en' && t.kind === 'letter');
    if (!english) throw new Error('expected an English demo letter');
    const template = templateSchema.parse({ ...english, id: ID, createdAt: NOW, updatedAt: NOW });
    const text = renderedLetterText(
      compileTemplate(template).render({ settings: settings(), date: LETTER_DATE }),
    );
    expect(text).toContain('Eastbridge Fair Housing Legal Aid recorded 31 such complaints');
    expect(text).toMatch(/^Please vote YES on Ordinance 2026-14\nDear Friends,\n/);
    expect(text).toMatch(/Respectfully,\nEastbridge Pride Community Center$/);
  });
});

const NOW = '2026-11-25T09:00:00.000Z';
const ID = '00000000-0000-4000-8000-00000000bbbb';
