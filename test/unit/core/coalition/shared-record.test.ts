import { describe, expect, it } from 'vitest';
import { SHARED_KINDS, canonicalJson } from '@core/coalition/shared-record';

describe('canonical JSON', () => {
  it('is the same text for equal values, whatever the key order; undefined is left out', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 'ي' }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":"ي","z":0}]},"b":1}',
    );
    expect(canonicalJson([undefined, 'x'])).toBe('[null,"x"]');
    expect(canonicalJson(undefined)).toBe('');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('lists every kind of shared record once', () => {
    expect(new Set(SHARED_KINDS).size).toBe(SHARED_KINDS.length);
    expect(SHARED_KINDS).toContain('campaign');
  });
});
