/**
 * Where a page's long tasks went, from a V8 CPU profile (CDP `Profiler`): runs of samples with
 * no idle sample between them lasting 50 ms or more, and the functions and stacks they spent
 * their time in. A development aid for the benchmarks (printed, not a figure).
 */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const LONG_MS = 50;
const TOP = 12;

export function longRunsSummary(profile: CpuProfile, stackDepth = 5): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const frame = (id: number) => {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)?.callFrame ?? {
      functionName: '?',
      url: '',
      lineNumber: 0,
      columnNumber: 0,
    };
    const file = url.split('/').pop() ?? '';
    return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1}`;
  };
  const idle = (id: number) => byId.get(id)?.callFrame.functionName === '(idle)';

  const times: number[] = [];
  let at = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((at += delta) / 1000);
  const runs: [first: number, last: number][] = [];
  let first = -1;
  profile.samples.forEach((id, index) => {
    if (!idle(id)) {
      if (first < 0) first = index;
      return;
    }
    if (first >= 0) runs.push([first, index - 1]);
    first = -1;
  });
  if (first >= 0) runs.push([first, profile.samples.length - 1]);

  const selfMs = new Map<string, number>();
  const stackMs = new Map<string, number>();
  const long: string[] = [];
  const origin = times[0] ?? 0;
  for (const [from, to] of runs) {
    const ms = (times[to + 1] ?? times[to] ?? 0) - (times[from] ?? 0);
    if (ms < LONG_MS) continue;
    const own = new Map<string, number>();
    for (let index = from; index <= to; index += 1) {
      const id = profile.samples[index] ?? 0;
      const key = `${frame(id)} < ${frame(parent.get(id) ?? 0)} < ${frame(parent.get(parent.get(id) ?? 0) ?? 0)}`;
      own.set(key, (own.get(key) ?? 0) + 1);
    }
    const [heaviest] = [...own].sort((a, b) => b[1] - a[1]);
    long.push(
      `${Math.round((times[from] ?? 0) - origin)}+${Math.round(ms)} (${heaviest?.[0] ?? ''})`,
    );
    for (let index = from; index <= to; index += 1) {
      const id = profile.samples[index] ?? 0;
      const sampleMs = (times[index + 1] ?? times[index] ?? 0) - (times[index] ?? 0);
      selfMs.set(frame(id), (selfMs.get(frame(id)) ?? 0) + sampleMs);
      const stack: string[] = [];
      let node: number | undefined = id;
      while (node !== undefined && stack.length < stackDepth) {
        stack.push(frame(node));
        node = parent.get(node);
      }
      const key = stack.join(' < ');
      stackMs.set(key, (stackMs.get(key) ?? 0) + sampleMs);
    }
  }
  const top = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([key, ms]) => `    ${Math.round(ms)} ms  ${key}`)
      .join('\n');
  return [
    `  profile: ${long.length} busy runs ≥ ${LONG_MS} ms (start+ms from the profile's start; its heaviest stack):\n    ${long.join('\n    ')}`,
    '  self time in them:',
    top(selfMs),
    '  stacks:',
    top(stackMs),
  ].join('\n');
}
