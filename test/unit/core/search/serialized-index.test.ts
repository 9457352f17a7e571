import { describe, expect, it } from 'vitest';
import {
  deserializeSegment,
  serializeIndex,
  SERIALIZED_VERSION,
  type SerializedSearchIndex,
} from '@core/search/serialized-index';
import { TermSegment } from '@core/search/term-segment';
import { runSteps } from '@core/scheduling/time-slices';

const FIELDS = [{ name: 'name', weight: 1 }];

/** A segment of `termCount` terms, term t posted in slots t % slots and (t + 1) % slots. */
function segmentOf(termCount: number, slots: number): TermSegment {
  const terms = Array.from({ length: termCount }, (_, t) => `t${String(t).padStart(6, '0')}`);
  const offsets = new Uint32Array(termCount + 1);
  const postings: number[] = [];
  terms.forEach((_, t) => {
    const posted = [...new Set([t % slots, (t + 1) % slots])].sort((a, b) => a - b);
    for (const slot of posted) postings.push(slot << 4);
    offsets[t + 1] = postings.length;
  });
  return new TermSegment(terms, offsets, Uint32Array.from(postings));
}

const idsOf = (slots: number) => Array.from({ length: slots }, (_, slot) => `id-${slot}`);

function serialized(segment: TermSegment, slots: number): SerializedSearchIndex {
  return runSteps(serializeIndex(FIELDS, idsOf(slots), segment));
}

/** Version 1's shape: each of terms, postingCounts and postings as one string. */
function asVersion1(value: SerializedSearchIndex): SerializedSearchIndex {
  const whole = (parts: string | string[]) => (Array.isArray(parts) ? parts.join('') : parts);
  return {
    ...value,
    version: 1,
    terms: Array.isArray(value.terms) ? value.terms.join(' ') : value.terms,
    postingCounts: whole(value.postingCounts),
    postings: whole(value.postings),
  };
}

function expectSameSegment(actual: TermSegment, expected: TermSegment): void {
  expect(actual.terms).toEqual(expected.terms);
  expect([...actual.offsets]).toEqual([...expected.offsets]);
  expect([...actual.postings]).toEqual([...expected.postings]);
}

describe('serialized search index', () => {
  it('keeps terms and numbers in parts small enough for one step each', () => {
    // 40,000 terms and 80,000 postings: several parts of each.
    const segment = segmentOf(40_000, 30_000);
    const value = serialized(segment, 30_000);
    expect(value.version).toBe(SERIALIZED_VERSION);
    const partsOf = (field: string | string[]) => (Array.isArray(field) ? field : []);
    expect(partsOf(value.terms).length).toBeGreaterThan(1);
    for (const part of partsOf(value.terms)) {
      expect(part.split(' ').length).toBeLessThanOrEqual(16_384);
    }
    for (const field of [value.postingCounts, value.postings]) {
      expect(partsOf(field).length).toBeGreaterThan(1);
      // At most 16,384 numbers of at most 7 digits each.
      for (const part of partsOf(field)) expect(part.length).toBeLessThanOrEqual(16_384 * 7);
    }
    expectSameSegment(deserializeSegment(JSON.parse(JSON.stringify(value))), segment);
  });

  it('reads the copy an earlier version stored, with each field one string', () => {
    const segment = segmentOf(40_000, 30_000);
    const old = asVersion1(serialized(segment, 30_000));
    expect(typeof old.postings).toBe('string');
    expectSameSegment(deserializeSegment(JSON.parse(JSON.stringify(old))), segment);
  });

  it('serializes and reads an empty index', () => {
    const empty = new TermSegment([], new Uint32Array(1), new Uint32Array(0));
    const value = serialized(empty, 0);
    expectSameSegment(deserializeSegment(value), empty);
    expectSameSegment(deserializeSegment(asVersion1(value)), empty);
  });

  it('refuses parts that are missing, cut or not text', () => {
    const segment = segmentOf(40_000, 30_000);
    const good = serialized(segment, 30_000);
    const postings = good.postings as string[];
    // A part left out: too few numbers.
    expect(() => deserializeSegment({ ...good, postings: postings.slice(1) })).toThrow();
    // A number cut where one part ends and the next begins.
    const joined = postings.join('');
    const cutAt = joined.search(/[g-z0-9_-]/);
    const cut = [joined.slice(0, cutAt + 1), joined.slice(cutAt + 1)];
    expect(() => deserializeSegment({ ...good, postings: cut })).toThrow(/cut between parts/);
    expect(() => deserializeSegment({ ...good, postings: [1, 2] as unknown as string[] })).toThrow(
      /bad parts/,
    );
    expect(() => deserializeSegment({ ...good, version: 3 as never })).toThrow();
  });
});
