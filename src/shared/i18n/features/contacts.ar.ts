import type { Widen } from '../widen';
import type { contactBookEn } from './contacts.en';

/** The contact book: list, filters, detail and edit, organizations (Arabic). */
export const contactBookAr: Widen<typeof contactBookEn> = {
  title: 'دفتر جهات الاتصال',
};
