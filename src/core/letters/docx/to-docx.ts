/** Paragraph specs as `docx` objects: for what docx writes once per file (numbering, images). */
import { AlignmentType, ImageRun, LineRuleType, Paragraph, type ParagraphChild } from 'docx';
import { fitImage, imageInfo, type LetterImage } from './image';
import { docxRun, type LetterFonts, type LetterLanguages } from './runs';
import type { ImageRole, ParagraphSpec } from './spec';

/** The images, each with its alternative text (in the letter's language). */
export type LetterImages = Partial<Record<ImageRole, LetterImage & { alt: string }>>;

const BOXES: Record<ImageRole, [number, number]> = { logo: [220, 70], signature: [200, 60] };

function imageRun(role: ImageRole, image: LetterImage & { alt: string }): ImageRun {
  const info = imageInfo(image.bytes, role);
  const [width, height] = BOXES[role];
  return new ImageRun({
    type: info.type,
    data: image.bytes,
    transformation: fitImage(info, width, height),
    altText: { name: role, description: image.alt, title: image.alt },
  });
}

const ALIGNMENTS = {
  start: AlignmentType.START,
  end: AlignmentType.END,
  center: AlignmentType.CENTER,
  both: AlignmentType.JUSTIFIED,
} as const;

export function docxParagraph(
  spec: ParagraphSpec,
  fonts: LetterFonts,
  languages: LetterLanguages,
  images: LetterImages,
): Paragraph {
  const image = spec.image ? images[spec.image] : undefined;
  const children: ParagraphChild[] =
    spec.image && image
      ? [imageRun(spec.image, image)]
      : spec.runs.map((r) => docxRun(r, fonts, languages));
  return new Paragraph({
    children,
    bidirectional: spec.bidi,
    ...(spec.align ? { alignment: ALIGNMENTS[spec.align] } : {}),
    ...(spec.numbering ? { numbering: spec.numbering } : {}),
    ...(spec.indentLeft === undefined ? {} : { indent: { left: spec.indentLeft } }),
    spacing: {
      ...spec.spacing,
      ...(spec.spacing.lineRule === 'auto' ? { lineRule: LineRuleType.AUTO } : {}),
    },
    ...(spec.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(spec.keepNext ? { keepNext: true } : {}),
  });
}
