import { afterEach } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDataCore, type DataCore } from '@core/db/data-core';

/** A clock that moves one second per reading, from a fixed start: stable timestamps. */
export function steppingClock(start = Date.UTC(2026, 10, 25, 9, 0, 0)) {
  let t = start;
  return { now: () => new Date((t += 1000)) };
}

export interface FreshCore {
  core: DataCore;
  factory: IDBFactory;
  name: string;
  reopen(): Promise<DataCore>;
  /** The core opened last (by the start or by `reopen`). */
  latest(): DataCore;
}

let counter = 0;

/** A data core on its own in-memory IndexedDB, with every migration applied. */
export async function freshDataCore(): Promise<FreshCore> {
  const factory = new IDBFactory();
  const name = `tadamun-test-${++counter}`;
  const open = () =>
    openDataCore({ name, indexedDB: factory, IDBKeyRange, clock: steppingClock() });
  const core = await open();
  let current = core;
  return {
    core,
    factory,
    name,
    /** Closes the core opened last (storing what a close stores) and opens a new one. */
    reopen: async () => {
      await current.close();
      current = await open();
      return current;
    },
    latest: () => current,
  };
}

/** For a test file: a function giving fresh cores, whose latest core is closed after each test. */
export function closingAfterEach(): () => Promise<FreshCore> {
  const opened: FreshCore[] = [];
  afterEach(async () => {
    for (const fresh of opened.splice(0)) await fresh.latest().close();
  });
  return async () => {
    const fresh = await freshDataCore();
    opened.push(fresh);
    return fresh;
  };
}
