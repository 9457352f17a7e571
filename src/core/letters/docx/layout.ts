/** The pieces of one letter as paragraphs: letterhead, date, recipient, subject, body, closing, signature. */
import type { Direction, TextAlign } from '../document';
import type { RenderedLetter } from '../engine';
import type { RenderedBlock } from '../source';
import type { LetterImage } from './image';
import { hasArabicScript, hasLatinScript } from '../language';
import { textRuns, type LetterFonts, type RunStyle } from './runs';
import type { ImageRole, ParagraphSpec, RunSpec } from './spec';

export interface Letterhead {
  name?: string | undefined;
  addressLines?: readonly string[] | undefined;
  /** "+1 555 0100 · info@example.org · example.org" */
  contactLine?: string | undefined;
  logo?: LetterImage | undefined;
}

/** A letter ready to lay out: the rendered wording plus the date and recipient lines. */
export interface LetterLayout {
  letter: RenderedLetter;
  /** The formatted date, e.g. from formatLetterDate. */
  date: string;
  recipientLines: readonly string[];
}

export interface LayoutContext {
  fonts: LetterFonts;
  letterhead?: Letterhead | undefined;
  signatureImage?: LetterImage | undefined;
  /** Each list gets its own numbering instance; combined files count on across letters. */
  nextListInstance: () => number;
  /**
   * When set, a list's instance from its index in the template instead of the count so far:
   * letters rendered apart (in different workers) then number their lists without a clash.
   */
  listInstance?: (listIndex: number) => number;
  /** Set to start the next paragraph on a new page (letters after the first in one section). */
  pendingPageBreak?: boolean;
  /** An Arabic letter printed with Arabic-Indic digits: numbers from data and text follow. */
  arabicIndic?: boolean;
}

const SUBJECT_LABEL = { en: 'Subject:', ar: 'الموضوع:' } as const;

/**
 * `w:jc` as Word and LibreOffice read it: start and end of the paragraph's own direction (in a
 * bidi paragraph "end" is the left margin). A paragraph whose direction differs from the
 * letter's (an Arabic address line in an English letter) keeps to the letter's side: its start
 * and end swap.
 */
function alignment(
  align: TextAlign | undefined,
  paragraphRtl: boolean,
  letterRtl: boolean,
): ParagraphSpec['align'] {
  switch (align) {
    case 'center':
      return 'center';
    case 'justify':
      return 'both';
    case 'end':
      return paragraphRtl === letterRtl ? 'end' : 'start';
    default:
      return paragraphRtl === letterRtl ? 'start' : 'end';
  }
}

/** An Arabic line in an English letter is a right-to-left paragraph of its own. */
const lineIsRtl = (text: string, letterRtl: boolean) =>
  letterRtl || (hasArabicScript(text) && !hasLatinScript(text));

interface LineOptions {
  /** The letter's direction. */
  rtl: boolean;
  /** The paragraph's, when it differs (see lineIsRtl). */
  paragraphRtl?: boolean;
  align?: TextAlign | undefined;
  style?: RunStyle;
  after?: number;
  before?: number;
}

function takePageBreak(ctx: LayoutContext): boolean {
  const pending = ctx.pendingPageBreak ?? false;
  ctx.pendingPageBreak = false;
  return pending;
}

function paragraphOf(runs: RunSpec[], options: LineOptions, ctx: LayoutContext): ParagraphSpec {
  const rtl = options.paragraphRtl ?? options.rtl;
  return {
    runs,
    bidi: rtl,
    align: alignment(options.align, rtl, options.rtl),
    spacing: { after: options.after ?? 0, before: options.before ?? 0, line: 276 },
    ...(takePageBreak(ctx) ? { pageBreakBefore: true } : {}),
  };
}

function line(text: string, ctx: LayoutContext, options: LineOptions): ParagraphSpec {
  const rtl = lineIsRtl(text, options.rtl);
  const runs = textRuns(text, options.style ?? {}, { rtl, arabicIndic: ctx.arabicIndic });
  return paragraphOf(runs, { ...options, paragraphRtl: rtl }, ctx);
}

/** The image itself is written once per file (to-docx.ts); the paragraph says where it goes. */
function imageParagraph(role: ImageRole, options: LineOptions, ctx: LayoutContext): ParagraphSpec {
  const paragraph = paragraphOf([], { ...options, after: 60 }, ctx);
  return {
    ...paragraph,
    spacing: { ...paragraph.spacing, line: 240, lineRule: 'auto' },
    image: role,
  };
}

