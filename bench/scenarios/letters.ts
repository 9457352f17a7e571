/**
 * Letters (issue 6): 1,000 personalized one-page letters (English letter, recipients with
 * Latin and Arabic names, seeded) as one combined DOCX and as a ZIP of 1,000 DOCX files, by
 * Tadamun through the app's own worker code and by docxtemplater 3.71 + pizzip 3.3 from an
 * equivalent template, in the same browser and run (see bench/browser/letters.ts for what each
 * side does and what its time covers).
 *
 * Each measurement runs in a fresh browser context after a 20-letter warm-up of the same
 * engine; five pairs (LETTERS_BENCH_RUNS), the engines alternating which goes first; the table
 * gives each side's median and range. Before each run the page is prepared as the
 * app's generate dialog prepares itself when it opens (Tadamun's workers started and warmed:
 * the user is still choosing recipients); the time is the run's, from the click to the file. Peak memory: the resident set (VmRSS, from
 * /proc) of the browser's processes, sampled every 25 ms during the run, minus the same sum
 * just before it; the page's workers are threads of its renderer process, so they count.
 * Every output is checked: as many letters (and distinct files) as recipients, and four
 * recipients' names found in their letters; a wrong output stops the bench.
 *
 * `LETTERS_BENCH_COUNT`, `LETTERS_BENCH_RUNS` and `LETTERS_BENCH_OUTPUTS` (combined, zip) scale it
 * down while developing.
 */
import type { LetterEngine, LetterRun } from '../browser/letters';
import {
  median,
  rangeOf,
  withBaseline,
  type BenchContext,
  type BenchResult,
  type BenchScenario,
} from '../types';
import { peakRssGrowth } from './process-memory';

const COUNT = Number(process.env['LETTERS_BENCH_COUNT'] ?? 1_000);
/** Pairs of runs, the two sides alternating which goes first: a swinging baseline shows in its range. */
const RUNS = Number(process.env['LETTERS_BENCH_RUNS'] ?? 5);
const WARM_UP = 20;
/** `combined`, `zip` or both (the default), comma-separated. */
const OUTPUTS = (process.env['LETTERS_BENCH_OUTPUTS'] ?? 'combined,zip').split(',');
const MB = 1024 * 1024;
type Output = 'combined' | 'zip';

interface Figures {
  ms: number[];
  peakMb: number[];
  sizeKb: number;
  workers: number;
}

function assertComplete(engine: LetterEngine, output: Output, run: LetterRun): void {
  const problems = [
    run.letters !== COUNT && `${run.letters} letters instead of ${COUNT}`,
    output === 'zip' && run.distinctFiles !== COUNT && `${run.distinctFiles} distinct files`,
    !run.spotCheck && 'a spot-checked name is missing from its letter',
  ].filter(Boolean);
  if (problems.length) throw new Error(`letters: ${engine} ${output}: ${problems.join('; ')}`);
}

async function measure(
  context: BenchContext,
  engine: LetterEngine,
  output: Output,
  figures: Figures,
): Promise<void> {
  const bench = await context.openBenchPage();
  try {
    const prepare = () =>
      bench.page.evaluate((e) => window.tadamunBench?.letters.prepare(e), engine);
    const run = (count: number) =>
      bench.page.evaluate(([e, o, n]) => window.tadamunBench?.letters.run(e, o, n), [
        engine,
        output,
        count,
      ] as const);
    await prepare();
    await run(WARM_UP);
    await prepare();
    const { value, peak } = await peakRssGrowth(() => run(COUNT));
    if (!value) throw new Error('bench page did not answer');
    assertComplete(engine, output, value);
    figures.ms.push(value.ms);
    figures.peakMb.push(peak / MB);
    figures.sizeKb = value.bytes / 1024;
    figures.workers = value.workers;
  } finally {
    await bench.close();
  }
}

const empty = (): Figures => ({ ms: [], peakMb: [], sizeKb: 0, workers: 0 });

export const letters: BenchScenario = {
  name: 'letters',
  async run(context) {
    const results: BenchResult[] = [];
    const against = 'docxtemplater 3.71 + pizzip';
    const label = COUNT.toLocaleString('en-US');
    for (const output of ['combined', 'zip'] as const) {
      if (!OUTPUTS.includes(output)) continue;
      const figures = { tadamun: empty(), docxtemplater: empty() };
      for (let run = 0; run < RUNS; run += 1) {
        const order: LetterEngine[] =
          run % 2 ? ['docxtemplater', 'tadamun'] : ['tadamun', 'docxtemplater'];
        for (const engine of order) {
          console.error(`  letters: ${output}, ${engine}, run ${run + 1} of ${RUNS}`);
          await measure(context, engine, output, figures[engine]);
        }
      }
      const ours = figures.tadamun;
      const theirs = figures.docxtemplater;
      const what =
        output === 'combined'
          ? `${label} letters → one combined DOCX`
          : `${label} letters → ZIP of ${label} DOCX (${ours.workers} workers)`;
      const spread = (name: string, unit: string, ourValues: number[], theirValues: number[]) => ({
        ...withBaseline(
          { name: `${what}: ${name}`, unit, value: median(ourValues) },
          against,
          median(theirValues),
        ),
        range: rangeOf(ourValues),
        baselineRange: rangeOf(theirValues),
        runs: ourValues.length,
      });
      results.push(
        {
          ...spread('time', 'ms', ours.ms, theirs.ms),
          target: output === 'combined' ? '≤ 0.8x quiet, ≤ 1.0x busy' : '≤ 0.6x',
        },
        {
          ...spread('peak browser RSS growth', 'MB', ours.peakMb, theirs.peakMb),
          target: '≤ 1.5x',
        },
        withBaseline(
          { name: `${what}: file size`, unit: 'kB', value: ours.sizeKb },
          against,
          theirs.sizeKb,
        ),
      );
    }
    return results;
  },
};
