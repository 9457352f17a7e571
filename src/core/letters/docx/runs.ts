/**
 * Text runs for a paragraph. In a right-to-left letter, Arabic text goes in `rightToLeft` runs with
 * the complex-script font, and Latin pieces (bill numbers, names in Latin letters) in their own
 * runs without it, so Word and LibreOffice order and shape each correctly.
 */
import { TextRun } from 'docx';
import { xmlSafe } from '../sanitize';
import type { RunSpec } from './spec';

export interface LetterFonts {
  /** Latin text. */
  latin: string;
  /** Arabic (complex-script) text. */
  arabic: string;
}

export const DEFAULT_FONTS: LetterFonts = { latin: 'Noto Serif', arabic: 'Noto Naskh Arabic' };

export interface RunStyle {
  bold?: boolean | undefined;
  italic?: boolean | undefined;
  underline?: boolean | undefined;
  /** Half-points for Latin text; Arabic gets two more (Naskh looks small beside Latin). */
  size?: number | undefined;
  color?: string | undefined;
}

/**
 * Left-to-right pieces of a right-to-left paragraph: Latin text, which starts with a letter (an
 * opening bracket or quote before it belongs to it) and may hold digits ("Bill HB 47"), or a
 * number, possibly with spaces ("+20 2 555 0100"). A number before Latin text stays separate:
 * in "المادة 4 (Article 4)" the 4 belongs to the Arabic sentence.
 */
const LATIN_PIECE = new RegExp(
  [
    /[("'“]?[A-Za-z\u00C0-\u024F](?:[\w\u00C0-\u024F .,:;'’/()&+#%@-]*[\w\u00C0-\u024F.)%"”])?/
      .source,
    /\+?\d(?:[\d ()/.-]*\d)?/.source,
  ].join('|'),
  'g',
);

/**
 * In a right-to-left paragraph the bidi algorithm lays out space-separated numbers from right to
 * left ("+20 2 555 0100" would read "0100 555 2 20+"): a Latin piece with spaces is embedded
 * left-to-right (LRE … PDF), which Word and LibreOffice both honour.
 */
const embedLtr = (piece: string) => (/\s/.test(piece) ? `\u202A${piece}\u202C` : piece);

/** Splits a right-to-left text into Arabic and Latin pieces. */
function scriptPieces(value: string): { text: string; latin: boolean }[] {
  const pieces: { text: string; latin: boolean }[] = [];
  let last = 0;
  for (const match of value.matchAll(LATIN_PIECE)) {
    if (match.index > last) pieces.push({ text: value.slice(last, match.index), latin: false });
    pieces.push({ text: embedLtr(match[0]), latin: true });
    last = match.index + match[0].length;
  }
  if (last < value.length) pieces.push({ text: value.slice(last), latin: false });
  return pieces;
}

/** A text's runs: one per line, and in a right-to-left paragraph one per Arabic or Latin piece. */
export function textRuns(value: string, style: RunStyle, rtl: boolean): RunSpec[] {
  const size = style.size ?? 22;
  const runs: RunSpec[] = [];
  xmlSafe(value)
    .split('\n')
    .forEach((line, lineIndex) => {
      const pieces = rtl ? scriptPieces(line) : [{ text: line, latin: true }];
      if (pieces.length === 0) pieces.push({ text: '', latin: !rtl });
      pieces.forEach((piece, i) =>
        runs.push({
          text: piece.text,
          ...(lineIndex > 0 && i === 0 ? { breakBefore: true } : {}),
          bold: style.bold,
          italic: style.italic,
          underline: style.underline,
          size,
          color: style.color,
          complex: rtl && !piece.latin,
        }),
      );
    });
  return runs;
}

/** The run as a `docx` TextRun (for the parts docx writes: the reference and the skeleton). */
export function docxRun(run: RunSpec, fonts: LetterFonts): TextRun {
  return new TextRun({
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
