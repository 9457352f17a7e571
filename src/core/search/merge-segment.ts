/**
 * Compaction: merges the frozen segment with the terms added since, drops the postings of
 * removed documents and renumbers the survivors densely, in one pass over sorted terms.
 * Written as steps (a generator that yields now and then): after a bulk import of 100,000
 * contacts the merge is half a second of work, which the page runs in slices.
 */
import type { DeltaTerms } from './delta-terms';
import { FIELD_BITS, FIELD_MASK, TermSegment, termLayout } from './term-segment';

/** Work between two yields. */
const STEP = 4096;

/** Sorted like `Array.prototype.sort()` (by code unit), in sorted blocks merged pairwise. */
export function* sortedInSteps(items: readonly string[]): Generator<void, string[]> {
  let runs: string[][] = [];
  for (let start = 0; start < items.length; start += STEP) {
    runs.push(items.slice(start, start + STEP).sort());
    yield;
  }
  while (runs.length > 1) {
    const merged: string[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const left = runs[r] ?? [];
      const right = runs[r + 1];
      if (!right) {
        merged.push(left);
        continue;
      }
      const out: string[] = [];
      let i = 0;
      let j = 0;
      while (i < left.length && j < right.length) {
        const a = left[i] ?? '';
        const b = right[j] ?? '';
        if (a <= b) {
          out.push(a);
          i += 1;
        } else {
          out.push(b);
          j += 1;
        }
        if (out.length % STEP === 0) yield;
      }
      for (; i < left.length; i += 1) out.push(left[i] ?? '');
      for (; j < right.length; j += 1) out.push(right[j] ?? '');
      merged.push(out);
      yield;
    }
    runs = merged;
  }
  return runs[0] ?? [];
}

/**
 * @param newSlotOf the new slot of each old slot, or -1 for a removed document; numbering
 *   must keep the old order so that each term's postings stay ascending
 */
export function* mergeSegment(
  base: TermSegment,
  delta: DeltaTerms,
  newSlotOf: Int32Array,
): Generator<void, TermSegment> {
  const deltaTerms = yield* sortedInSteps([...delta.keys()]);
  const terms: string[] = [];
  const offsets = new Uint32Array(base.termCount + deltaTerms.length + 1);
  const postings = new Uint32Array(base.postings.length + delta.postingCount);
  let written = 0;

  const copy = (source: ArrayLike<number>, from: number, to: number): void => {
    for (let i = from; i < to; i += 1) {
      const posting = source[i] ?? 0;
      const slot = newSlotOf[posting >>> FIELD_BITS] ?? -1;
      if (slot >= 0) postings[written++] = (slot << FIELD_BITS) | (posting & FIELD_MASK);
    }
  };

  let baseIndex = 0;
  let deltaIndex = 0;
  let steps = 0;
  while (baseIndex < base.termCount || deltaIndex < deltaTerms.length) {
    if (++steps % STEP === 0) yield;
    const baseTerm = base.terms[baseIndex];
    const deltaTerm = deltaTerms[deltaIndex];
    const start = written;
    let term: string;
    if (baseTerm !== undefined && (deltaTerm === undefined || baseTerm <= deltaTerm)) {
      term = baseTerm;
      copy(base.postings, base.offsets[baseIndex] ?? 0, base.offsets[baseIndex + 1] ?? 0);
      baseIndex += 1;
    } else {
      term = deltaTerm ?? '';
    }
    if (term === deltaTerm) {
      // Copied as they are, then renumbered in place (never ahead of where they are read).
      const from = written;
      copy(postings, from, from + delta.postingsInto(term, postings, from));
      deltaIndex += 1;
    }
    if (written > start) {
      terms.push(term);
      offsets[terms.length] = written;
    }
  }
  return new TermSegment(
    terms,
    offsets.length === terms.length + 1 ? offsets : offsets.slice(0, terms.length + 1),
    postings.length === written ? postings : postings.slice(0, written),
    yield* termLayout(terms),
  );
}
