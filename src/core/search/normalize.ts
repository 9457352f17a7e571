/**
 * One normalization for the index and for queries, so that spellings which differ only in
 * diacritics, hamza seats, alef/yaa/taa-marbuta forms, case, accents or digit shapes meet.
 *
 * After `toLowerCase` and NFKD (which splits أ إ آ ؤ ئ into a letter and a hamza mark, and
 * Latin accented letters into a letter and an accent), one pass over the code units sorts
 * each into: part of a word, dropped, folded to another character, or a word separator. The
 * class of each code unit is computed once and kept in a table: this runs for every field
 * of every contact when the index is built.
 */

const UNKNOWN = 0;
const WORD = 1;
const SEPARATOR = 2;
/** Removed without splitting the word: marks, tatweel, apostrophes ("Sa'id" = "Said"). */
const DROPPED = 3;
const FOLDED = 4;

const DROPPED_RANGES: readonly (readonly [number, number])[] = [
  [0x0027, 0x0027], // '
  [0x0060, 0x0060], // `
  [0x00b4, 0x00b4], // ´
  [0x02b9, 0x02b9], // ʹ
  [0x02bb, 0x02bf], // ʻ ʼ ʽ ʾ ʿ
  [0x2018, 0x2019], // ‘ ’
  [0x0300, 0x036f], // Latin combining marks (accents after NFKD)
  [0x0610, 0x061a], // Arabic signs above/below
  [0x0640, 0x0640], // tatweel ـ
  [0x064b, 0x065f], // tashkeel, and the hamza above/below that NFKD splits off
  [0x0670, 0x0670], // superscript alef
  [0x06d6, 0x06ed], // Quranic annotation marks
];

const FOLDS: Readonly<Record<number, number>> = {
  0x0622: 0x0627, // آ → ا (also arrives decomposed: ا + U+0653)
  0x0623: 0x0627, // أ → ا
  0x0625: 0x0627, // إ → ا
  0x0671: 0x0627, // ٱ → ا
  0x0672: 0x0627,
  0x0673: 0x0627,
  0x0675: 0x0627,
  0x0649: 0x064a, // ى → ي
  0x06cc: 0x064a, // Persian yeh ی → ي
  0x0626: 0x064a, // ئ → ي
  0x0629: 0x0647, // ة → ه
  0x0624: 0x0648, // ؤ → و
  0x06a9: 0x0643, // keheh ک → ك
};
for (let digit = 0; digit <= 9; digit += 1) {
  Object.assign(FOLDS, { [0x0660 + digit]: 0x30 + digit, [0x06f0 + digit]: 0x30 + digit });
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const classes = new Uint8Array(0x10000);

function classify(code: number): number {
  if (DROPPED_RANGES.some(([from, to]) => code >= from && code <= to)) return DROPPED;
  if (FOLDS[code] !== undefined) return FOLDED;
  // Halves of a character beyond the BMP (rare scripts, emoji) stay in the word.
  if (code >= 0xd800 && code <= 0xdfff) return WORD;
  return WORD_CHARACTER.test(String.fromCharCode(code)) ? WORD : SEPARATOR;
}

function classOf(code: number): number {
  let found = classes[code] ?? SEPARATOR;
  if (found === UNKNOWN) {
    found = classify(code);
    classes[code] = found;
  }
  return found;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** The words of a text, normalized; an empty or blank text has none. */
export function tokenize(text: string): string[] {
  let source = text.toLowerCase();
  if (NON_ASCII.test(source)) {
    // NFKD would turn ´ into a space and an accent: drop it first, like an apostrophe.
    source = source.replaceAll('\u00b4', '').normalize('NFKD');
  }
  const words: string[] = [];
  let start = -1;
  /** Set once a word needs characters dropped or folded: then it is built code by code. */
  let built: number[] | undefined;
  const end = source.length;
  for (let i = 0; i <= end; i += 1) {
    const code = i < end ? source.charCodeAt(i) : 0x20;
    const kind = classOf(code);
    if (kind === WORD) {
      if (start < 0) start = i;
      built?.push(code);
      continue;
    }
    if (kind === SEPARATOR) {
      if (built) {
        if (built.length > 0) words.push(String.fromCharCode(...built));
        built = undefined;
      } else if (start >= 0) {
        words.push(source.slice(start, i));
      }
      start = -1;
      continue;
    }
    if (!built) {
      built = [];
      for (let j = start < 0 ? i : start; j < i; j += 1) built.push(source.charCodeAt(j));
    }
    if (start < 0) start = i;
    if (kind === FOLDED) built.push(FOLDS[code] ?? code);
  }
  return words;
}

/**
 * Lowercased, accent- and tashkeel-free, Arabic letter forms folded, digits in ASCII, words
 * separated by single spaces, no leading or trailing space.
 */
export function normalizeForSearch(text: string): string {
  return tokenize(text).join(' ');
}

export const ARABIC_ARTICLE = '\u0627\u0644'; // "ال", after normalization (also "آل")
