/**
 * The campaign planner end to end, in English and in Arabic: create a campaign with milestones
 * and tasks, add targets by filter, change stances (whip count, stance history), log
 * interactions with follow-ups (the campaign's and the Dashboard's due lists), export the
 * campaign report as DOCX (read back with LibreOffice), delete the campaign. Screenshots of
 * the demo campaigns' Targets and Outreach tabs, light and dark.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogues } from '@shared/i18n/catalogues';
import { artifactPath } from '../helpers/artifacts';
import { checkDocx } from '../helpers/docx-check';
import { useBrowserSession, type OpenedApp } from './browser-session';
import { loadDemoWorkspace, setUpWorkspace } from './workspace';
import { formattingLocale } from '@shared/i18n/languages';

const session = useBrowserSession();

interface Case {
  language: 'en' | 'ar';
  locale: string;
  /** The demo campaign in this language, for the screenshots. */
  demoCampaign: string;
  /** The seven demo legislators sit in this chamber; two are picked by name first. */
  chamber: 'local' | 'unicameral';
  picked: [string, string];
  campaignName: string;
}

const CASES: Case[] = [
  {
    language: 'en',
    locale: 'en-US',
    demoCampaign: 'Eastbridge Fairness Ordinance',
    chamber: 'local',
    picked: ['Ortiz', 'Okafor'],
    campaignName: 'Safe Schools Act',
  },
  {
    language: 'ar',
    locale: 'ar-EG',
    demoCampaign: 'الفحص الآمن والسري حقٌّ للجميع',
    chamber: 'unicameral',
    picked: ['الخطيب', 'منصور'],
    campaignName: 'قانون المدارس الآمنة',
  },
];

const CAMPAIGN_URL = /#\/campaigns\/([0-9a-f-]{36})\/plan$/;

/** Picks an option of a Mantine Select by its label. */
async function choose(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

/** Picks the first day of a month `monthsBack` months before the current one. */
async function pickFirstOfMonth(page: Page, picker: Locator, monthsBack: number): Promise<void> {
  await picker.click();
  const dropdown = page.locator('.mantine-Popover-dropdown').filter({ has: page.locator('table') });
  for (let i = 0; i < monthsBack; i += 1) {
    await dropdown.locator('button[data-direction="previous"]').click();
  }
  await dropdown.locator('table button:not([data-outside])').first().click();
}

const targetRow = (page: Page, name: string) =>
  page.locator('[data-testid="target-row"]').filter({ hasText: name });

/** Opens a route inside the running app (a hash change: no reload, so no lock screen). */
async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, route);
}

/** A catalogue message with its placeholders filled, as i18next does. */
function fill(message: string, values: Record<string, string>): string {
  return message.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

/** The browser's local day `offset` days from now, 'YYYY-MM-DD'. */
async function localDay(page: Page, offset: number): Promise<string> {
  return page.evaluate((days) => {
    const date = new Date();
    date.setDate(date.getDate() + days);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }, offset);
}

/** A day as the app shows it (medium date style, in the UI language's one locale). */
async function shownDay(page: Page, day: string): Promise<string> {
  const locale = formattingLocale(await page.evaluate(() => document.documentElement.lang));
  return page.evaluate(
    ({ value, locale }) =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeZone: 'UTC',
      }).format(new Date(`${value}T00:00:00Z`)),
    { value: day, locale },
  );
}

/** Picks the contact option holding `part`; returns the contact's name (before " · title"). */
async function pickContact(page: Page, part: string): Promise<string> {
  const option = page.getByRole('option', { name: part });
  // The option isolates name and title (U+2068 … U+2069) so mixed scripts keep their order.
  const text = (await option.innerText()).replace(/[\u2066-\u2069]/g, '');
  const name = text.split(' · ')[0]?.trim() ?? '';
  await option.click();
  return name;
}

async function attribute(locator: Locator, name: string): Promise<string | null> {
  return locator.getAttribute(name);
}

