import { describe, expect, it } from 'vitest';
import { bodyParts, BODY_PART_CHARS } from '../../helpers/coalition-fetch-host';

describe('bodyParts', () => {
  it('cuts a long body into parts of the given size that join back to it', () => {
    const body = 'x'.repeat(BODY_PART_CHARS * 2 + 5);
    const parts = bodyParts(body);
    expect(parts.map((part) => part.length)).toEqual([BODY_PART_CHARS, BODY_PART_CHARS, 5]);
    expect(parts.join('')).toBe(body);
    expect(bodyParts('')).toEqual(['']);
  });

  it('never cuts inside a surrogate pair (a lone half would not survive the trip)', () => {
    const body = 'ab😀cd😀';
    const parts = bodyParts(body, 3);
    expect(parts.join('')).toBe(body);
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    for (const part of parts) expect(part).not.toMatch(lone);
  });
});
