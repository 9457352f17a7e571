/** Which copy of the US Congress directory is bundled (resources/us-congress-legislators.json). */
export const US_CONGRESS_SNAPSHOT = {
  /** The day of the source commit: the data is only as current as that. */
  date: '2026-06-15',
  source: 'https://github.com/unitedstates/congress-legislators',
  commit: 'dfa9622263dd4c8d08636926e498f1845704d7eb',
  license: 'CC0-1.0',
} as const;
