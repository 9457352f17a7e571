/** The pieces of one letter as paragraphs: letterhead, date, recipient, subject, body, closing, signature. */
import type { Direction, TextAlign } from '../document';
import type { RenderedLetter } from '../engine';
import type { RenderedBlock } from '../source';
import type { LetterImage } from './image';
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
}

const SUBJECT_LABEL = { en: 'Subject:', ar: 'الموضوع:' } as const;

/**
 * Alignment on the page. In a bidirectional paragraph docx writes RIGHT as Word's logical `left`,
 * and no alignment already shows at the right (the start), so the mapping differs by direction.
 */
function alignment(align: TextAlign | undefined, rtl: boolean): ParagraphSpec['align'] {
  switch (align) {
    case 'center':
      return 'center';
    case 'justify':
      return 'both';
    case 'end':
      return rtl ? 'left' : 'right';
    default:
      return rtl ? undefined : 'left';
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

function paragraphOf(runs: RunSpec[], options: LineOptions, ctx: LayoutContext): ParagraphSpec {
  const align = alignment(options.align, options.rtl);
  return {
    runs,
    bidi: options.rtl,
    ...(align ? { align } : {}),
    spacing: { after: options.after ?? 0, before: options.before ?? 0, line: 276 },
    ...(takePageBreak(ctx) ? { pageBreakBefore: true } : {}),
  };
}

function line(text: string, ctx: LayoutContext, options: LineOptions): ParagraphSpec {
  return paragraphOf(textRuns(text, options.style ?? {}, options.rtl), options, ctx);
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
  const rtl = (block.dir ?? letterDir) === 'rtl';
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
      rtl,
    ),
  );
  const align = alignment(block.align ?? (rtl || heading ? undefined : 'start'), rtl);
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
    ...(align ? { align } : {}),
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
          ...textRuns(`${label} `, { bold: true }, rtl),
          ...textRuns(letter.subject, { bold: true }, rtl),
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
