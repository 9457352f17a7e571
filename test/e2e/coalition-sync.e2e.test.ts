/**
 * Coalition sharing end to end in Chromium, in English and Arabic: three browser profiles (each
 * its own IndexedDB) against a CouchDB-compatible server on 127.0.0.1, reached only through the
 * harness's host (main's fetcher). A creates a coalition on the server, invites B and shares the
 * demo campaign; B joins and sees it; both change stances while the server is stopped (local
 * work goes on), and after it is back both show the same stances; C joins late and catches up.
 * The server's documents hold none of the strings the test typed or the campaign's name.
 */
import { describe, expect, it } from 'vitest';
import { catalogues } from '@shared/i18n/catalogues';
import { artifactPath } from '../helpers/artifacts';
import { useBrowserSession, type OpenedApp } from './browser-session';
import {
  ARABIC_MARKER,
  LATIN_MARKER,
  coalitionCases,
  createCoalition,
  invite,
  join,
  openProfile,
  openTargets,
  serverText,
  shareCampaign,
  stanceControl,
  stances,
  useCouchServer,
} from './coalition-profiles';
import { loadDemoWorkspace } from './workspace';

const session = useBrowserSession();
const couch = useCouchServer();

const CASES = coalitionCases({ en: 'Harbor Coalition', ar: 'تحالف المرفأ' });

describe.each(CASES)('coalition sync in $language', (c) => {
  const t = catalogues[c.language].coalitions;
  const app = catalogues[c.language].app;
  const database = `harbor-${c.language}`;
  let a: OpenedApp;
  let b: OpenedApp;

  it('shares the demo campaign through the server; the member who joins sees it', async () => {
    await couch.createDatabase(database);
    a = await openProfile(session, c.locale);
    const page = a.page;
    await loadDemoWorkspace(page);
    // The header says what the app connects to: nothing, then only the coalition's server.
    expect(await page.getByTestId('network-badge').textContent()).toBe(app.offlineBadge);
    await createCoalition(page, { name: c.coalition, url: couch.url, database });
    await expect.poll(() => page.getByTestId('network-badge').textContent()).toBe(app.serverBadge);
    // Its tooltip names the server's origin, isolated inside the Arabic sentence.
    await page.getByTestId('network-badge').hover();
    await expect
      .poll(() => page.getByRole('tooltip').textContent())
      .toContain(new URL(couch.url).origin);
    await page.screenshot({ path: artifactPath(`network-badge-hint-${c.language}.png`) });
    await page.mouse.move(0, 0);
    const invitation = await invite(page);
    await shareCampaign(page, c.demoCampaign, c.coalition);

    b = await openProfile(session, c.locale);
    await join(b.page, invitation.text, invitation.passphrase);
    await openTargets(b.page, c.demoCampaign);
    await expect.poll(() => stances(b.page), { timeout: 30_000 }).toEqual(await stances(page));
    await b.page.screenshot({ path: artifactPath(`coalition-sync-joined-${c.language}.png`) });
    // B's card counts and names the campaign it received; A's, the one it shares.
    await b.page.getByTestId('nav-settings').click();
    await expect
      .poll(() => b.page.getByTestId('coalition-received-count').textContent(), {
        timeout: 20_000,
      })
      .toMatch(new RegExp(`${t.status.receivedCampaigns}:\\s*[1١]`));
    expect(await b.page.getByTestId('coalition-received-campaigns').textContent()).toContain(
      c.demoCampaign,
    );
    expect(await b.page.getByTestId('coalition-shared-campaigns').count()).toBe(0);
    await openTargets(b.page, c.demoCampaign);

    await page.getByTestId('nav-settings').click();
    expect(await page.getByTestId('coalition-shared-campaigns').textContent()).toContain(
      c.demoCampaign,
    );
    expect(await page.getByTestId('network-hint').textContent()).toContain(
      new URL(couch.url).origin,
    );
    expect(await page.getByTestId('coalition-received-count').textContent()).toMatch(
      new RegExp(`${t.status.receivedCampaigns}:\\s*[0٠]`),
    );
    await expect
      .poll(() => page.getByTestId('coalition-status').first().textContent(), { timeout: 20_000 })
      .toContain(t.status.syncedAt.replace(/\{\{.*$/, '').trim());
    const stored = await serverText(couch, database);
    expect(stored).toContain('"rows"');
    for (const marker of [LATIN_MARKER, ARABIC_MARKER, c.demoCampaign, c.coalition])
      expect(stored).not.toContain(marker);
  });

  it('edits on both sides while the server is down, and both end with the same stances', async () => {
    await openTargets(a.page, c.demoCampaign);
    const labels = Object.keys(await stances(a.page));
    expect(labels.length).toBeGreaterThan(1);
    const [first, second] = labels as [string, string];
    await couch.stop();
    try {
      // Local work goes on while the server is away.
      await stanceControl(a.page, first).getByTestId('stance-opposed').click();
      await expect
        .poll(() => stanceControl(a.page, first).locator('input:checked').getAttribute('value'))
        .toBe('opposed');
      await stanceControl(b.page, second).getByTestId('stance-champion').click();
      await expect
        .poll(() => stanceControl(b.page, second).locator('input:checked').getAttribute('value'))
        .toBe('champion');
      await a.page.getByTestId('nav-settings').click();
      await expect
        .poll(() => a.page.getByTestId('coalition-sync-problem').count(), { timeout: 30_000 })
        .toBe(1);
      expect(await a.page.getByTestId('coalition-sync-problem').innerText()).toContain(
        t.syncProblems.unreachable,
      );
      await a.page.screenshot({ path: artifactPath(`coalition-sync-offline-${c.language}.png`) });
    } finally {
      await couch.restart();
    }
    for (const page of [a.page, b.page]) {
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('coalition-sync-now').click();
    }
    await expect
      .poll(() => a.page.getByTestId('coalition-sync-problem').count(), { timeout: 30_000 })
      .toBe(0);
    await openTargets(a.page, c.demoCampaign);
    await openTargets(b.page, c.demoCampaign);
    const expected = { ...(await stances(a.page)), [second]: 'champion', [first]: 'opposed' };
    await expect.poll(() => stances(a.page), { timeout: 30_000 }).toEqual(expected);
    await expect.poll(() => stances(b.page), { timeout: 30_000 }).toEqual(expected);
  });

  it('a member who joins late catches up', async () => {
    const invitation = await invite(a.page);
    const late = await openProfile(session, c.locale);
    await join(late.page, invitation.text, invitation.passphrase);
    await openTargets(a.page, c.demoCampaign);
    await openTargets(late.page, c.demoCampaign);
    await expect.poll(() => stances(late.page), { timeout: 30_000 }).toEqual(await stances(a.page));
    await late.page.screenshot({ path: artifactPath(`coalition-sync-late-${c.language}.png`) });
    const stored = await serverText(couch, database);
    for (const marker of [LATIN_MARKER, ARABIC_MARKER, c.demoCampaign])
      expect(stored).not.toContain(marker);
    await session.close(late);
    await session.close(b);
    await session.close(a);
  });
});
