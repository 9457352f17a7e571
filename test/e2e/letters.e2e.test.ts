/**
 * Templates and letters in Chromium: an Arabic template written in the editor with merge-field
 * chips and previewed for a target; a template with errors shows where; batches of 20 letters
 * as one DOCX and as a ZIP (checked with LibreOffice and in the DOCX XML), cancelling a batch
 * half-way, letter statuses and checking a file; screenshots in English and Arabic.
 */
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/artifacts';
import { checkDocx, pdfPages, renderPng } from '../helpers/docx-check';
import { useBrowserSession, type OpenedApp } from './browser-session';
import { loadDemoWorkspace, setUpWorkspace } from './workspace';

const session = useBrowserSession();
const { baseUrl } = session;

let app: OpenedApp;
let page: Page;
let templateUrl = '';
let combinedDocx: Uint8Array = new Uint8Array();

const GIVEN = [
  'أحمد',
  'ليلى',
  'يوسف',
  'مريم',
  'كريم',
  'نور',
  'سامي',
  'هدى',
  'طارق',
  'رنا',
  'زياد',
  'دانة',
  'وليد',
  'سلوى',
  'فادي',
  'جنى',
  'باسل',
  'لينا',
  'عمر',
  'ريم',
];
const FAMILY = [
  'حداد',
  'خوري',
  'نصار',
  'عيسى',
  'منصور',
  'سعادة',
  'جابر',
  'شاهين',
  'عواد',
  'بركات',
  'قاسم',
  'الزين',
  'حمدان',
  'سلامة',
  'ناصر',
  'الحلبي',
  'صباغ',
  'عطية',
  'يونس',
  'درويش',
];
/** 400 people: the first 20 are the batch (given[i] family[i]), all of them the cancelled batch. */
const PEOPLE = GIVEN.flatMap((_, shift) =>
  GIVEN.map((given, i) => [given, FAMILY[(i + shift) % FAMILY.length] ?? ''] as const),
);
const BATCH = PEOPLE.slice(0, 20).map(([g, f]) => `${g} ${f}`);
const CSV = new TextEncoder().encode(
  ['الاسم الأول,اسم العائلة', ...PEOPLE.map(([g, f]) => `${g},${f}`)].join('\n') + '\n',
);

const AR_CAMPAIGN = 'الفحص الآمن والسري حقٌّ للجميع';
const openDialog = (testId: string) => page.getByTestId(testId).getByRole('dialog');

async function pickOption(testId: string, name: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name }).first().click();
}

async function typeInBody(text: string): Promise<void> {
  await page.keyboard.type(text);
}

async function importPeople(): Promise<void> {
  await page.goto(`${baseUrl}/#/contacts`);
  await page.getByTestId('contacts-import').click();
  await page
    .getByTestId('import-file-input')
    .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByTestId('import-mapping').waitFor();
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('import-submit').click();
  const result = page.getByTestId('import-result');
  await result.waitFor({ timeout: 120_000 });
  // A few names match people of the demo workspace and are offered as duplicates, not imported.
  expect(await result.getAttribute('data-ok')).toBe('true');
  expect(Number(await result.getAttribute('data-count'))).toBeGreaterThan(380);
  await page.getByTestId('import-close').click();
  await openDialog('import-dialog').waitFor({ state: 'detached' });
}

/** Month names of the Levant and Iraq, and of Egypt and the Gulf, January first. */
const LEVANT_MONTHS = [
  'كانون الثاني',
  'شباط',
  'آذار',
  'نيسان',
  'أيار',
  'حزيران',
  'تموز',
  'آب',
  'أيلول',
  'تشرين الأول',
  'تشرين الثاني',
  'كانون الأول',
];
const EGYPT_MONTHS = [
  'يناير',
  'فبراير',
  'مارس',
  'أبريل',
  'مايو',
  'يونيو',
  'يوليو',
  'أغسطس',
  'سبتمبر',
  'أكتوبر',
  'نوفمبر',
  'ديسمبر',
];

