import { describe, expect, it } from 'vitest';
import { parseLegislators, parseLegislatorsJson } from '@core/index';
import { byId } from './fixtures';

describe('parseLegislators', () => {
  it('names the record and the field of each problem', () => {
    const good = byId('M001153');
    const parsed = parseLegislators([good, { ...good, bioguide: 'nope', chamber: 'lords' }, good]);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'invalid-record', index: 1, field: 'bioguide' }),
        expect.objectContaining({ code: 'invalid-record', index: 1, field: 'chamber' }),
        expect.objectContaining({ code: 'duplicate-id', index: 2, field: 'bioguide' }),
      ]),
    );
  });

  it('refuses text that is not JSON, and JSON that is not a list', () => {
    expect(parseLegislatorsJson('[{"bioguide": ')).toMatchObject({
      ok: false,
      problems: [{ code: 'not-json' }],
    });
    expect(parseLegislators({ legislators: [] })).toEqual({
      ok: false,
      problems: [{ code: 'not-a-list' }],
    });
  });
});
