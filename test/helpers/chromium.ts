/** Debian's Chromium driven by playwright-core: no browser download, no network chatter. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { RENDERER_JS_FLAGS } from '@shared/renderer-engine';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  // The V8 flags the app gives its renderers: tests and benchmarks see its garbage collector.
  `--js-flags=${RENDERER_JS_FLAGS}`,
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A profile on disk, for tests that close the browser and look again. */
export function launchPersistent(
  userDataDir: string,
  { locale }: { locale?: string } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    ...(locale && { locale }),
  });
}

/** Records every request the pages of a context make, to assert the app stays offline. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

export function requestsOutside(urls: readonly string[], origin: string): string[] {
  return urls.filter(
    (url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'),
  );
}

/** Collects console errors and uncaught exceptions: CSP violations show up here. */
export function recordPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  return errors;
}