describe.each(CASES)('campaigns in $language', (c) => {
  const t = catalogues[c.language];
  let app: OpenedApp;
  let page: Page;
  let campaignId = '';

  it('sets up a workspace with the demo data', async () => {
    app = await session.open({ locale: c.locale });
    page = app.page;
    await setUpWorkspace(page);
    await loadDemoWorkspace(page);
    await page.getByTestId('nav-campaigns').click();
    await expect.poll(() => page.getByTestId('campaign-card').count()).toBe(2);
  });

  it('shows the demo campaign’s Targets and Outreach tabs, light and dark, then deletes the demo campaigns', async () => {
    await page.getByTestId('nav-campaigns').click();
    await page
      .getByTestId('campaign-card')
      .filter({ hasText: c.demoCampaign })
      .getByTestId('campaign-link')
      .click();
    await page.getByTestId('tab-targets').click();
    await page.getByTestId('target-row').first().waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByTestId('tab-targets').click();
      await page.getByTestId('target-row').first().waitFor();
      await page.screenshot({
        path: artifactPath(`campaign-targets-${c.language}-${scheme}.png`),
        fullPage: true,
      });
      await page.getByTestId('tab-outreach').click();
      await page.getByTestId('outreach-row').first().waitFor();
      await page.screenshot({
        path: artifactPath(`campaign-outreach-${c.language}-${scheme}.png`),
        fullPage: true,
      });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByTestId('tab-plan').click();
    await page.getByTestId('milestones').waitFor();
    await page.screenshot({
      path: artifactPath(`campaign-plan-${c.language}.png`),
      fullPage: true,
    });
    await page.getByTestId('nav-campaigns').click();
    await page.getByTestId('campaign-card').first().waitFor();
    await page.screenshot({ path: artifactPath(`campaign-list-${c.language}.png`) });
    // Without the demo campaigns, the Dashboard's due list holds only this test's items.
    for (let left = 2; left > 0; left -= 1) {
      const name = await page.getByTestId('campaign-link').first().innerText();
      await page.getByTestId('campaign-link').first().click();
      await page.getByTestId('campaign-delete').click();
      await page.getByTestId('campaign-delete-name').fill(name);
      await page.getByTestId('campaign-delete-confirm').click();
      await page.waitForURL(/#\/campaigns$/);
      await expect.poll(() => page.getByTestId('campaign-card').count()).toBe(left - 1);
    }
  });

  it('creates a campaign, refusing it without a name', async () => {
    await page.getByTestId('campaign-new').click();
    await page.waitForURL(/#\/campaigns\/new$/);
    await page.getByTestId('campaign-save').click();
    await expect
      .poll(() => page.getByTestId('campaign-form').innerText())
      .toContain(t.planner.plan.required);
    await page.getByTestId('campaign-name').fill(c.campaignName);
    await page.getByTestId('campaign-goal').fill('Protect students · حماية الطلاب');
    await page.getByTestId('campaign-policyIdentifier').fill('HB 1234');
    await page.getByTestId('campaign-winThreshold').fill('50');
    await page.getByTestId('campaign-save').click();
    await page.waitForURL(CAMPAIGN_URL);
    campaignId = CAMPAIGN_URL.exec(page.url())?.[1] ?? '';
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe(c.campaignName);
  });

  it('adds milestones on the timeline and tasks, marking the overdue one', async () => {
    const add = page.getByTestId('milestone-add');
    await add.getByTestId('milestone-title').fill('Committee hearing');
    await add.getByTestId('milestone-submit').click();
    await add.getByTestId('milestone-title').fill('Coalition letter');
    await pickFirstOfMonth(page, add.getByTestId('milestone-date'), 1);
    await add.getByTestId('milestone-submit').click();
    await expect.poll(() => page.getByTestId('milestone').count()).toBe(2);
    // Dated milestones come first on the timeline.
    const first = page.getByTestId('milestone').first();
    expect(await first.innerText()).toContain('Coalition letter');
    // The box shows what is stored: it turns checked once the write commits, not at the click.
    await first.getByTestId('milestone-done').click();
    await expect.poll(() => attribute(first, 'data-done')).toBe('true');

    await page.getByTestId('task-add').click();
    await page.getByTestId('task-title').fill('Print postcards');
    await pickFirstOfMonth(page, page.getByTestId('task-due'), 1);
    await page.getByTestId('task-owner').fill(c.picked[0]);
    await page.getByRole('option').first().click();
    await page.getByTestId('task-submit').click();
    await page.getByTestId('task-add').click();
    await page.getByTestId('task-title').fill('Book a room');
    await page.getByTestId('task-submit').click();
    await expect.poll(() => page.getByTestId('task-row').count()).toBe(2);
    const overdue = page.locator('[data-testid="task-row"][data-overdue="true"]');
    expect(await overdue.count()).toBe(1);
    expect(await overdue.textContent()).toContain(t.planner.plan.overdue);
    expect(await overdue.innerText()).toContain(c.picked[0]);
  });

  it('adds targets one by one and then all those a filter finds', async () => {
    await page.getByTestId('tab-targets').click();
    await page.waitForURL(new RegExp(`#/campaigns/${campaignId}/targets$`));
    await page.getByTestId('targets-empty').waitFor();
    await page.keyboard.press('a');
    const drawer = page.getByTestId('add-targets-drawer');
    for (const name of c.picked) {
      await drawer.getByTestId('add-targets-search').fill(name);
      const row = drawer.getByTestId('add-targets-row').filter({ hasText: name });
      await expect.poll(() => drawer.getByTestId('add-targets-row').count()).toBe(1);
      await row.getByRole('checkbox').check();
      await drawer.getByTestId('add-selected').click();
      await drawer.getByTestId('add-targets-outcome').waitFor();
    }
    await drawer.getByTestId('add-targets-search').fill('');
    await choose(page, drawer.getByTestId('filter-kind'), t.contactBook.kinds.official);
    await choose(page, drawer.getByTestId('filter-chamber'), t.contactBook.chambers[c.chamber]);
    const matching = drawer.getByTestId('add-targets-matching');
    await expect.poll(() => attribute(matching, 'data-count')).toBe('7');
    expect(await attribute(matching, 'data-addable')).toBe('5');
    await drawer.getByTestId('add-all-matching').click();
    await expect.poll(() => attribute(matching, 'data-addable')).toBe('0');
    expect(await drawer.getByTestId('add-targets-outcome').getAttribute('data-ok')).toBe('true');

    // A saved filter, applied again after clearing.
    await drawer.getByTestId('filter-preset-name').fill('Legislators');
    await drawer.getByTestId('filter-preset-save').click();
    await drawer.getByTestId('filter-preset').waitFor();
    await drawer.getByTestId('add-targets-search').fill('zzzz');
    await drawer.getByTestId('filter-preset').click();
    await expect.poll(() => attribute(matching, 'data-count')).toBe('7');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await expect.poll(() => page.getByTestId('target-row').count()).toBe(7);
    const whip = page.getByTestId('whip-count');
    expect(await attribute(whip, 'data-total')).toBe('7');
    expect(await attribute(page.getByTestId('whip-unknown'), 'data-count')).toBe('7');
    expect(await attribute(page.getByTestId('whip-threshold'), 'data-needed')).toBe('4');
  });

  it('changes stances in one click or one key, updating the whip count and history', async () => {
    const [first, second] = c.picked;
    await targetRow(page, first).getByTestId('stance-champion').click();
    await expect.poll(() => attribute(targetRow(page, first), 'data-stance')).toBe('champion');
    await targetRow(page, second).getByTestId('stance-supportive').click();
    // Keys 1–6 set the stance of the focused row: 2 is "supportive".
    const third = page.locator('[data-testid="target-row"][data-stance="unknown"]').first();
    const thirdId = await attribute(third, 'data-target-id');
    await third.focus();
    await page.keyboard.press('2');
    const thirdRow = page.locator(`[data-target-id="${thirdId}"]`);
    await expect.poll(() => attribute(thirdRow, 'data-stance')).toBe('supportive');
    await page.locator('[data-testid="target-row"][data-stance="unknown"]').first().focus();
    await page.keyboard.press('5');

    const whip = page.getByTestId('whip-count');
    await expect.poll(() => attribute(whip, 'data-supportive')).toBe('3');
    await expect.poll(() => attribute(page.getByTestId('whip-hostile'), 'data-count')).toBe('1');
    expect(await attribute(page.getByTestId('whip-threshold'), 'data-missing')).toBe('1');

    await targetRow(page, first).getByTestId('stance-undecided').click();
    await expect.poll(() => attribute(whip, 'data-supportive')).toBe('2');
    await targetRow(page, first).getByTestId('stance-history-button').click();
    const entries = page.getByTestId('stance-history').getByTestId('stance-history-entry');
    await expect.poll(() => entries.count()).toBe(2);
    // Newest first.
    expect(await attribute(entries.first(), 'data-from')).toBe('champion');
    expect(await attribute(entries.first(), 'data-to')).toBe('undecided');
    expect(await attribute(entries.nth(1), 'data-from')).toBe('unknown');
    await page.keyboard.press('Escape');
  });

  it('logs interactions with follow-ups in a few keystrokes', async () => {
    await page.getByTestId('tab-outreach').click();
    await page.getByTestId('outreach-empty').waitFor();
    await page.keyboard.press('Control+i');
    const dialog = page.getByTestId('log-interaction-form');
    await dialog.getByTestId('log-save').waitFor();
    expect(await dialog.getByTestId('log-campaign').inputValue()).toBe(c.campaignName);
    // Saving without a contact names the field.
    await dialog.getByTestId('log-save').click();
    await expect.poll(() => dialog.innerText()).toContain(t.planner.outreach.contactRequired);
    await dialog.getByTestId('log-contact').fill(c.picked[0]);
    const firstName = await pickContact(page, c.picked[0]);
    expect(firstName).toContain(c.picked[0]);
    await page.keyboard.press('Alt+4');
    await dialog.getByTestId('log-outcome').fill('Agreed to meet');
    await dialog.getByTestId('log-follow-up-tomorrow').click();
    await dialog.getByTestId('log-outcome').press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    // The confirmation names what was logged, for whom, where, and the follow-up date.
    const saved = page.getByTestId('log-saved');
    await saved.waitFor();
    expect(await saved.getAttribute('data-follow-up')).toBe(await localDay(page, 1));
    const savedText = await saved.innerText();
    expect(savedText).toContain(
      fill(t.planner.outreach.loggedOutgoing, {
        kind: t.planner.interactionKinds.meeting,
        name: firstName,
      }),
    );
    expect(savedText).toContain(
      fill(t.planner.outreach.loggedCampaign, { campaign: c.campaignName }),
    );
    expect(savedText).toContain(
      fill(t.planner.outreach.loggedFollowUp, {
        date: await shownDay(page, await localDay(page, 1)),
      }),
    );
    await page.screenshot({ path: artifactPath(`campaign-logged-${c.language}.png`) });

    await page.getByTestId('outreach-log').click();
    await dialog.getByTestId('log-contact').fill(c.picked[1]);
    const secondName = await pickContact(page, c.picked[1]);
    expect(secondName).toContain(c.picked[1]);
    await dialog.getByTestId('log-kind-email').click();
    await dialog
      .getByTestId('log-direction')
      .getByText(t.planner.outreach.directions.incoming)
      .click();
    await dialog.getByTestId('log-follow-up-in-3-days').click();
    await dialog.getByTestId('log-save').click();
    await dialog.waitFor({ state: 'hidden' });
    // A new confirmation replaces the first one: a response, due in three days.
    await expect.poll(() => saved.getAttribute('data-follow-up')).toBe(await localDay(page, 3));
    expect(await saved.innerText()).toContain(
      fill(t.planner.outreach.loggedIncoming, {
        kind: t.planner.interactionKinds.email,
        name: secondName,
      }),
    );
    await saved.getByRole('button').click();
    await saved.waitFor({ state: 'detached' });

    const rows = page.getByTestId('outreach-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.locator('[data-testid="outreach-row"][data-kind="meeting"]').count()).toBe(1);
    expect(
      await page.locator('[data-testid="outreach-row"][data-direction="incoming"]').count(),
    ).toBe(1);
    const due = page.getByTestId('campaign-due');
    await expect
      .poll(() => due.locator('[data-testid="campaign-due-item"][data-kind="follow-up"]').count())
      .toBe(2);
    expect(
      await due.locator('[data-testid="campaign-due-item"][data-overdue="true"]').count(),
    ).toBe(1);

    // Filter the log by direction.
    await choose(
      page,
      page.getByTestId('outreach-direction-filter'),
      t.planner.outreach.directions.incoming,
    );
    await expect.poll(() => rows.count()).toBe(1);

    await page.getByTestId('tab-targets').click();
    const nextFollowUp = targetRow(page, c.picked[0]).getByTestId('next-follow-up');
    expect(await attribute(nextFollowUp, 'data-day')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows the follow-ups on the Dashboard’s due list', async () => {
    await page.getByTestId('nav-dashboard').click();
    const due = page.getByTestId('dashboard-due');
    await due.waitFor();
    for (const name of c.picked) {
      const items = due.locator('[data-testid="dashboard-due-item"][data-kind="follow-up"]');
      await expect.poll(() => items.filter({ hasText: name }).count()).toBeGreaterThan(0);
    }
  });

  it('exports the campaign report as DOCX with the stance table', async () => {
    await go(page, `#/campaigns/${campaignId}/targets`);
    await page.getByTestId('report-export').click();
    await page.getByTestId('plain-export-warning').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-docx').click(),
    ]);
    const path = artifactPath(`campaign-report-${c.language}.docx`);
    await download.saveAs(path);
    await page.getByTestId('report-outcome').waitFor();
    const { text } = await checkDocx(await readFile(path));
    // pdftotext puts Arabic diacritics apart from their letters: compare without them.
    const plain = (value: string) => value.replace(/[\u064B-\u0652]/g, '');
    const flat = plain(text).replace(/\s+/g, ' ');
    expect(flat).toContain(c.campaignName);
    for (const name of c.picked) expect(flat).toContain(name);
    const stances = t.planner.stances;
    for (const label of [stances.undecided, stances.supportive, stances.hostile]) {
      expect(flat).toContain(plain(label));
    }
    await page.keyboard.press('Escape');
  });

  it('deletes the campaign with its targets and interactions', async () => {
    await go(page, `#/campaigns/${campaignId}/plan`);
    await page.getByTestId('campaign-delete').click();
    await page.getByTestId('campaign-delete-name').fill(c.campaignName);
    await page.getByTestId('campaign-delete-confirm').click();
    await page.waitForURL(/#\/campaigns$/);
    await page.getByTestId('campaign-list-empty').waitFor();
    await go(page, `#/campaigns/${campaignId}/targets`);
    await page.getByTestId('campaign-not-found').waitFor();
    await session.close(app);
  });
});
