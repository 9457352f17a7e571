/** The officials directory, duplicates and merge (English, the reference). */
export const directoryEn = {
  title: 'Officials directory',
} as const;
