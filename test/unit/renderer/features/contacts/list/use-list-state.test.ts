// @vitest-environment happy-dom
import { act, createElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { DataCore } from '@core/db/data-core';
import { DataCoreContext } from '@renderer/app/data/data-core-context';
import { NO_FILTERS } from '@renderer/lib/contact-filters';
import { useListState } from '@renderer/features/contacts/list/use-list-state';
import { renderHook } from '../../../../../helpers/render-hook';

/** The hook keys what it keeps by the workspace's identity only: any object stands in for one. */
const aWorkspace = () => ({}) as DataCore;
const inside = (core: DataCore) => (children: ReactNode) =>
  createElement(DataCoreContext.Provider, { value: core }, children);

describe('useListState', () => {
  it('starts with no search, no filters and no chosen sort', () => {
    const { result } = renderHook(useListState, inside(aWorkspace()));
    expect(result.current[0]).toEqual({ query: '', filters: NO_FILTERS, sort: null });
  });

  it('changes only what a patch names, with the same update function each time', () => {
    const { result } = renderHook(useListState, inside(aWorkspace()));
    const update = result.current[1];
    act(() => update({ query: 'رانيا' }));
    act(() => result.current[1]({ sort: { column: 'party', direction: 'desc' } }));
    expect(result.current[0]).toEqual({
      query: 'رانيا',
      filters: NO_FILTERS,
      sort: { column: 'party', direction: 'desc' },
    });
    expect(result.current[1]).toBe(update);
  });

  it('finds the list as it was when the page comes back in the same workspace', () => {
    const core = aWorkspace();
    const first = renderHook(useListState, inside(core));
    const filters = { ...NO_FILTERS, kinds: ['official' as const] };
    act(() => first.result.current[1]({ query: 'haddad', filters }));
    first.unmount();
    const again = renderHook(useListState, inside(core));
    expect(again.result.current[0]).toEqual({ query: 'haddad', filters, sort: null });
  });

  it('starts afresh in another workspace (after a lock and unlock)', () => {
    const first = renderHook(useListState, inside(aWorkspace()));
    act(() => first.result.current[1]({ query: 'haddad' }));
    first.unmount();
    const other = renderHook(useListState, inside(aWorkspace()));
    expect(other.result.current[0]).toEqual({ query: '', filters: NO_FILTERS, sort: null });
  });
});
