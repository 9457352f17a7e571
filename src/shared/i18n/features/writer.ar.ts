import type { Widen } from '../widen';
import type { writerEn } from './writer.en';

/** Templates and letters: editor, merge fields, generation, letter records (Arabic). */
export const writerAr: Widen<typeof writerEn> = {
  title: 'القوالب والرسائل',
};
