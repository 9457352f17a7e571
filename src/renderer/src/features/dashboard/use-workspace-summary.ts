import { useStoreQuery } from '@renderer/app/data/use-store-query';

export const SUMMARY_TABLES = [
  'campaigns',
  'contacts',
  'organizations',
  'targets',
  'interactions',
  'templates',
] as const;

export type WorkspaceSummary = Record<(typeof SUMMARY_TABLES)[number], number>;

/** How many records of each kind the workspace holds; follows every write. */
export function useWorkspaceSummary(): WorkspaceSummary {
  return useStoreQuery(SUMMARY_TABLES, (core) => {
    const counts = {} as WorkspaceSummary;
    for (const table of SUMMARY_TABLES) counts[table] = core.store.count(table);
    return counts;
  });
}

export function isEmptySummary(summary: WorkspaceSummary): boolean {
  return Object.values(summary).every((count) => count === 0);
}
