/** What every DOCX of ours shares: its author (or none), and the default run's fonts and languages. */
import type { IParagraphStylePropertiesOptions, IPropertiesOptions } from 'docx';
import { xmlSafe } from '../sanitize';
import type { LetterFonts, LetterLanguages } from './runs';

interface DocumentBase {
  author: string;
  fonts: LetterFonts;
  languages: LetterLanguages;
  /** Half-points; complex scripts (Arabic) get their own size. */
  size: number;
  sizeComplexScript: number;
  paragraph?: IParagraphStylePropertiesOptions;
}

export function documentBase(
  base: DocumentBase,
): Pick<IPropertiesOptions, 'creator' | 'lastModifiedBy' | 'title' | 'description' | 'styles'> {
  const { fonts, languages } = base;
  const author = xmlSafe(base.author);
  return {
    creator: author,
    lastModifiedBy: author,
    title: '',
    description: '',
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: fonts.latin, hAnsi: fonts.latin, cs: fonts.arabic },
            size: base.size,
            sizeComplexScript: base.sizeComplexScript,
            language: { value: languages.latin, bidirectional: languages.arabic },
          },
          ...(base.paragraph && { paragraph: base.paragraph }),
        },
      },
    },
  };
}
