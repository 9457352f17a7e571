/**
 * What the page's long tasks are made of, from a Chromium trace (Playwright's
 * `browser.startTracing`): each task of 50 ms or more on a renderer's main thread, with the
 * time of its events by name (self time: layout, style, GC, script, message deserializing),
 * which a V8 profile shows only as "(program)" or "(garbage collector)", and the task's CPU
 * time: on a loaded machine a task may last 50 ms mostly waiting for a core.
 */

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event: less than `dur` when the thread was descheduled. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string } };
}

/** Few categories: with `v8` and `blink` a minute's receive made a trace too large to read. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'toplevel', 'v8.execute'];

const LONG_US = 50_000;
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const ms = (us: number | undefined) => (us === undefined ? '?' : String(Math.round(us / 1000)));

function label(event: TraceEvent): string {
  const data = event.args?.data;
  const detail =
    data?.functionName || data?.type || (data?.url ? data.url.split('/').pop() : undefined);
  return detail ? `${event.name}(${detail})` : event.name;
}

/** Every long task of the renderers' main threads, with its events' self time by name. */
/**
 * CPU time of the renderer's main thread and of its workers over the trace: the sum of each
 * thread's outermost events' CPU time (what the receive cost each, waiting aside).
 */
export function threadCpuOfTrace(trace: Buffer): string {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const names = new Map<string, string>();
  for (const e of traceEvents) {
    const name = e.args?.name;
    if (e.ph === 'M' && e.name === 'thread_name' && name && /CrRendererMain|Worker/.test(name))
      names.set(`${e.pid}:${e.tid}`, name);
  }
  const cpu = new Map<string, { cpu: number; wall: number; end: number }>();
  const events = traceEvents
    .filter((e) => e.ph === 'X' && e.dur !== undefined && names.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    const sum = cpu.get(thread) ?? { cpu: 0, wall: 0, end: -Infinity };
    // Only outermost events: a nested one's time is in its parent's.
    if (e.ts >= sum.end) {
      sum.cpu += e.tdur ?? 0;
      sum.wall += e.dur ?? 0;
      sum.end = e.ts + (e.dur ?? 0);
    }
    cpu.set(thread, sum);
  }
  const lines = [...cpu]
    .filter(([, sum]) => sum.wall >= 100_000)
    .map(
      ([thread, sum]) =>
        `    ${names.get(thread) ?? thread}: CPU ${ms(sum.cpu)} ms, busy ${ms(sum.wall)} ms`,
    );
  return `  trace: CPU time by thread (those busy 100 ms or more)\n${lines.join('\n')}`;
}

export function longTasksOfTrace(trace: Buffer): string {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const mainThreads = new Set(
    traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of traceEvents) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || event.dur === undefined || !mainThreads.has(thread)) continue;
    let list = byThread.get(thread);
    if (!list) byThread.set(thread, (list = []));
    list.push(event);
  }
  const lines: string[] = [];
  for (const events of byThread.values()) {
    events.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const start = events[0]?.ts ?? 0;
    let lastEnd = -Infinity;
    for (const [index, task] of events.entries()) {
      // A task is `ThreadControllerImpl::RunTask` (toplevel) holding `RunTask`: counted once.
      if (!TASKS.has(task.name) || (task.dur ?? 0) < LONG_US || task.ts < lastEnd) continue;
      const end = task.ts + (task.dur ?? 0);
      lastEnd = end;
      // Self time: an event's duration less its direct children's (events nest on a thread).
      const self = new Map<string, number>();
      const stack: { event: TraceEvent; children: number }[] = [{ event: task, children: 0 }];
      const close = (until: number) => {
        for (;;) {
          const top = stack[stack.length - 1];
          if (!top || stack.length === 1) return;
          if (top.event.ts + (top.event.dur ?? 0) > until) return;
          stack.pop();
          const name = label(top.event);
          self.set(name, (self.get(name) ?? 0) + (top.event.dur ?? 0) - top.children);
        }
      };
      for (let next = index + 1; next < events.length; next++) {
        const event = events[next];
        if (!event || event.ts >= end) break;
        close(event.ts);
        const parent = stack[stack.length - 1];
        if (parent) parent.children += event.dur ?? 0;
        stack.push({ event, children: 0 });
      }
      close(Infinity);
      const root = stack[0];
      if (root) self.set('(task itself)', (task.dur ?? 0) - root.children);
      const top = [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([name, us]) => `${name} ${Math.round(us / 1000)}`)
        .join(', ');
      lines.push(
        `    at ${Math.round((task.ts - start) / 1000)} ms, ${ms(task.dur)} ms (CPU ${ms(task.tdur)} ms): ${top}`,
      );
    }
  }
  return `  trace: ${lines.length} tasks ≥ 50 ms on the renderers' main threads (self ms by event)\n${lines.join('\n')}`;
}
