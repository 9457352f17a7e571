/**
 * The resident memory (VmRSS, from /proc) of the browser playwright started, sampled while work
 * runs. A page's workers are threads of its renderer process, so they count with it.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** Processes descending from `root` (the browser playwright started is our child). */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended meanwhile.
    }
  }
  const found = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!found.has(pid) && found.has(ppid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  found.delete(root);
  return [...found];
}

function rssBytes(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(match?.[1] ?? 0) * 1024;
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

const isRenderer = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
  } catch {
    return false;
  }
};

/** Samples the browser's resident memory while `work` runs: peak minus the level before it. */
export async function peakRssGrowth<T>(
  work: () => Promise<T>,
): Promise<{ value: T; peak: number }> {
  const { value, growth } = await peakRss(work);
  return { value, peak: growth };
}

/**
 * Samples every 25 ms while `work` runs: the browser's processes' peak growth over the level
 * before, and the renderer processes' resident set before and at its peak (the page, its
 * workers included).
 */
export async function peakRss<T>(work: () => Promise<T>): Promise<{
  value: T;
  growth: number;
  rendererBefore: number;
  rendererPeak: number;
  /** [Date.now(), renderer resident set] of every sample. */
  rendererSamples: [number, number][];
  /**
   * Each renderer process on its own, before and at its peak, the one that peaked highest
   * first: that is the page's (the others are Chromium's own UI and a spare renderer, whose
   * shared library pages the sum above counts again).
   */
  byRenderer: { before: number; peak: number; samples: [number, number][] }[];
}> {
  const pids = descendants(process.pid);
  const renderers = pids.filter(isRenderer);
  const before = rssBytes(pids);
  let peak = before;
  const rendererBefore = rssBytes(renderers);
  let rendererPeak = rendererBefore;
  const rendererSamples: [number, number][] = [];
  const each = renderers.map((pid) => {
    const level = rssBytes([pid]);
    return { pid, before: level, peak: level, samples: [] as [number, number][] };
  });
  const sample = () => {
    peak = Math.max(peak, rssBytes(pids));
    const renderer = rssBytes(renderers);
    const now = Date.now();
    rendererSamples.push([now, renderer]);
    rendererPeak = Math.max(rendererPeak, renderer);
    for (const one of each) {
      const level = rssBytes([one.pid]);
      one.samples.push([now, level]);
      one.peak = Math.max(one.peak, level);
    }
  };
  const timer = setInterval(sample, 25);
  try {
    const value = await work();
    sample();
    const byRenderer = each
      .sort((a, b) => b.peak - a.peak)
      .map(({ before: start, peak: top, samples }) => ({ before: start, peak: top, samples }));
    return {
      value,
      growth: peak - before,
      rendererBefore,
      rendererPeak,
      rendererSamples,
      byRenderer,
    };
  } finally {
    clearInterval(timer);
  }
}
