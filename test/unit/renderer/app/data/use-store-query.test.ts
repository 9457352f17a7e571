// @vitest-environment happy-dom
import { act, createElement, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataCore } from '@core/db/data-core';
import type { ChangeEvent, ChangeListener } from '@core/db/record-store';
import type { EntityTable } from '@core/domain/entities';
import { DataCoreContext } from '@renderer/app/data/data-core-context';
import { REFRESH_MS, refreshPacerOf } from '@renderer/app/data/refresh-pacer';
import { useStoreQuery } from '@renderer/app/data/use-store-query';
import { renderHook } from '../../../../helpers/render-hook';

/** A store of counts per table; `write` changes one and tells the subscribers. */
function countingStore() {
  const counts = new Map<EntityTable, number>();
  const versions = new Map<EntityTable, number>();
  const listeners = new Set<ChangeListener>();
  const store = {
    version: (table: EntityTable) => versions.get(table) ?? 0,
    count: (table: EntityTable) => counts.get(table) ?? 0,
    subscribe(listener: ChangeListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const core = { store } as unknown as DataCore;
  const write = (table: EntityTable, id: string) => {
    counts.set(table, store.count(table) + 1);
    versions.set(table, store.version(table) + 1);
    const event: ChangeEvent = {
      tables: new Set([table]),
      records: [{ table, id, record: null }],
      reset: false,
    };
    for (const listener of listeners) void listener(event);
  };
  return { core, write, listeners };
}

const inside = (core: DataCore) => (children: ReactNode) =>
  createElement(DataCoreContext.Provider, { value: core }, children);

function renderCount(core: DataCore) {
  let renders = 0;
  const view = renderHook(() => {
    renders++;
    return useStoreQuery(['interactions'], (c) => c.store.count('interactions'));
  }, inside(core));
  return { ...view, renders: () => renders };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('useStoreQuery', () => {
  it('follows a change made here at once, and only changes of its tables', () => {
    const { core, write } = countingStore();
    const view = renderCount(core);
    expect(view.result.current).toBe(0);
    act(() => write('interactions', 'mine-1'));
    expect(view.result.current).toBe(1);
    const renders = view.renders();
    act(() => write('templates', 'mine-2'));
    expect(view.renders()).toBe(renders);
    view.unmount();
  });

  it('shows a receive’s batches at the paced refresh (a transition), and everything at its end', () => {
    const { core, write } = countingStore();
    const pacer = refreshPacerOf(core);
    pacer.recognize((event) => event.records.every(({ id }) => id.startsWith('coalition')));
    const view = renderCount(core);
    pacer.setReceiving('c1', true);
    act(() => {
      write('interactions', 'coalition-1');
      write('interactions', 'coalition-2');
    });
    expect(view.result.current).toBe(0);
    act(() => vi.advanceTimersByTime(REFRESH_MS));
    expect(view.result.current).toBe(2);
    act(() => write('interactions', 'coalition-3'));
    expect(view.result.current).toBe(2);
    act(() => pacer.setReceiving('c1', false));
    expect(view.result.current).toBe(3);
    view.unmount();
  });

  it('catches a change made between its first render and its subscription', () => {
    const { core, write, listeners } = countingStore();
    let wrote = false;
    const view = renderHook(() => {
      // Written once while rendering, before the effect subscribes (as a commit landing then).
      if (!wrote && listeners.size === 0) {
        wrote = true;
        write('interactions', 'mine-1');
      }
      return useStoreQuery(['interactions'], (c) => c.store.count('interactions'));
    }, inside(core));
    expect(view.result.current).toBe(1);
    view.unmount();
    expect(listeners.size).toBe(0);
  });
});
