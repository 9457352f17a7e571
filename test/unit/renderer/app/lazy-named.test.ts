// @vitest-environment happy-dom
import { act, createElement, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { lazyNamed } from '@renderer/app/lazy-named';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('lazyNamed', () => {
  it('loads a named export when it first renders, with the fallback meanwhile', async () => {
    let loads = 0;
    let finish: () => void = () => undefined;
    const loaded = new Promise<void>((resolve) => (finish = resolve));
    const Greeting = lazyNamed(async () => {
      loads += 1;
      await loaded;
      return { Greeting: ({ name }: { name: string }) => createElement('p', null, `hi ${name}`) };
    }, 'Greeting');
    expect(loads).toBe(0);

    const host = document.createElement('div');
    const root = createRoot(host);
    const tree = createElement(
      Suspense,
      { fallback: createElement('span', null, 'loading') },
      createElement(Greeting, { name: 'Salma' }),
    );
    await act(async () => root.render(tree));
    expect(host.textContent).toBe('loading');

    await act(async () => finish());
    expect(host.textContent).toBe('hi Salma');
    await act(async () => root.render(tree));
    expect(loads).toBe(1);
    act(() => root.unmount());
  });
});
