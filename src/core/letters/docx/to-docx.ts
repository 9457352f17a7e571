/** Paragraph specs as `docx` objects: for what docx writes once per file (numbering, images). */
import { ImageRun, LineRuleType, Paragraph, type AlignmentType, type ParagraphChild } from 'docx';
import { fitImage, imageInfo, type LetterImage } from './image';
import { docxRun, type LetterFonts } from './runs';
import type { ImageRole, ParagraphSpec } from './spec';

export type LetterImages = Partial<Record<ImageRole, LetterImage>>;

const BOXES: Record<ImageRole, [number, number]> = { logo: [220, 70], signature: [200, 60] };

function imageRun(role: ImageRole, image: LetterImage): ImageRun {
  const info = imageInfo(image.bytes, role);
  const [width, height] = BOXES[role];
  return new ImageRun({
    type: info.type,
    data: image.bytes,
    transformation: fitImage(info, width, height),
  });
}

export function docxParagraph(
  spec: ParagraphSpec,
  fonts: LetterFonts,
  images: LetterImages,
): Paragraph {
  const image = spec.image ? images[spec.image] : undefined;
  const children: ParagraphChild[] =
    spec.image && image ? [imageRun(spec.image, image)] : spec.runs.map((r) => docxRun(r, fonts));
  return new Paragraph({
    children,
    bidirectional: spec.bidi,
    ...(spec.align
      ? { alignment: spec.align as (typeof AlignmentType)[keyof typeof AlignmentType] }
      : {}),
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
