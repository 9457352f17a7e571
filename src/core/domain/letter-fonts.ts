/**
 * The fonts letters name. Recipients open letters in Word on their own computers, where the app's
 * bundled Noto fonts are absent: the default pairs fonts Windows and Office ship, each covering
 * its script's punctuation (Simplified Arabic covers Windows-1256, "–" and "/" included, which
 * Noto Naskh Arabic lacks), so no character falls back to a third font. LibreOffice substitutes
 * metric-compatible or fontconfig fonts where they are missing. See docs/letters.md.
 */
export const LETTER_FONT_CHOICES = [
  'simplified-arabic',
  'traditional-arabic',
  'sakkal-majalla',
  'arial',
  'noto',
] as const;
export type LetterFontChoice = (typeof LETTER_FONT_CHOICES)[number];

export const DEFAULT_LETTER_FONT: LetterFontChoice = 'simplified-arabic';

/** Latin and Arabic (complex-script) font of each choice. */
export const LETTER_FONT_PAIRS: Record<LetterFontChoice, { latin: string; arabic: string }> = {
  'simplified-arabic': { latin: 'Times New Roman', arabic: 'Simplified Arabic' },
  'traditional-arabic': { latin: 'Times New Roman', arabic: 'Traditional Arabic' },
  'sakkal-majalla': { latin: 'Times New Roman', arabic: 'Sakkal Majalla' },
  arial: { latin: 'Arial', arabic: 'Arial' },
  /** The app's own fonts: only for recipients who have them installed. */
  noto: { latin: 'Noto Serif', arabic: 'Noto Naskh Arabic' },
};
