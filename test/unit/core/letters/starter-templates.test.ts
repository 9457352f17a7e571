import { describe, expect, it } from 'vitest';
import { loadDemoWorkspace } from '@core/demo';
import { templateSchema } from '@core/domain/template';
import {
  STARTER_TEMPLATES,
  compileTemplate,
  renderedLetterText,
  validateTemplate,
  type LetterRecipient,
} from '@core/letters';
import { freshDataCore } from '../../../helpers/fresh-data-core';
import { LETTER_DATE } from './fixtures';

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
});

const NOW = '2026-11-25T09:00:00.000Z';
const ID = '00000000-0000-4000-8000-00000000bbbb';
