/**
 * How often screens follow the records while a coalition's replica receives: each batch it
 * brings is a commit, and re-rendering the open screen (the Dashboard over every interaction)
 * after each one made the page's longest tasks. While a replica is receiving, a change that
 * only brings the coalition's records is shown at most every REFRESH_MS, as a React transition
 * (rendered in slices of a few milliseconds between the page's other tasks, not in one); any
 * other change (an edit here) is shown at once where it matters, and the end of the receive
 * shows everything at once.
 */
import { startTransition } from 'react';
import type { DataCore } from '@core/db/data-core';
import type { ChangeEvent } from '@core/db/record-store';

export const REFRESH_MS = 750;

interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class RefreshPacer {
  /** Coalitions whose replica is receiving. */
  private readonly receiving = new Set<string>();
  private readonly waiting = new Set<() => void>();
  private timer: unknown;
  private brought: (event: ChangeEvent) => boolean = () => false;

  constructor(
    private readonly timers: Timers = realTimers,
    /** Runs the paced refreshes: their renders may wait and be sliced (a transition). */
    private readonly paced: (run: () => void) => void = startTransition,
  ) {}

  /** Says which changes only bring a coalition's records (the workspace host knows). */
  recognize(brought: (event: ChangeEvent) => boolean): void {
    this.brought = brought;
  }

  /** A replica's state: while any is receiving, its batches are shown paced. */
  setReceiving(coalitionId: string, receiving: boolean): void {
    if (receiving) this.receiving.add(coalitionId);
    else if (this.receiving.delete(coalitionId) && this.receiving.size === 0) this.flush();
  }

  /** No replica receives any more (sync closed): everything held back is shown. */
  endAll(): void {
    this.receiving.clear();
    this.flush();
  }

  /** Runs `refresh` for `event` now, or with the next paced refresh. */
  changed(event: ChangeEvent, refresh: () => void): void {
    if (this.receiving.size === 0 || !this.brought(event)) {
      this.waiting.delete(refresh);
      refresh();
      return;
    }
    this.waiting.add(refresh);
    this.timer ??= this.timers.set(() => {
      this.timer = undefined;
      this.paced(() => this.flush());
    }, REFRESH_MS);
  }

  /** Every refresh held back, now (urgent: the receive ended or sync closed). */
  flush(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const refresh of waiting) refresh();
  }

  /** A refresh no longer wanted (its screen unmounted). */
  forget(refresh: () => void): void {
    this.waiting.delete(refresh);
  }
}

const pacers = new WeakMap<DataCore, RefreshPacer>();

/** The pacer of an open workspace (one per data core). */
export function refreshPacerOf(core: DataCore): RefreshPacer {
  let pacer = pacers.get(core);
  if (!pacer) pacers.set(core, (pacer = new RefreshPacer()));
  return pacer;
}
