/** Import and export: CSV, vCard, the officials directory, duplicates and merge (English, the reference). */
export const transferEn = {
  title: 'Import and export',
  plainExportWarning:
    'This file is not encrypted: anyone who finds it can read it. Keep it somewhere safe, and delete it when it is no longer needed.',
} as const;
