/**
 * One Chromium per test file and one fresh context per app opened in it; closing an app asserts
 * the page logged no error (CSP violations show up as errors) and asked for nothing outside
 * the local server, so every e2e test keeps the app offline.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import {
  launchChromium,
  recordPageErrors,
  recordRequests,
  requestsOutside,
} from '../helpers/chromium';

export interface OpenedApp {
  context: BrowserContext;
  page: Page;
  errors: string[];
  requests: string[];
}

export interface OpenOptions {
  locale?: string;
  colorScheme?: 'light' | 'dark';
  /** Installs Playwright's fake clock before the app loads (idle-time tests). */
  fakeClock?: boolean;
  clipboard?: boolean;
  /** The path to open below the server's root; `null` opens nothing. */
  path?: string | null;
}

export interface BrowserSession {
  readonly baseUrl: string;
  open(options?: OpenOptions): Promise<OpenedApp>;
  close(app: OpenedApp): Promise<void>;
}

/** Registers the file's `beforeAll`/`afterAll` for one Chromium; call at the top level. */
export function useBrowserSession(): BrowserSession {
  const baseUrl = inject('baseUrl');
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    baseUrl,
    async open(options = {}) {
      if (!browser) throw new Error('open() runs inside a test, after beforeAll');
      const context = await browser.newContext({
        locale: options.locale ?? 'en-US',
        colorScheme: options.colorScheme ?? 'light',
        viewport: { width: 1280, height: 800 },
      });
      if (options.clipboard) {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      }
      const requests = recordRequests(context);
      const page = await context.newPage();
      const errors = recordPageErrors(page);
      if (options.fakeClock) await page.clock.install();
      if (options.path !== null) await page.goto(`${baseUrl}${options.path ?? '/'}`);
      return { context, page, errors, requests };
    },
    async close({ context, errors, requests }) {
      expect(errors).toEqual([]);
      expect(requestsOutside(requests, baseUrl)).toEqual([]);
      await context.close();
    },
  };
}
