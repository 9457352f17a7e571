/**
 * Removing a member end to end in Chromium, in English and Arabic: three profiles share the
 * demo campaign through the test server; the owner removes C ("Remove a member…": a bad
 * database name and a database the operator has not created are refused with nothing changed,
 * then the key changes and what was shared moves to the new database) and invites B again; B's
 * coalition takes the new key in place; an edit travels between the owner and B; C receives
 * nothing new, the old database gets nothing new, and the new database's documents do not open
 * under C's key (refused as foreign). Screenshots of the dialog.
 */
import { describe, expect, it } from 'vitest';
import { deriveCoalitionKeys } from '@core/coalition/coalition-key';
import { RefusedDocumentError } from '@core/coalition/errors';
import { openInvitation } from '@core/coalition/invitation';
import { openDocument } from '@core/coalition/sealed-document';
import { fromBase64 } from '@core/crypto/bytes';
import { argon2idWithWasm } from '@shared/argon2id-wasm';
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
  makeInvitation,
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

const CASES = coalitionCases({ en: 'Lighthouse Coalition', ar: 'تحالف المنارة' });

interface DatabaseState {
  rows: { doc: Record<string, unknown> }[];
}

async function documentsOf(database: string): Promise<DatabaseState['rows']> {
  const response = await fetch(`${couch.url}/${database}/_all_docs?include_docs=true`);
  expect(response.ok).toBe(true);
  return ((await response.json()) as DatabaseState).rows;
}

/** The Dashboard's count of contacts in a profile. */
async function contactsIn(page: OpenedApp['page']): Promise<number> {
  await page.getByTestId('nav-dashboard').click();
  const count = page.getByTestId('count-contacts').locator('[data-count]');
  return Number(await count.getAttribute('data-count', { timeout: 30_000 }));
}

async function updateSeq(database: string): Promise<unknown> {
  return ((await (await fetch(`${couch.url}/${database}`)).json()) as { update_seq: unknown })
    .update_seq;
}

