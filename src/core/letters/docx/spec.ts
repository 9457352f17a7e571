/**
 * A letter's paragraphs as plain data: layout.ts decides what they hold, to-docx.ts turns them
 * into `docx` objects (for the parts `docx` writes once per file: numbering, images, footer) and
 * to-xml.ts writes the body's WordprocessingML directly, which is an order of magnitude faster
 * than building and serializing an object per paragraph and run.
 */
export interface RunSpec {
  text: string;
  /** A line break before the text (a new line within the paragraph). */
  breakBefore?: boolean;
  bold?: boolean | undefined;
  italic?: boolean | undefined;
  underline?: boolean | undefined;
  /** Half-points; complex-script text gets two more. */
  size: number;
  color?: string | undefined;
  /** Arabic text: a right-to-left run with the complex-script font hint. */
  complex: boolean;
}

export type ImageRole = 'logo' | 'signature';

export interface ParagraphSpec {
  runs: RunSpec[];
  /** The logo or signature image instead of text runs. */
  image?: ImageRole;
  bidi: boolean;
  /** Word's `w:jc`: start and end of the paragraph's own direction (see layout.ts). */
  align?: 'start' | 'end' | 'center' | 'both' | undefined;
  /**
   * Without a rule LibreOffice reads `line` as an exact height: right for text, but it cut
   * images down to one line, so image paragraphs say 'auto'.
   */
  spacing: { before?: number; after: number; line: number; lineRule?: 'auto' };
  pageBreakBefore?: boolean;
  keepNext?: boolean;
  numbering?: { reference: string; instance: number; level: number };
  indentLeft?: number;
}
