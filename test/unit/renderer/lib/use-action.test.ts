// @vitest-environment happy-dom
import i18next from 'i18next';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IpcFailure } from '@renderer/lib/reason-of';
import { useAction, type Action } from '@renderer/lib/use-action';
import { catalogues } from '@shared/i18n/catalogues';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Renders the hook in a real React root; `current` is what its last render returned. */
function renderAction() {
  const view = { current: undefined as unknown as Action };
  function Probe() {
    view.current = useAction();
    return null;
  }
  const root: Root = createRoot(document.createElement('div'));
  act(() => root.render(createElement(Probe)));
  mounted.push(root);
  return view;
}
const mounted: Root[] = [];
afterEach(() => {
  for (const root of mounted.splice(0)) act(() => root.unmount());
});

/** A promise settled from outside, to look at the hook while the work is still running. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeAll(async () => {
  await i18next.init({
    lng: 'ar',
    resources: { ar: { translation: catalogues.ar }, en: { translation: catalogues.en } },
  });
});

describe('useAction', () => {
  it('is busy while the work runs, then says it is done', async () => {
    const view = renderAction();
    const work = deferred<number>();
    let result: Promise<unknown> | undefined;
    act(() => {
      result = view.current.run(() => work.promise, {
        done: (n) => `added ${n}`,
        failed: () => 'x',
      });
    });
    expect(view.current.busy).toBe(true);
    expect(view.current.outcome).toBeNull();
    await act(async () => {
      work.resolve(3);
      await result;
    });
    expect(view.current.busy).toBe(false);
    expect(view.current.outcome).toEqual({ ok: true, message: 'added 3' });
    await expect(result).resolves.toEqual({ ok: true, value: 3 });
  });

  it('names a full disk in the interface language, whatever the error says', async () => {
    const view = renderAction();
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    let result: unknown;
    await act(async () => {
      result = await view.current.run(() => Promise.reject(quota), {
        failed: (reason) => i18next.t('planner.due.markFailed', { reason }),
      });
    });
    expect(view.current.outcome).toEqual({
      ok: false,
      message: i18next.t('planner.due.markFailed', { reason: catalogues.ar.errors.storageFull }),
    });
    expect(view.current.outcome?.message).toContain(catalogues.ar.errors.storageFull);
    expect(view.current.outcome?.message).not.toContain('quota');
    expect(result).toEqual({ ok: false, error: quota });

    const diskFull = new IpcFailure({ code: 'disk-full', message: 'ENOSPC: no space left' });
    await act(async () => {
      await view.current.run(() => Promise.reject(diskFull), { failed: (reason) => reason });
    });
    expect(view.current.outcome).toEqual({ ok: false, message: catalogues.ar.errors.storageFull });
  });

  it('keeps any other failure’s own message, and catches work that throws at once', async () => {
    const view = renderAction();
    await act(async () => {
      await view.current.run(
        () => {
          throw new Error('Tampered data');
        },
        { failed: (reason, error) => ({ ok: false, message: reason, detail: String(error) }) },
      );
    });
    expect(view.current.outcome).toEqual({
      ok: false,
      message: 'Tampered data',
      detail: 'Error: Tampered data',
    });
    expect(view.current.busy).toBe(false);
  });

  it('shows nothing when the messages say nothing, and clears the last outcome as a run starts', async () => {
    const view = renderAction();
    act(() => view.current.show({ ok: false, message: 'The form has mistakes' }));
    expect(view.current.outcome).toEqual({ ok: false, message: 'The form has mistakes' });
    const work = deferred<undefined>();
    let result: Promise<unknown> | undefined;
    act(() => {
      result = view.current.run(() => work.promise, { failed: () => null });
    });
    expect(view.current.outcome).toBeNull();
    await act(async () => {
      work.reject(new Error('shown beside the field'));
      await result;
    });
    expect(view.current.outcome).toBeNull();
    expect(view.current.busy).toBe(false);
  });

  it('stays busy until every overlapping run has settled', async () => {
    const view = renderAction();
    const first = deferred<string>();
    const second = deferred<string>();
    let runs: Promise<unknown>[] = [];
    act(() => {
      runs = [
        view.current.run(() => first.promise, { done: 'first', failed: (r) => r }),
        view.current.run(() => second.promise, { done: 'second', failed: (r) => r }),
      ];
    });
    await act(async () => {
      first.resolve('a');
      await runs[0];
    });
    expect(view.current.busy).toBe(true);
    await act(async () => {
      second.reject(new Error('no'));
      await runs[1];
    });
    expect(view.current.busy).toBe(false);
    expect(view.current.outcome).toEqual({ ok: false, message: 'no' });
  });

  it('keeps the same run and clear across renders, so rows can be memoized', () => {
    const view = renderAction();
    const { run, clear } = view.current;
    act(() => view.current.show({ ok: true, message: 'saved' }));
    expect(view.current.run).toBe(run);
    expect(view.current.clear).toBe(clear);
    act(() => view.current.clear());
    expect(view.current.outcome).toBeNull();
  });
});
