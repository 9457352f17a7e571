/** Import and export: CSV, vCard, the officials directory, duplicates and merge (English, the reference). */
export const transferEn = {
  title: 'Import and export',
} as const;
