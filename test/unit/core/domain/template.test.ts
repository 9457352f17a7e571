import { describe, expect, it } from 'vitest';
import { reviseTemplate, templateSchema, templateWordingAt } from '@core/domain/template';

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

  it('numbers new wording above every version kept (a coalition merge may repeat one)', () => {
    const merged = templateSchema.parse({
      ...base,
      version: 4,
      history: [
        { version: 3, savedAt: '2026-11-02T10:00:00.000Z', body: 'Three' },
        { version: 5, savedAt: '2026-11-03T10:00:00.000Z', body: 'Five, saved concurrently' },
      ],
    });
    expect(reviseTemplate(merged, { body: 'Next' })).toMatchObject({ version: 6 });
  });
});
