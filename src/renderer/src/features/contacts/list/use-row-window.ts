import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { rowWindowOf, type RowWindow, type RowWindowOptions, type View } from './row-window';

interface Shown extends View {
  /** The list shown: another one starts at its top. */
  listKey: string;
}

/**
 * The rows to draw (see row-window.ts), following the scrolling and the size of `scroller`
 * (the element itself, not a ref: a parent's ref is attached after its children's effects). When `listKey` changes (another query, filter or sort), the list goes back
 * to its top: the best hits first, not the middle of the new list at the old scroll position.
 */
export function useRowWindow(
  scroller: HTMLElement | null,
  options: RowWindowOptions,
  listKey: string,
): RowWindow {
  const { rowHeight, offset } = options;
  const [view, setView] = useState<Shown>({ first: 0, height: 0, listKey });
  // What the scroll handler last read and asked for, so it skips steps within the same row.
  const asked = useRef<View & { top: number }>({ first: -1, height: -1, top: 0 });
  let current = view;
  if (view.listKey !== listKey) {
    current = { first: 0, height: view.height, listKey };
    setView(current);
  }

  useLayoutEffect(() => {
    const element = scroller;
    if (!element) return;
    const read = (now: boolean) => {
      const top = element.scrollTop;
      const next = {
        first: Math.floor(Math.max(0, top - offset) / rowHeight),
        height: element.clientHeight,
      };
      const last = asked.current;
      asked.current = { ...next, top };
      if (next.first === last.first && next.height === last.height) return;
      const apply = () => setView((shown) => ({ ...next, listKey: shown.listKey }));
      // Drawn before the scrolled frame is painted, so no blank rows show while scrolling.
      if (now) flushSync(apply);
      else apply();
    };
    read(false);
    const onScroll = () => read(true);
    element.addEventListener('scroll', onScroll, { passive: true });
    const resizes = new ResizeObserver(() => read(false));
    resizes.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resizes.disconnect();
    };
  }, [scroller, rowHeight, offset]);

  const toppedFor = useRef(listKey);
  useLayoutEffect(() => {
    if (toppedFor.current === listKey) return;
    toppedFor.current = listKey;
    // Reads nothing from the page (that would force a layout in the middle of the commit).
    const last = asked.current;
    asked.current = { ...last, first: 0, top: 0 };
    if (last.top !== 0) scroller?.scrollTo({ top: 0 });
  }, [scroller, listKey]);

  return rowWindowOf(current, options);
}
