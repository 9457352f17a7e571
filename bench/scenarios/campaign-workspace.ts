/**
 * The campaign planner at scale: 100 campaigns × 500 targets × 20 interactions each
 * (1,000,000 interactions, 20,000 contacts shared between campaigns), written through the core
 * API into Chromium's IndexedDB on disk; then, in a freshly launched browser (as after a
 * restart), the time to compute one campaign's workspace (target rows, whip count, what is
 * due, outreach per week) and the Dashboard's data, median of 5 different campaigns. The
 * baseline is the naive way to get one campaign's target rows: a scan of every interaction.
 * The target: nothing in the organizer's loop takes more than 100 ms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WorkspaceScale } from '../browser/campaign-workspace';
import { answered, inFreshBrowser } from './fresh-browser';
import { median, withBaseline, type BenchScenario } from '../types';

const FULL_SCALE: WorkspaceScale = {
  campaigns: 100,
  targetsPerCampaign: 500,
  interactionsPerTarget: 20,
  contacts: 20_000,
};
const RUNS = 5;

/**
 * TADAMUN_BENCH_SCALE=0.05 shrinks the campaign count and the contact pool (not the shape of
 * one campaign), to develop the scenario quickly; the figures are at scale 1.
 */
function scaleFromEnv(): WorkspaceScale {
  const raw = process.env['TADAMUN_BENCH_SCALE'];
  const factor = raw === undefined ? 1 : Number(raw);
  if (!Number.isFinite(factor) || factor <= 0 || factor > 1) {
    throw new Error(`TADAMUN_BENCH_SCALE must be a number in (0, 1], not ${raw}`);
  }
  const campaigns = Math.max(RUNS, Math.round(FULL_SCALE.campaigns * factor));
  return {
    ...FULL_SCALE,
    campaigns,
    contacts: Math.max(
      FULL_SCALE.targetsPerCampaign,
      Math.round(FULL_SCALE.contacts * (campaigns / FULL_SCALE.campaigns)),
    ),
  };
}

const count = (value: number) => value.toLocaleString('en-US');

export const campaignWorkspace: BenchScenario = {
  name: 'campaign workspace',
  async run({ benchPageUrl }) {
    const started = performance.now();
    const size = scaleFromEnv();
    const expected = size.campaigns * size.targetsPerCampaign * size.interactionsPerTarget;
    const profile = await mkdtemp(path.join(tmpdir(), 'tadamun-bench-campaigns-'));
    try {
      console.error(
        `  campaign workspace: generating ${count(expected)} interactions through the core API`,
      );
      const generated = answered(
        await inFreshBrowser('campaign workspace', profile, benchPageUrl, (page) =>
          page.evaluate((scale) => window.tadamunBench?.campaignWorkspace.generate(scale), size),
        ),
      );
      if (generated.interactions !== expected) {
        throw new Error(`expected ${expected} interactions, got ${generated.interactions}`);
      }
      console.error(
        `  campaign workspace: generated in ${Math.round(generated.ms / 1000)} s; measuring`,
      );
      const timing = answered(
        await inFreshBrowser('campaign workspace', profile, benchPageUrl, async (page) => {
          const opened = await page.evaluate(() => window.tadamunBench?.campaignWorkspace.open());
          if (opened?.interactions !== expected)
            throw new Error('the workspace did not load whole');
          const result = await page.evaluate(
            (runs) => window.tadamunBench?.campaignWorkspace.measure(runs),
            RUNS,
          );
          await page.evaluate(() => window.tadamunBench?.campaignWorkspace.drop());
          return result;
        }),
      );
      const ms = (values: number[]) => values.map((v) => v.toFixed(1)).join(', ');
      console.error(
        `  campaign workspace: runs (ms): workspace ${ms(timing.workspaceMs)}; dashboard ` +
          `${ms(timing.dashboardMs)}; after a write ${ms(timing.afterWriteMs)}; stance change ` +
          `${ms(timing.stanceChangeMs)}; log interaction ${ms(timing.logInteractionMs)}; naive rows ` +
          `${ms(timing.baselineMs)}; index build ${timing.indexBuildMs.toFixed(0)}; ` +
          `${timing.rows} rows, ${timing.due} due on the Dashboard, ${timing.weeks} weeks; ` +
          `scenario ${Math.round((performance.now() - started) / 1000)} s`,
      );
      const baseline = `naive rows: scan ${count(expected)} interactions`;
      const scale = `${size.campaigns} campaigns × ${size.targetsPerCampaign} targets × ${size.interactionsPerTarget} interactions`;
      return [
        withBaseline(
          {
            name: `campaign workspace data, ${scale} (median of ${RUNS})`,
            value: median(timing.workspaceMs),
            unit: 'ms',
            target: '< 100 ms',
          },
          baseline,
          median(timing.baselineMs),
        ),
        withBaseline(
          {
            name: `workspace after logging an interaction (median of ${RUNS})`,
            value: median(timing.afterWriteMs),
            unit: 'ms',
            target: '< 100 ms',
          },
          baseline,
          median(timing.baselineMs),
        ),
        withBaseline(
          {
            name: `Dashboard data, ${scale} (median of ${RUNS})`,
            value: median(timing.dashboardMs),
            unit: 'ms',
            target: '< 100 ms',
          },
          baseline,
          median(timing.baselineMs),
        ),
        {
          name: `stance change: commit + workspace recomputed (median of ${RUNS})`,
          value: median(timing.stanceChangeMs),
          unit: 'ms',
          target: '< 100 ms',
        },
        {
          name: `log an interaction: commit + workspace recomputed (median of ${RUNS})`,
          value: median(timing.logInteractionMs),
          unit: 'ms',
          target: '< 100 ms',
        },
        {
          name: `planner index, built once after unlock (${count(expected)} interactions)`,
          value: timing.indexBuildMs,
          unit: 'ms',
        },
      ];
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  },
};