describe.each(CASES)('removing a member in $language', (c) => {
  const t = catalogues[c.language].coalitions;
  const syncedPrefix = t.status.syncedAt.replace(/\{\{.*$/, '').trim();
  const database = `lighthouse-${c.language}`;
  const next = `${database}-2`;
  let a: OpenedApp;
  let b: OpenedApp;
  let removed: OpenedApp;
  let removedInvitation = { text: '', passphrase: '' };
  let contactsOfB = 0;

  it('three members share the demo campaign', async () => {
    await couch.createDatabase(database);
    a = await openProfile(session, c.locale);
    await loadDemoWorkspace(a.page);
    await createCoalition(a.page, { name: c.coalition, url: couch.url, database });
    const forB = await invite(a.page);
    removedInvitation = await invite(a.page);
    await shareCampaign(a.page, c.demoCampaign, c.coalition);
    b = await openProfile(session, c.locale);
    removed = await openProfile(session, c.locale);
    await join(b.page, forB.text, forB.passphrase);
    await join(removed.page, removedInvitation.text, removedInvitation.passphrase);
    await openTargets(a.page, c.demoCampaign);
    const shared = await stances(a.page);
    for (const member of [b, removed]) {
      await openTargets(member.page, c.demoCampaign);
      await expect.poll(() => stances(member.page), { timeout: 30_000 }).toEqual(shared);
    }
    contactsOfB = await contactsIn(b.page);
    expect(contactsOfB).toBeGreaterThan(0);
  });

  it('refuses a bad or missing new database, changing nothing', async () => {
    const page = a.page;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('coalition-remove-member').click();
    const form = page.getByTestId('coalition-remove-form');
    await form.waitFor();
    await form.getByTestId('coalition-remove-database').fill('Has Spaces');
    await form.getByTestId('coalition-remove-submit').click();
    await expect
      .poll(() => form.getByTestId('coalition-remove-database').getAttribute('aria-invalid'))
      .toBe('true');

    // A database the operator has not created: the push fails, the key stays.
    await form.getByTestId('coalition-remove-database').fill(`${database}-missing`);
    await form.getByTestId('coalition-remove-submit').click();
    const outcome = page.getByTestId('coalition-remove-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    expect(await outcome.getAttribute('data-ok')).toBe('false');
    const said = await outcome.innerText();
    expect(said).toContain(t.remove.problems['no-database']);
    expect(said).toContain(`\u2068${database}-missing\u2069`);
    await page.screenshot({ path: artifactPath(`coalition-remove-failed-${c.language}.png`) });
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await page.getByTestId('coalition-card').innerText()).toContain(database);
    expect(await page.getByTestId('coalition-card').innerText()).not.toContain(`${database}-`);
  });

  it('removes C: a new key and database, and B invited again keeps the same coalition', async () => {
    await couch.createDatabase(next);
    const page = a.page;
    await page.getByTestId('coalition-remove-member').click();
    const form = page.getByTestId('coalition-remove-form');
    await form.getByTestId('coalition-remove-database').fill(next);
    // The modal fades in: the screenshot waits for it.
    await page.waitForTimeout(500);
    await page.screenshot({ path: artifactPath(`coalition-remove-dialog-${c.language}.png`) });
    // Every count of changes waiting the card shows from here on, however briefly.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { pendingSeen: string[] }).pendingSeen = seen;
      setInterval(() => {
        const badge = document.querySelector('[data-testid="coalition-pending"]');
        const count = badge?.getAttribute('data-count');
        if (count && count !== seen.at(-1)) seen.push(count);
      }, 10);
    });
    await form.getByTestId('coalition-remove-submit').click();
    const done = page.getByTestId('coalition-remove-done');
    await done.waitFor({ timeout: 60_000 });
    const documents = (await documentsOf(next)).length;
    const doneText =
      (t.remove as unknown as Record<string, string>)[
        c.language === 'en' ? 'done_other' : 'done_many'
      ] ?? '';
    expect(doneText).toContain('{{n}}');
    expect(await done.innerText()).toContain(doneText.slice(0, doneText.indexOf('{{')).trim());
    expect(await done.innerText()).toContain(new Intl.NumberFormat(c.locale).format(documents));
    await page.screenshot({ path: artifactPath(`coalition-remove-done-${c.language}.png`) });
    const moved = await documentsOf(next);
    expect(moved.length).toBeGreaterThan(0);
    const stored = await serverText(couch, next);
    for (const marker of [LATIN_MARKER, ARABIC_MARKER, c.demoCampaign, c.coalition])
      expect(stored).not.toContain(marker);

    await done.getByTestId('coalition-remove-invite').click();
    const forB = await makeInvitation(page);
    await expect
      .poll(() => page.getByTestId('coalition-card').innerText(), { timeout: 20_000 })
      .toContain(next);

    await b.page.getByTestId('nav-settings').click();
    await b.page.getByTestId('coalition-join-open').click();
    const joinForm = b.page.getByTestId('coalition-join');
    await joinForm.getByTestId('coalition-join-text').fill(forB.text);
    await joinForm.getByTestId('coalition-join-passphrase').fill(forB.passphrase);
    await joinForm.getByTestId('coalition-join-submit').click();
    await expect
      .poll(() => b.page.getByTestId('coalition-card').innerText(), { timeout: 30_000 })
      .toContain(next);
    expect(await b.page.getByTestId('coalition-card').count()).toBe(1);
    expect(await b.page.getByTestId('coalition-join-outcome').innerText()).toContain(
      t.joinForm.updated.replace('{{name}}', c.coalition),
    );

    // The owner's card: synced under the new key, and no change was ever waiting (all of it
    // went to the new database during the removal).
    const status = page.getByTestId('coalition-status');
    expect(await status.textContent()).toContain(syncedPrefix);
    expect(await status.textContent()).toContain(
      `${t.status.pending}: ${new Intl.NumberFormat(c.locale).format(0)}`,
    );
    const seen = await page.evaluate(
      () => (window as unknown as { pendingSeen: string[] }).pendingSeen,
    );
    expect(seen).toEqual(['0']);
  });

  it('an edit travels between the owner and B; C gets nothing new and cannot open the new database', async () => {
    const oldSeq = await updateSeq(database);
    await openTargets(a.page, c.demoCampaign);
    await openTargets(b.page, c.demoCampaign);
    const before = await stances(a.page);
    const [first, second] = Object.keys(before) as [string, string];
    const changed = before[first] === 'opposed' ? 'champion' : 'opposed';
    await stanceControl(a.page, first).getByTestId(`stance-${changed}`).click();
    await expect
      .poll(() => stances(b.page), { timeout: 30_000 })
      .toEqual({ ...before, [first]: changed });
    const back = before[second] === 'supportive' ? 'undecided' : 'supportive';
    await stanceControl(b.page, second).getByTestId(`stance-${back}`).click();
    await expect
      .poll(() => stances(a.page), { timeout: 30_000 })
      .toEqual({ ...before, [first]: changed, [second]: back });
    // Code-named contacts kept their alias under the new key: B did not receive them twice.
    expect(await contactsIn(b.page)).toBe(contactsOfB);

    // C syncs with what it has: nothing new reaches it.
    await removed.page.getByTestId('nav-settings').click();
    await removed.page.getByTestId('coalition-sync-now').click();
    await expect
      .poll(() => removed.page.getByTestId('coalition-status').textContent(), { timeout: 30_000 })
      .toContain(syncedPrefix);
    await openTargets(removed.page, c.demoCampaign);
    expect(await stances(removed.page)).toEqual(before);
    expect(await updateSeq(database)).toEqual(oldSeq);

    // The new database's documents, under C's key: every one refused as foreign.
    const invitation = await openInvitation(
      removedInvitation.text,
      removedInvitation.passphrase,
      argon2idWithWasm,
    );
    const keys = await deriveCoalitionKeys(fromBase64(invitation.coalitionKey));
    const documents = await documentsOf(next);
    expect(documents.length).toBeGreaterThan(0);
    for (const { doc } of documents) {
      const refused = await openDocument(doc, keys).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RefusedDocumentError);
      expect((refused as RefusedDocumentError).reason).toBe('foreign');
    }
    await session.close(removed);
    await session.close(b);
    await session.close(a);
  });
});
