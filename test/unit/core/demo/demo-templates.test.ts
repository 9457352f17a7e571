import { describe, expect, it } from 'vitest';
import { DEMO_TEMPLATES } from '@core/demo/demo-templates';
import { templateSchema } from '@core/domain/template';
import { compileTemplate, renderedLetterText } from '@core/letters';
import { LETTER_DATE, settings } from '../letters/fixtures';

describe('starter and demo templates', () => {
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
