/** The pieces of one letter as paragraphs: letterhead, date, recipient, subject, body, closing, signature. */
import { AlignmentType, ImageRun, Paragraph, type ParagraphChild } from 'docx';
import type { Direction, TextAlign } from '../document';
import type { RenderedLetter } from '../engine';
import type { RenderedBlock } from '../source';
import { fitImage, imageInfo, type LetterImage } from './image';
import { textRuns, type LetterFonts, type RunStyle } from './runs';

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
  /** Set to start the next paragraph on a new page (letters after the first in one section). */
  pendingPageBreak?: boolean;
}

const SUBJECT_LABEL = { en: 'Subject:', ar: 'الموضوع:' } as const;

/**
 * Alignment on the page. In a bidirectional paragraph docx writes RIGHT as Word's logical `left`,
 * and no alignment already shows at the right (the start), so the mapping differs by direction.
 */
function alignment(align: TextAlign | undefined, rtl: boolean) {
  switch (align) {
    case 'center':
      return AlignmentType.CENTER;
    case 'justify':
      return AlignmentType.JUSTIFIED;
    case 'end':
      return rtl ? AlignmentType.LEFT : AlignmentType.RIGHT;
    default:
      return rtl ? undefined : AlignmentType.LEFT;
  }
}

interface LineOptions {
  rtl: boolean;
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

function paragraphOf(
  children: ParagraphChild[],
  options: LineOptions,
  ctx: LayoutContext,
): Paragraph {
  const align = alignment(options.align, options.rtl);
  return new Paragraph({
    children,
    bidirectional: options.rtl,
    ...(align ? { alignment: align } : {}),
    spacing: { after: options.after ?? 0, before: options.before ?? 0, line: 276 },
    ...(takePageBreak(ctx) ? { pageBreakBefore: true } : {}),
  });
}

function line(text: string, ctx: LayoutContext, options: LineOptions): Paragraph {
  return paragraphOf(textRuns(text, options.style ?? {}, options.rtl, ctx.fonts), options, ctx);
}

function imageParagraph(
  image: LetterImage,
  role: 'logo' | 'signature',
  options: LineOptions,
  ctx: LayoutContext,
) {
  const info = imageInfo(image.bytes, role);
  const size = role === 'logo' ? fitImage(info, 220, 70) : fitImage(info, 200, 60);
  const run = new ImageRun({ type: info.type, data: image.bytes, transformation: size });
  return paragraphOf([run], { ...options, after: 60 }, ctx);
}

function letterheadParagraphs(
  head: Letterhead | undefined,
  ctx: LayoutContext,
  rtl: boolean,
): Paragraph[] {
  if (!head) return [];
  const out: Paragraph[] = [];
  if (head.logo) out.push(imageParagraph(head.logo, 'logo', { rtl, align: 'center' }, ctx));
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
  const rtl = (block.dir ?? letterDir) === 'rtl';
  const heading = block.kind === 'heading' ? HEADING_SIZES[block.level ?? 1] : undefined;
  const children = block.runs.flatMap((run) =>
    textRuns(
      run.text,
      {
        bold: run.bold ?? Boolean(heading),
        italic: run.italic,
        underline: run.underline,
        size: heading,
      },
      rtl,
      ctx.fonts,
    ),
  );
  const align = alignment(block.align ?? (rtl || heading ? undefined : 'start'), rtl);
  const list = block.list;
  let numbering: { reference: string; level: number; instance: number } | undefined;
  let indent: { left: number } | undefined;
  if (list && !list.continuation) {
    let instance = listInstances.get(list.listIndex);
    if (instance === undefined) {
      instance = ctx.nextListInstance();
      listInstances.set(list.listIndex, instance);
    }
    numbering = {
      reference: list.kind === 'bullet' ? BULLET_REFERENCE : ORDERED_REFERENCE,
      level: Math.min(list.depth, 8),
      instance,
    };
  } else if (list) {
    indent = { left: 720 * (list.depth + 1) };
  }
  return new Paragraph({
    children,
    bidirectional: rtl,
    ...(align ? { alignment: align } : {}),
    ...(numbering ? { numbering } : {}),
    ...(indent ? { indent } : {}),
    spacing: heading
      ? { before: 240, after: 120, line: 276 }
      : { after: list ? 80 : 160, line: 276 },
    ...(heading ? { keepNext: true } : {}),
  });
}

export const BULLET_REFERENCE = 'tadamun-bullet';
export const ORDERED_REFERENCE = 'tadamun-ordered';

/** All paragraphs of one letter; the first starts a new page when `ctx.pendingPageBreak`. */
export function letterParagraphs(layout: LetterLayout, ctx: LayoutContext): Paragraph[] {
  const { letter } = layout;
  const rtl = letter.direction === 'rtl';
  const out: Paragraph[] = [
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
          ...textRuns(`${label} `, { bold: true }, rtl, ctx.fonts),
          ...textRuns(letter.subject, { bold: true }, rtl, ctx.fonts),
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
  if (ctx.signatureImage) out.push(imageParagraph(ctx.signatureImage, 'signature', { rtl }, ctx));
  else if (letter.signature.length) out.push(paragraphOf([], { rtl, after: 240 }, ctx));
  letter.signature.forEach((text, i) =>
    out.push(line(text, ctx, { rtl, style: { bold: i === 0 } })),
  );
  return out;
}
