import type { Browser, Page } from 'playwright-core';

/** One figure; `ratio` is value / baselineValue, measured in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: string;
  baselineValue?: number;
  ratio?: number;
  /** The target for the ratio or value, printed beside it. */
  target?: string;
  /** Lowest and highest of the runs `value` is the median of (and the baseline's). */
  range?: readonly [number, number];
  baselineRange?: readonly [number, number];
  /** How many runs (or pairs, alternating the two sides) the medians come from. */
  runs?: number;
}

export interface BenchContext {
  /** The built renderer, served on 127.0.0.1 as in the e2e tests. */
  baseUrl: string;
  browser(): Promise<Browser>;
  /** The bench page (bench/browser, built into out/bench), served the same way. */
  benchPageUrl: string;
  /** Opens the bench page in a fresh browser context, once `window.tadamunBench` is there. */
  openBenchPage(): Promise<BenchPage>;
}

/** The bench page in its own browser context (own renderer process, empty heap). */
export interface BenchPage {
  page: Page;
  /** The page's JavaScript heap in use after two full garbage collections, in bytes. */
  usedHeapBytes(): Promise<number>;
  close(): Promise<void>;
}

export interface BenchScenario {
  name: string;
  run(context: BenchContext): Promise<BenchResult[]>;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function withBaseline(
  result: Omit<BenchResult, 'ratio' | 'baselineValue' | 'baseline'>,
  baseline: string,
  baselineValue: number,
): BenchResult {
  return { ...result, baseline, baselineValue, ratio: result.value / baselineValue };
}

export const rangeOf = (values: readonly number[]): [number, number] => [
  Math.min(...values),
  Math.max(...values),
];

/** The `fraction` quantile (0..1) by nearest rank. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) throw new Error('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? 0;
}
