/**
 * Coalition replication's transport in Chromium: the replica worker (PouchDB on IndexedDB,
 * bundled by Vite, under the app's CSP) replicates with a CouchDB-compatible server on
 * 127.0.0.1 whose requests go only through the harness's host (main's own fetcher), never
 * from the page; erasing all data deletes the replica databases with the rest.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplicaStatus } from '@renderer/app/coalition-sync/messages';
import { hostCoalitionFetch } from '../helpers/coalition-fetch-host';
import { startCouchServer, type CouchServer } from '../helpers/couch-server';
import { useBrowserSession } from './browser-session';
import { setUpWorkspace } from './workspace';

const session = useBrowserSession();
let couch: CouchServer;
beforeAll(async () => {
  couch = await startCouchServer();
});
afterAll(() => couch?.stop());

const DATABASE = 'coalition-e2e';

function lastStatus(page: Page): Promise<ReplicaStatus | undefined> {
  return page.evaluate(() => window.tadamunCoalitionSync?.statuses.at(-1));
}

function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases()).flatMap(({ name }) => (name ? [name] : [])),
  );
}

describe('coalition transport', () => {
  it('replicates in a worker through the host only; erasing all data deletes the replica', async () => {
    // Another member's sealed document, already on the server.
    const json = { 'content-type': 'application/json' };
    await fetch(`${couch.url}/${DATABASE}`, { method: 'PUT' });
    await fetch(`${couch.url}/${DATABASE}/d0c`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ v: 1, key: 'k', iv: 'aXY=', data: 'c2VhbGVk' }),
    });

    const app = await session.open({ path: null });
    await hostCoalitionFetch(app.context);
    const { page } = app;
    await page.goto(`${session.baseUrl}/harness/`);
    await page.locator('html[data-ready="true"]').waitFor();

    // The page itself cannot reach the server: its CSP allows only its own origin.
    const direct = await page.evaluate(
      (url) =>
        fetch(url).then(
          () => 'reached',
          () => 'blocked',
        ),
      `${couch.url}/${DATABASE}`,
    );
    expect(direct).toBe('blocked');
    // Those were the only errors, and expected: the CSP's report of what it blocked.
    await expect.poll(() => app.errors.length).toBeGreaterThan(0);
    for (const error of app.errors) expect(error).toMatch(/Content Security Policy/);
    app.errors.length = 0;

    const coalition = {
      coalitionId: 'e2e',
      remote: { url: couch.url, database: DATABASE, username: '', password: '' },
      live: true,
    };
    await page.evaluate((c) => window.tadamunCoalitionSync?.setCoalitions([c]), coalition);
    await expect
      .poll(() => lastStatus(page), { timeout: 20_000 })
      .toMatchObject({ state: 'synced', received: 1, pending: 0, problem: null });
    expect(await databaseNames(page)).toContain('_pouch_tadamun-coalition-e2e');

    // Live: a document arriving on the server reaches the replica without asking.
    await fetch(`${couch.url}/${DATABASE}/d0d`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ v: 1, key: 'k', iv: 'aXY=', data: 'bW9yZQ==' }),
    });
    await expect.poll(() => lastStatus(page), { timeout: 10_000 }).toMatchObject({ received: 2 });

    // The app, on the same origin: set up, then erase all data.
    await page.goto(`${session.baseUrl}/`);
    await setUpWorkspace(page);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('erase-open').click();
    await page.getByTestId('erase-confirm-word').fill('erase');
    await page.getByTestId('erase-submit').click();
    await page.getByTestId('setup-screen').waitFor();
    const left = await databaseNames(page);
    expect(left.filter((name) => name.includes('pouch') || name.includes('coalition'))).toEqual([]);

    // The app's checks on close: no page error, no request outside the app's own server.
    await session.close(app);
  });
});
