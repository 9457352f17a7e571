import type { DBCore, Middleware } from 'dexie';
import type { DataCore } from '@core/db/data-core';
import { ENTITY_TABLES } from '@core/domain/entities';

/**
 * Makes the nth IndexedDB write from now fail, as a full disk would; with `andLater`, every
 * write after it too (the disk stays full).
 */
export async function failNthWrite(
  core: DataCore,
  n: number,
  { andLater = false }: { andLater?: boolean } = {},
): Promise<void> {
  // The search copy a new workspace saves 500 ms after opening must not take the failure.
  await core.saveSearchCopy();
  let writes = 0;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'fail-nth-write',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) =>
            ++writes === n || (andLater && writes > n)
              ? Promise.reject(new DOMException('The disk is full', 'QuotaExceededError'))
              : table.mutate(request),
        };
      },
    }),
  };
  // Dexie builds its middleware stack when it opens.
  core.store.db.close();
  core.store.db.use(middleware);
  await core.store.db.open();
}

/** Every record in memory, by table and id: compare before and after a refused write. */
export function recordSnapshot(core: DataCore) {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return Object.fromEntries(ENTITY_TABLES.map((t) => [t, core.store.all(t).sort(byId)]));
}
