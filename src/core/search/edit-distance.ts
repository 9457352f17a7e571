/**
 * Typo tolerance: optimal-string-alignment distance (insert, delete, substitute, swap two
 * neighbours: each one edit), bounded so that hopeless pairs stop early, and a 32-bit letter
 * signature that rules most pairs out before the distance is computed.
 */

let rows = new Int32Array(3 * 64);

/** The distance between `a` and `b` if it is at most `max`, otherwise `max + 1`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const lengthA = a.length;
  const lengthB = b.length;
  if (Math.abs(lengthA - lengthB) > max) return max + 1;
  const width = lengthB + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width);
  const cells = rows;
  let beforePrevious = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j <= lengthB; j += 1) cells[previous + j] = j;
  for (let i = 1; i <= lengthA; i += 1) {
    const charA = a.charCodeAt(i - 1);
    const charABefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    cells[current] = i;
    let rowMinimum = i;
    for (let j = 1; j <= lengthB; j += 1) {
      const charB = b.charCodeAt(j - 1);
      const substitution = (cells[previous + j - 1] ?? 0) + (charA === charB ? 0 : 1);
      const deletion = (cells[previous + j] ?? 0) + 1;
      const insertion = (cells[current + j - 1] ?? 0) + 1;
      let distance = substitution < deletion ? substitution : deletion;
      if (insertion < distance) distance = insertion;
      if (j > 1 && charA === b.charCodeAt(j - 2) && charABefore === charB) {
        const swap = (cells[beforePrevious + j - 2] ?? 0) + 1;
        if (swap < distance) distance = swap;
      }
      cells[current + j] = distance;
      if (distance < rowMinimum) rowMinimum = distance;
    }
    if (rowMinimum > max) return max + 1;
    const recycled = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = recycled;
  }
  const distance = cells[previous + lengthB] ?? max + 1;
  return distance > max ? max + 1 : distance;
}

/** One bit per letter (code unit modulo 32): a set of letters, cheap to compare. */
export function letterSignature(term: string): number {
  let signature = 0;
  for (let i = 0; i < term.length; i += 1) signature |= 1 << (term.charCodeAt(i) & 31);
  return signature >>> 0;
}

export function bitCount(value: number): number {
  let x = value - ((value >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Each edit adds at most one letter to the set and removes at most one, so two terms within
 * `maxEdits` differ in at most `2 * maxEdits` signature bits.
 */
export function signaturesMayMatch(a: number, b: number, maxEdits: number): boolean {
  return bitCount(a ^ b) <= 2 * maxEdits;
}
