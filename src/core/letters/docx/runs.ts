/**
 * Text runs for a paragraph. In a right-to-left letter, Arabic text goes in `rightToLeft` runs with
 * the complex-script font, and Latin pieces (bill numbers, names in Latin letters) in their own
 * runs without it, so Word and LibreOffice order and shape each correctly.
 */
import { TextRun } from 'docx';
import { toArabicIndic } from '../../domain/arabic-region';
import { DEFAULT_LETTER_FONT, LETTER_FONT_PAIRS } from '../../domain/letter-fonts';
import { xmlSafe } from '../sanitize';
import type { RunSpec } from './spec';

export interface LetterFonts {
  /** Latin text. */
  latin: string;
  /** Arabic (complex-script) text. */
  arabic: string;
}

/** BCP 47 tags for `w:lang`: Word's proofing, screen readers and tagged PDF read them. */
export interface LetterLanguages {
  latin: string;
  arabic: string;
}

export const DEFAULT_LANGUAGES: LetterLanguages = { latin: 'en-GB', arabic: 'ar-EG' };

export const DEFAULT_FONTS: LetterFonts = LETTER_FONT_PAIRS[DEFAULT_LETTER_FONT];

export interface RunStyle {
  bold?: boolean | undefined;
  italic?: boolean | undefined;
  underline?: boolean | undefined;
  /** Half-points for Latin text; Arabic gets two more (Naskh looks small beside Latin). */
  size?: number | undefined;
  color?: string | undefined;
}

const LATIN_LETTER = 'A-Za-z\\u00C0-\\u024F';
const LATIN_TAIL = `(?:[\\w\\u00C0-\\u024F .,:;'’/()&+#%@-]*[\\w\\u00C0-\\u024F.)%"”])?`;

/**
 * Left-to-right pieces of a right-to-left paragraph, tried in this order:
 * - a number followed by a Latin word, with the Latin text after it ("331 Hart Senate Office
 *   Building"): one left-to-right unit, or the bidi algorithm puts the number after the words;
 * - Latin text, which starts with a letter (an opening bracket or quote before it belongs to it)
 *   and may hold digits ("Bill HB 47", "Washington, DC 20510");
 * - a number, possibly with spaces ("+20 2 555 0100"). A number before a bracket stays apart:
 *   in "المادة 4 (Article 4)" the 4 belongs to the Arabic sentence.
 */
const LATIN_PIECE = new RegExp(
  [
    `\\+?\\d[\\d.,/-]*\\s+[${LATIN_LETTER}]${LATIN_TAIL}`,
    `[("'“]?[${LATIN_LETTER}]${LATIN_TAIL}`,
    /\+?\d(?:[\d ()/.-]*\d)?/.source,
  ].join('|'),
  'g',
);
const HAS_LATIN_LETTER = new RegExp(`[${LATIN_LETTER}]`);

/** Arabic pieces of a left-to-right paragraph: Arabic words with the spaces, digits and marks between them. */
const ARABIC_LETTERS =
  '\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF';
const ARABIC_PIECE = new RegExp(
  `[${ARABIC_LETTERS}](?:[${ARABIC_LETTERS}\\d ().،؛:/-]*[${ARABIC_LETTERS}\\d)])?`,
  'g',
);

/**
 * In a right-to-left paragraph the bidi algorithm lays out space-separated numbers from right to
 * left ("+20 2 555 0100" would read "0100 555 2 20+"): a Latin piece with spaces is embedded
 * left-to-right (LRE … PDF), which Word and LibreOffice both honour. Arabic-Indic digits are
 * "Arabic numbers" to the algorithm, and the spaces between them turn right-to-left even inside
 * an embedding: such a number is overridden left-to-right (LRO … PDF) instead.
 */
const embedLtr = (piece: string, arabicNumber: boolean) =>
  /\s/.test(piece) ? `${arabicNumber ? '\u202D' : '\u202A'}${piece}\u202C` : piece;

