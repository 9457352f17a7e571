/** The contact book: list, filters, detail and edit, organizations (English, the reference). */
export const contactBookEn = {
  title: 'Contact book',
} as const;
