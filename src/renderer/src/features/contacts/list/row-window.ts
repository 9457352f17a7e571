/**
 * Which rows of a long list of fixed-height rows to draw: those in view, plus `overscan` on
 * each side. Fixed heights make it arithmetic (no measuring, nothing proportional to the
 * number of rows), and the window never holds more than `slots` rows for a given viewport
 * height, so `index % slots` keys a drawn row stably: a scroll step refills the rows that
 * left the view instead of re-keying every row (which redrew and laid out the whole table).
 */
export interface RowWindow {
  /** First row drawn, and one past the last. */
  start: number;
  end: number;
  /** Most rows drawn at once: drawn indexes are consecutive, so `index % slots` are distinct. */
  slots: number;
}

export interface RowWindowOptions {
  count: number;
  rowHeight: number;
  /** Height (px) above the first row inside the scroller, such as a sticky header. */
  offset: number;
  overscan: number;
  /** A list this short is drawn whole. */
  drawWholeUpTo: number;
}

export interface View {
  /** First row at least partly in view. */
  first: number;
  height: number;
}

export function rowWindowOf(view: View, options: RowWindowOptions): RowWindow {
  const { count, rowHeight, overscan, drawWholeUpTo } = options;
  if (count <= drawWholeUpTo) return { start: 0, end: count, slots: Math.max(count, 1) };
  const inView = Math.ceil(view.height / rowHeight) + 1;
  const first = Math.max(0, Math.min(view.first, count - inView));
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(count, first + inView + overscan),
    slots: inView + 2 * overscan,
  };
}