function letterheadParagraphs(
  head: Letterhead | undefined,
  ctx: LayoutContext,
  rtl: boolean,
): ParagraphSpec[] {
  if (!head) return [];
  const out: ParagraphSpec[] = [];
  if (head.logo) out.push(imageParagraph('logo', { rtl, align: 'center' }, ctx));
  if (head.name)
    out.push(line(head.name, ctx, { rtl, align: 'center', style: { bold: true, size: 30 } }));
  for (const address of head.addressLines ?? []) {
    out.push(line(address, ctx, { rtl, align: 'center', style: { size: 18, color: '444444' } }));
  }
  if (head.contactLine) {
    out.push(
      line(head.contactLine, ctx, { rtl, align: 'center', style: { size: 18, color: '444444' } }),
    );
  }
  if (out.length) out.push(paragraphOf([], { rtl, after: 240 }, ctx));
  return out;
}

const HEADING_SIZES = { 1: 30, 2: 26, 3: 24 } as const;

function bodyParagraph(
  block: RenderedBlock,
  letterDir: Direction,
  ctx: LayoutContext,
  listInstances: Map<number, number>,
) {
  const letterRtl = letterDir === 'rtl';
  const rtl = block.dir
    ? block.dir === 'rtl'
    : letterRtl || lineIsRtl(block.runs.map((run) => run.text).join(''), false);
  // The block's alignment is relative to its direction when it has one, else to the letter's.
  const alignFor = block.dir ? rtl : letterRtl;
  const heading = block.kind === 'heading' ? HEADING_SIZES[block.level ?? 1] : undefined;
  const runs = block.runs.flatMap((run) =>
    textRuns(
      run.text,
      {
        bold: run.bold ?? Boolean(heading),
        italic: run.italic,
        underline: run.underline,
        size: heading,
      },
      { rtl, arabicIndic: ctx.arabicIndic },
    ),
  );
  // An Arabic paragraph in an English letter starts at the right margin, like any Arabic text.
  const align = alignment(block.align, rtl, block.align ? alignFor : rtl);
  const list = block.list;
  let numbering: ParagraphSpec['numbering'];
  let indentLeft: number | undefined;
  if (list && !list.continuation) {
    let instance = listInstances.get(list.listIndex);
    if (instance === undefined) {
      instance = ctx.listInstance?.(list.listIndex) ?? ctx.nextListInstance();
      listInstances.set(list.listIndex, instance);
    }
    numbering = {
      reference: list.kind === 'bullet' ? BULLET_REFERENCE : ORDERED_REFERENCE,
      level: Math.min(list.depth, 8),
      instance,
    };
  } else if (list) {
    indentLeft = 720 * (list.depth + 1);
  }
  return {
    runs,
    bidi: rtl,
    align,
    ...(numbering ? { numbering } : {}),
    ...(indentLeft === undefined ? {} : { indentLeft }),
    spacing: heading
      ? { before: 240, after: 120, line: 276 }
      : { after: list ? 80 : 160, line: 276 },
    ...(heading ? { keepNext: true } : {}),
  };
}

export const BULLET_REFERENCE = 'tadamun-bullet';
export const ORDERED_REFERENCE = 'tadamun-ordered';

/** All paragraphs of one letter; the first starts a new page when `ctx.pendingPageBreak`. */
export function letterParagraphs(layout: LetterLayout, ctx: LayoutContext): ParagraphSpec[] {
  const { letter } = layout;
  const rtl = letter.direction === 'rtl';
  ctx.arabicIndic = letter.language === 'ar' && letter.digits === 'arabic-indic';
  const out: ParagraphSpec[] = [
    ...letterheadParagraphs(ctx.letterhead, ctx, rtl),
    line(layout.date, ctx, { rtl, align: rtl ? 'end' : 'start', after: 240 }),
  ];
  layout.recipientLines.forEach((text, i, all) => {
    out.push(line(text, ctx, { rtl, after: i === all.length - 1 ? 240 : 0 }));
  });
  if (letter.subject) {
    const label = SUBJECT_LABEL[letter.language];
    out.push(
      paragraphOf(
        [
          ...textRuns(`${label} `, { bold: true }, { rtl }),
          ...textRuns(letter.subject, { bold: true }, { rtl, arabicIndic: ctx.arabicIndic }),
        ],
        { rtl, after: 240 },
        ctx,
      ),
    );
  }
  const listInstances = new Map<number, number>();
  for (const block of letter.body)
    out.push(bodyParagraph(block, letter.direction, ctx, listInstances));
  if (letter.closing) out.push(line(letter.closing, ctx, { rtl, before: 120, after: 120 }));
  if (ctx.signatureImage) out.push(imageParagraph('signature', { rtl }, ctx));
  else if (letter.signature.length) out.push(paragraphOf([], { rtl, after: 240 }, ctx));
  letter.signature.forEach((text, i) =>
    out.push(line(text, ctx, { rtl, style: { bold: i === 0 } })),
  );
  return out;
}
