/**
 * Runs a React hook in a real React root, for tests in a DOM environment (a test file starts
 * with `// @vitest-environment happy-dom`). `result.current` is what the hook returned last.
 */
import { act, createElement, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

// Tells React that updates are wrapped in act(), so it flushes them and does not warn.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface RenderedHook<T> {
  result: { current: T };
  unmount(): void;
}

export function renderHook<T>(
  useHook: () => T,
  wrapper: (children: ReactNode) => ReactNode = (children) => children,
): RenderedHook<T> {
  const result = { current: undefined as T };
  function Probe() {
    result.current = useHook();
    return null;
  }
  const root = createRoot(document.createElement('div'));
  act(() => root.render(wrapper(createElement(Probe))));
  return { result, unmount: () => act(() => root.unmount()) };
}
