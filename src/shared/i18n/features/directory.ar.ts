import type { Widen } from '../widen';
import type { directoryEn } from './directory.en';

/** The officials directory, duplicates and merge (Arabic). */
export const directoryAr: Widen<typeof directoryEn> = {
  title: 'دليل المسؤولين',
};
