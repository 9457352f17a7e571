/**
 * Compaction: merges the frozen segment with the terms added since, drops the postings of
 * removed documents and renumbers the survivors densely, in one pass over sorted terms.
 */
import { FIELD_BITS, FIELD_MASK, TermSegment } from './term-segment';

/**
 * @param newSlotOf the new slot of each old slot, or -1 for a removed document; numbering
 *   must keep the old order so that each term's postings stay ascending
 */
export function mergeSegment(
  base: TermSegment,
  delta: ReadonlyMap<string, readonly number[]>,
  deltaPostingCount: number,
  newSlotOf: Int32Array,
): TermSegment {
  const deltaTerms = [...delta.keys()].sort();
  const terms: string[] = [];
  const offsets = new Uint32Array(base.termCount + deltaTerms.length + 1);
  const postings = new Uint32Array(base.postings.length + deltaPostingCount);
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
  while (baseIndex < base.termCount || deltaIndex < deltaTerms.length) {
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
      const added = delta.get(term) ?? [];
      copy(added, 0, added.length);
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
  );
}