/** The letters' date line (the first right-aligned-to-the-end paragraph's text). */
function dateLine(xml: string): string {
  const paragraph = /<w:p>(?:(?!<\/w:p>).)*?<w:jc w:val="end"\/>(?:(?!<\/w:p>).)*<\/w:p>/.exec(xml);
  return (paragraph?.[0].match(/<w:t[^>]*>[^<]*<\/w:t>/g) ?? [])
    .map((t) => t.replace(/<[^>]+>/g, ''))
    .join('');
}

/** Opens the generate dialog from the template and picks the 20 people of the batch. */
async function chooseBatch(output: 'combined' | 'zip'): Promise<void> {
  await page.goto(templateUrl);
  await page.getByTestId('generate-letters').click();
  await openDialog('generate-dialog').waitFor();
  await pickOption('generate-campaign', AR_CAMPAIGN);
  await page.getByTestId('generate-source').locator('label', { hasText: 'Contacts' }).click();
  await page.getByTestId('generate-select-none').click();
  for (const name of BATCH) {
    await page.getByRole('checkbox', { name, exact: true }).first().check();
  }
  await expect
    .poll(() => page.getByTestId('generate-selected-count').innerText())
    .toMatch(/^20 of /);
  // The imported people have no postal address: generate with fallbacks rather than skip them.
  await page.getByTestId('generate-problems').waitFor();
  await page.getByTestId('generate-fallback').check();
  await page.getByTestId(`generate-output-${output}`).check();
  expect(await page.getByTestId('generate-start').innerText()).toBe('Generate 20 letters');
}

