/** Helpers the scenarios share: a browser launched fresh on a profile, and page answers. */
import type { Page } from 'playwright-core';
import { launchPersistent, recordPageErrors } from '../../test/helpers/chromium';

/**
 * Launches Chromium on the profile (as after a restart), opens the bench page, runs `work`,
 * closes the browser; page errors are printed, under `label`, when `work` fails.
 */
export async function inFreshBrowser<T>(
  label: string,
  profile: string,
  url: string,
  work: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await launchPersistent(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = recordPageErrors(page);
    await page.goto(url);
    await page.waitForFunction(() => window.tadamunBench !== undefined);
    try {
      return await work(page);
    } catch (error) {
      if (errors.length) console.error(`  ${label}: page errors: ${errors.join('; ')}`);
      throw error;
    }
  } finally {
    await context.close();
  }
}

/** A value the bench page returned; undefined means the page's bench API was missing. */
export function answered<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('bench page did not answer');
  return value;
}
