import { describe, expect, it } from 'vitest';
import { REFRESH_MS, RefreshPacer } from '@renderer/app/data/refresh-pacer';
import type { ChangeEvent } from '@core/db/record-store';

const event = (...ids: string[]): ChangeEvent => ({
  tables: new Set(['interactions']),
  records: ids.map((id) => ({ table: 'interactions', id, record: null })),
  reset: false,
});

/** Timers run by hand: `advance` runs what is due. */
function manualTimers() {
  let now = 0;
  const due: { at: number; run: () => void; handle: number }[] = [];
  let next = 0;
  return {
    set(run: () => void, ms: number) {
      const handle = ++next;
      due.push({ at: now + ms, run, handle });
      return handle;
    },
    clear(handle: unknown) {
      const index = due.findIndex((timer) => timer.handle === handle);
      if (index >= 0) due.splice(index, 1);
    },
    advance(ms: number) {
      now += ms;
      for (const timer of due.filter((t) => t.at <= now)) {
        due.splice(due.indexOf(timer), 1);
        timer.run();
      }
    },
  };
}

function setUp() {
  const timers = manualTimers();
  // Records which refreshes ran as paced ones (a React transition in the app).
  const inPaced: string[] = [];
  let pacedNow = false;
  const paced = (run: () => void) => {
    pacedNow = true;
    try {
      run();
    } finally {
      pacedNow = false;
    }
  };
  const pacer = new RefreshPacer(timers, paced);
  // Records r1…r9 come from the coalition; anything else is an edit here.
  pacer.recognize((change) => change.records.every(({ id }) => id.startsWith('r')));
  const refreshes: string[] = [];
  const screen = (name: string) => () => {
    refreshes.push(name);
    if (pacedNow) inPaced.push(name);
  };
  return { timers, pacer, refreshes, screen, inPaced };
}

describe('screens following a coalition’s receive at a pace', () => {
  it('refreshes at once when no replica is receiving', () => {
    const { pacer, refreshes, screen } = setUp();
    pacer.changed(event('r1'), screen('dashboard'));
    expect(refreshes).toEqual(['dashboard']);
  });

  it('while receiving, shows the batches at most every REFRESH_MS, each screen once', () => {
    const { timers, pacer, refreshes, screen, inPaced } = setUp();
    const dashboard = screen('dashboard');
    pacer.setReceiving('c1', true);
    pacer.changed(event('r1'), dashboard);
    pacer.changed(event('r2'), dashboard);
    timers.advance(REFRESH_MS - 1);
    expect(refreshes).toEqual([]);
    timers.advance(1);
    expect(refreshes).toEqual(['dashboard']);
    pacer.changed(event('r3'), dashboard);
    timers.advance(REFRESH_MS);
    expect(refreshes).toEqual(['dashboard', 'dashboard']);
    // Paced refreshes run as transitions: React renders them in slices.
    expect(inPaced).toEqual(['dashboard', 'dashboard']);
  });

  it('shows everything held back as soon as the receive ends, never later', () => {
    const { timers, pacer, refreshes, screen, inPaced } = setUp();
    pacer.setReceiving('c1', true);
    pacer.setReceiving('c2', true);
    pacer.changed(event('r1'), screen('dashboard'));
    pacer.setReceiving('c1', false);
    expect(refreshes).toEqual([]);
    pacer.setReceiving('c2', false);
    expect(refreshes).toEqual(['dashboard']);
    timers.advance(REFRESH_MS);
    expect(refreshes).toEqual(['dashboard']);
    // A batch applied after the replica said it was done is shown at once.
    pacer.changed(event('r2'), screen('dashboard'));
    expect(refreshes).toEqual(['dashboard', 'dashboard']);
    // The end of a receive and edits are shown urgently, not as transitions.
    expect(inPaced).toEqual([]);
  });

  it('shows everything held back when sync closes', () => {
    const { pacer, refreshes, screen } = setUp();
    pacer.setReceiving('c1', true);
    pacer.changed(event('r1'), screen('dashboard'));
    pacer.endAll();
    expect(refreshes).toEqual(['dashboard']);
    pacer.changed(event('r2'), screen('dashboard'));
    expect(refreshes).toEqual(['dashboard', 'dashboard']);
  });

  it('shows an edit made here at once, even while receiving', () => {
    const { pacer, refreshes, screen } = setUp();
    const contact = screen('contact');
    pacer.setReceiving('c1', true);
    pacer.changed(event('r1'), contact);
    pacer.changed(event('r2', 'mine'), contact);
    expect(refreshes).toEqual(['contact']);
  });

  it('drops the refresh of a screen that closed', () => {
    const { timers, pacer, refreshes, screen } = setUp();
    const dashboard = screen('dashboard');
    pacer.setReceiving('c1', true);
    pacer.changed(event('r1'), dashboard);
    pacer.forget(dashboard);
    timers.advance(REFRESH_MS);
    expect(refreshes).toEqual([]);
  });
});