/** Counts every progress text the dialog shows, to prove the bar moved. */
async function watchProgress(): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="generate-progress-text"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function generateAndDownload(): Promise<{ name: string; bytes: Uint8Array }> {
  await watchProgress();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByTestId('generate-start').click(),
  ]);
  const file = artifactPath(`letters-${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  await expect
    .poll(() => page.getByTestId('generate-outcome').innerText())
    .toContain('20 letters recorded');
  const seen = await page.evaluate(
    () => (window as unknown as { progressSeen: string[] }).progressSeen,
  );
  expect(seen.some((text) => / of 20 letters$/.test(text))).toBe(true);
  await page.getByTestId('generate-close').click();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(file)) };
}

const bidiParagraphs = (xml: string) => (xml.match(/<w:bidi\/>/g) ?? []).length;

beforeAll(async () => {
  app = await session.open({ locale: 'en-US', colorScheme: 'light', path: '/#/dashboard' });
  page = app.page;
  await setUpWorkspace(page);
  await loadDemoWorkspace(page);
  await page.getByTestId('dashboard-campaign').nth(1).waitFor();
});

afterAll(async () => {
  await session.close(app);
});

describe('the template editor', () => {
  it('writes an Arabic template with merge-field chips and previews it for a target', async () => {
    await page.goto(`${baseUrl}/#/templates`);
    await page.getByTestId('template-new').click();
    await page.getByTestId('template-name').fill('رسالة إلى أعضاء اللجنة');
    await pickOption('template-language', 'Arabic');
    await page.getByTestId('template-subject').fill('بشأن مشروع القانون رقم 47 لسنة 2026');
    await page.getByTestId('template-body-editor').click();
    await typeInBody('حضرة ');
    await pickOption('body-field-picker', 'Full name');
    await page.getByTestId('template-body-editor').press('End');
    await typeInBody(' المحترم/ة، نطلب دعم مشروع القانون رقم 47 لسنة 2026 (Bill 47) في ');
    await pickOption('body-field-picker', 'Campaign name');
    await page.getByTestId('template-body-editor').press('End');
    await typeInBody('.');
    await page.getByTestId('template-body-editor').press('Enter');
    await typeInBody('مع الشكر.');
    await page.getByTestId('template-closing').fill('مع فائق الاحترام،');
    await page
      .getByTestId('template-signature')
      .fill('{{ sender.organization | default: "تضامن" }}');

    const chips = page.locator('[data-testid="template-body-editor"] .merge-field-chip');
    expect(await chips.allInnerTexts()).toEqual(['Full name', 'Campaign name']);
    // Arabic templates edit right to left; paragraphs without a set direction follow their text.
    const paragraph = page.locator('[data-testid="template-body-editor"] p').first();
    expect(await paragraph.getAttribute('dir')).toBe('auto');
    expect(
      await paragraph.evaluate((p) =>
        p.parentElement?.closest('[dir]')?.closest('[lang]')?.getAttribute('dir'),
      ),
    ).toBe('rtl');
    await page.getByTestId('template-problems-none').waitFor();

    await page.getByTestId('template-save').click();
    await page.waitForURL(/#\/templates\/[0-9a-f-]{36}$/);
    templateUrl = page.url();
    await expect.poll(() => page.getByTestId('template-version').textContent()).toBe('Version 1');

    await pickOption('preview-recipient', 'سلمى الخطيب');
    const preview = page.getByTestId('letter-preview-page');
    expect(await preview.getAttribute('dir')).toBe('rtl');
    await expect
      .poll(() => page.getByTestId('letter-preview-body').innerText())
      .toContain('سلمى الخطيب');
    expect(await page.getByTestId('letter-preview-body').innerText()).toContain(AR_CAMPAIGN);
    expect(await page.getByTestId('letter-preview-subject').innerText()).toContain('47');

    // The preview follows the typing.
    await page.locator('[data-testid="template-body-editor"] p').last().click();
    await page.getByTestId('template-body-editor').press('End');
    await typeInBody(' ونرجو الرد.');
    await expect
      .poll(() => page.getByTestId('letter-preview-body').innerText())
      .toContain('ونرجو الرد');
    await page.getByTestId('template-save').click();
    await expect.poll(() => page.getByTestId('template-version').textContent()).toBe('Version 2');
    expect(await page.getByTestId('template-history').innerText()).toContain('Version 1, saved');
    await page.screenshot({ path: artifactPath('letters-editor-en-light.png'), fullPage: true });
  }, 180_000);

  it('shows where a template has errors', async () => {
    await page.goto(`${baseUrl}/#/templates/new`);
    await page.getByTestId('template-subject').fill('About {{ target.shoe_size }}');
    await page.getByTestId('template-body-editor').click();
    await typeInBody('Dear friend,');
    await page.getByTestId('template-body-editor').press('Enter');
    await typeInBody('We ask {% if target.district %}you to vote.');
    const problems = page.getByTestId('template-problem');
    await expect.poll(() => problems.count()).toBe(2);
    const texts = await problems.allInnerTexts();
    expect(
      texts.some((t) => t.startsWith('Subject: there is no field called “target.shoe_size”')),
    ).toBe(true);
    const syntax = texts.find((t) => t.startsWith('Paragraph 2, position'));
    expect(syntax, texts.join('\n')).toBeDefined();
    expect(syntax).toContain('not closed');
    await page.screenshot({ path: artifactPath('letters-editor-errors-en.png') });
  });
});