interface Piece {
  text: string;
  /** Arabic text: a right-to-left complex-script run. */
  complex: boolean;
}

/** Splits a right-to-left text into Arabic and Latin pieces; bare numbers take the letter's digits. */
const MAY_HOLD_LATIN = /[A-Za-z0-9\u00C0-\u024F]/;
const MAY_HOLD_ARABIC = new RegExp(`[${ARABIC_LETTERS}]`);

function rtlPieces(value: string, arabicIndic: boolean): Piece[] {
  if (!MAY_HOLD_LATIN.test(value)) return [{ text: value, complex: true }];
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of value.matchAll(LATIN_PIECE)) {
    if (match.index > last) pieces.push({ text: value.slice(last, match.index), complex: true });
    // Digits that belong to Latin text stay as written (S.1234, "331 Hart …"); numbers follow
    // the letter. A number stays a left-to-right run: in a right-to-left one LibreOffice ignores
    // the embedding that keeps "+20 2 555 0100" in order.
    const number = arabicIndic && !HAS_LATIN_LETTER.test(match[0]);
    pieces.push({
      text: number ? embedLtr(toArabicIndic(match[0]), true) : embedLtr(match[0], false),
      complex: false,
    });
    last = match.index + match[0].length;
  }
  if (last < value.length) pieces.push({ text: value.slice(last), complex: true });
  return pieces;
}

/** Splits a left-to-right text into Latin and Arabic pieces (an Arabic name in an English letter). */
function ltrPieces(value: string): Piece[] {
  if (!MAY_HOLD_ARABIC.test(value)) return [{ text: value, complex: false }];
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of value.matchAll(ARABIC_PIECE)) {
    if (match.index > last) pieces.push({ text: value.slice(last, match.index), complex: false });
    pieces.push({ text: match[0], complex: true });
    last = match.index + match[0].length;
  }
  if (last < value.length) pieces.push({ text: value.slice(last), complex: false });
  return pieces;
}

export interface RunContext {
  /** A right-to-left (bidi) paragraph. */
  rtl: boolean;
  /** An Arabic letter printed with Arabic-Indic digits. */
  arabicIndic?: boolean | undefined;
}

/** A text's runs: one per line, and one per Arabic or Latin piece of it. */
export function textRuns(value: string, style: RunStyle, context: RunContext): RunSpec[] {
  const size = style.size ?? 22;
  const runs: RunSpec[] = [];
  xmlSafe(value)
    .split('\n')
    .forEach((line, lineIndex) => {
      const pieces = context.rtl ? rtlPieces(line, context.arabicIndic === true) : ltrPieces(line);
      if (pieces.length === 0) pieces.push({ text: '', complex: context.rtl });
      pieces.forEach((piece, i) =>
        runs.push({
          text: piece.text,
          ...(lineIndex > 0 && i === 0 ? { breakBefore: true } : {}),
          bold: style.bold,
          italic: style.italic,
          underline: style.underline,
          size,
          color: style.color,
          complex: piece.complex,
        }),
      );
    });
  return runs;
}

/** The run as a `docx` TextRun (for the parts docx writes: the reference and the skeleton). */
export function docxRun(run: RunSpec, fonts: LetterFonts, languages: LetterLanguages): TextRun {
  return new TextRun({
    language: { value: languages.latin, bidirectional: languages.arabic },
    text: run.text,
    ...(run.breakBefore ? { break: 1 } : {}),
    bold: run.bold,
    boldComplexScript: run.bold,
    italics: run.italic,
    italicsComplexScript: run.italic,
    ...(run.underline ? { underline: {} } : {}),
    ...(run.color ? { color: run.color } : {}),
    size: run.size,
    sizeComplexScript: run.size + 2,
    font: run.complex
      ? { ascii: fonts.latin, hAnsi: fonts.latin, cs: fonts.arabic, hint: 'cs' }
      : { ascii: fonts.latin, hAnsi: fonts.latin, cs: fonts.arabic },
    ...(run.complex ? { rightToLeft: true } : {}),
  });
}