describe('generating letters', () => {
  it('imports 400 people to write to', async () => {
    await importPeople();
  }, 180_000);

  it('makes one DOCX with a right-to-left letter per recipient, for the region picked', async () => {
    await chooseBatch('combined');
    // The workspace writes for Egypt and the Gulf; this batch is for the Levant.
    const region = page.getByTestId('generate-region');
    expect(await region.inputValue()).toMatch(/^Egypt and the Gulf/);
    await pickOption('generate-region', /^Levant and Iraq/);
    expect(await region.inputValue()).toMatch(/^Levant and Iraq/);
    const month = new Date().getMonth();
    const file = await generateAndDownload();
    combinedDocx = file.bytes;
    expect(file.name).toMatch(/^\d{4}-\d{2}-\d{2} .+\.docx$/);
    const xml = new TextDecoder().decode(unzipSync(file.bytes)['word/document.xml']);
    expect(dateLine(xml)).toContain(LEVANT_MONTHS[month]);
    expect(xml).not.toContain(EGYPT_MONTHS[month]);
    expect(xml.split(LEVANT_MONTHS[month] ?? '-').length - 1).toBe(20);
    expect(bidiParagraphs(xml)).toBeGreaterThanOrEqual(20 * 3);
    const checked = await checkDocx(file.bytes, 'combined.docx');
    expect(checked.pageCount).toBe(20);
    const texts = await pdfPages(checked.pdfPath);
    expect(texts).toHaveLength(20);
    const squash = (s: string) => s.replace(/\s+/g, '');
    BATCH.forEach((name) => {
      expect(
        texts.some((text) => squash(text).includes(squash(name))),
        name,
      ).toBe(true);
    });
    await renderPng(checked.pdfPath, artifactPath('letters-combined'), 60);
  }, 180_000);

  it('makes a ZIP with one DOCX per recipient, for the workspace’s region', async () => {
    await chooseBatch('zip');
    expect(await page.getByTestId('generate-region').inputValue()).toMatch(/^Egypt and the Gulf/);
    const month = new Date().getMonth();
    const file = await generateAndDownload();
    expect(file.name).toMatch(/\.zip$/);
    const entries = Object.entries(unzipSync(file.bytes));
    expect(entries).toHaveLength(20);
    for (const [name, bytes] of entries) {
      expect(name).toMatch(/\.docx$/);
      const xml = new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
      expect(bidiParagraphs(xml), name).toBeGreaterThan(3);
      expect(dateLine(xml), name).toContain(EGYPT_MONTHS[month]);
    }
    const first = entries.find(([name]) => name.includes(BATCH[0] ?? '-'));
    expect(first, entries.map(([n]) => n).join(', ')).toBeDefined();
    const checked = await checkDocx(first?.[1] ?? new Uint8Array(), 'one.docx');
    expect(checked.pageCount).toBe(1);
    await renderPng(checked.pdfPath, artifactPath('letters-zip-one'), 80);
  }, 180_000);

  it('cancels a batch half-way without recording anything', async () => {
    await page.goto(`${baseUrl}/#/letters`);
    await expect
      .poll(() => page.getByTestId('letters-table').getAttribute('data-count'))
      .toBe('40');
    await page.getByTestId('generate-letters').click();
    await openDialog('generate-dialog').waitFor();
    await pickOption('generate-template', 'رسالة إلى أعضاء اللجنة');
    await page.getByTestId('generate-select-all').click();
    await page.getByTestId('generate-fallback').check();
    await page.getByTestId('generate-output-zip').check();
    await page.getByTestId('generate-start').click();
    const progress = page.getByTestId('generate-progress-text');
    let done = 0;
    await expect
      .poll(
        async () => {
          done = Number(/^(\d+) of/.exec(await progress.innerText())?.[1] ?? 0);
          return done;
        },
        { timeout: 60_000, interval: 50 },
      )
      .toBeGreaterThanOrEqual(20);
    // The page answers while the worker writes letters.
    const started = Date.now();
    await page.getByTestId('generate-cancel').hover();
    expect(Date.now() - started).toBeLessThan(1_000);
    await page.getByTestId('generate-cancel').click();
    await expect
      .poll(() => page.getByTestId('generate-outcome').innerText())
      .toContain('Cancelled');
    expect(done).toBeLessThan(400);
    await page.keyboard.press('Escape');
    await openDialog('generate-dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('letters-table').getAttribute('data-count')).toBe('40');
  }, 180_000);

  it('changes a letter status and checks a file against its record', async () => {
    await page.goto(`${baseUrl}/#/letters`);
    const row = page.getByTestId('letter-row').first();
    await row.getByTestId('letter-status').selectOption({ label: 'Sent' });
    await expect
      .poll(() => page.getByTestId('letter-row').first().getAttribute('data-status'))
      .toBe('sent');

    const check = async (name: string, bytes: Uint8Array) => {
      await page.locator('input[type="file"]').setInputFiles({
        name,
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from(bytes),
      });
      return page.getByTestId('check-letter-outcome');
    };
    const outcome = await check('combined.docx', combinedDocx);
    await expect
      .poll(() => outcome.innerText())
      .toContain('is exactly the file generated with 20 letters');
    const changed = combinedDocx.slice();
    changed[changed.length - 10] = (changed[changed.length - 10] ?? 0) ^ 0xff;
    await check('changed.docx', changed);
    await expect.poll(() => outcome.innerText()).toContain('is not a file Tadamun recorded');
    expect(await outcome.getAttribute('data-ok')).toBe('false');
  });
});

describe('screenshots', () => {
  it('shows the editor, letters and letterhead settings in English, dark', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(templateUrl);
    await pickOption('preview-recipient', 'سلمى الخطيب');
    await page.getByTestId('letter-preview-page').waitFor();
    await page.screenshot({ path: artifactPath('letters-editor-en-dark.png'), fullPage: true });
    await page.goto(`${baseUrl}/#/letters`);
    await page.getByTestId('letters-table').waitFor();
    await page.screenshot({ path: artifactPath('letters-list-en-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows an Arabic starter template with its preview in Arabic, light and dark', async () => {
    const arabic = await session.open({
      locale: 'ar-LB',
      colorScheme: 'light',
      path: '/#/dashboard',
    });
    const p = arabic.page;
    await setUpWorkspace(p);
    await loadDemoWorkspace(p);
    await p.getByTestId('dashboard-campaign').nth(1).waitFor();
    await p.goto(`${baseUrl}/#/settings`);
    await p.getByTestId('letterhead-name').fill('جمعية تضامن للصحة');
    await p.getByTestId('letterhead-address').fill('شارع الحمراء 12\nبيروت');
    await p.getByTestId('letterhead-signatoryName').fill('مازن عزام');
    await p.getByTestId('letterhead-save').click();
    await p.getByTestId('letterhead-outcome').waitFor();
    await p
      .getByTestId('letterhead-section')
      .screenshot({ path: artifactPath('letterhead-ar-light.png') });
    await p.goto(`${baseUrl}/#/templates`);
    await p.getByTestId('template-starter').click();
    await p.getByTestId('starter-support-bill-ar').click();
    await p.waitForURL(/#\/templates\/[0-9a-f-]{36}$/);
    await p.getByTestId('preview-recipient').click();
    await p.getByRole('option', { name: 'سلمى الخطيب' }).first().click();
    await expect.poll(() => p.getByTestId('letter-preview-body').innerText()).toContain('الخطيب');
    expect(await p.getByTestId('letter-preview-page').innerText()).toContain('جمعية تضامن للصحة');
    await p.screenshot({ path: artifactPath('letters-editor-ar-light.png'), fullPage: true });
    await p.emulateMedia({ colorScheme: 'dark' });
    await p.screenshot({ path: artifactPath('letters-editor-ar-dark.png'), fullPage: true });
    await p.emulateMedia({ colorScheme: 'light' });
    // The generate dialog offers the Arabic letters' region, the workspace's first.
    await p.getByTestId('generate-letters').click();
    const region = p.getByTestId('generate-region');
    await region.waitFor();
    expect(await region.inputValue()).toBe('مصر والخليج (نوفمبر)');
    await region.click();
    await p.getByRole('option', { name: 'بلاد الشام والعراق (تشرين الثاني)' }).click();
    expect(await region.inputValue()).toBe('بلاد الشام والعراق (تشرين الثاني)');
    expect(await p.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await p
      .getByTestId('generate-dialog')
      .getByRole('dialog')
      .screenshot({ path: artifactPath('generate-dialog-ar-light.png') });
    await session.close(arabic);
  }, 180_000);
});
