/**
 * Contact import and export in Chromium: a Windows-1256 CSV with Arabic headers, a CSV with
 * bad rows named and the rest imported, a vCard file, and CSV export → import into a fresh
 * workspace → export giving the same file; screenshots of the wizard in English and Arabic.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/artifacts';
import { encodeWindows1256 } from '../unit/core/transfer/fixtures';
import { useBrowserSession, type OpenedApp } from './browser-session';
import { setUpWorkspace, unlockWorkspace } from './workspace';

const session = useBrowserSession();
const { baseUrl } = session;

let app: OpenedApp;
let page: Page;

const ARABIC_CSV = encodeWindows1256(
  [
    'الاسم الأول,اسم العائلة,البريد الإلكتروني,المنصب,النوع',
    'ليلى,حداد,layla@example.org,نائبة,نائبة',
    'سارة,المصري,sara@example.org,صحفية,صحفية',
    'عمر,الخطيب,omar@example.org,متطوع,متطوع',
  ].join('\r\n') + '\r\n',
);

const BAD_ROWS_CSV = new TextEncoder().encode(
  [
    'Name,Email,Kind,Sensitive',
    'Amal Nasser,amal@example.org,ally,no',
    'Bilal Haddad,not-an-email,ally,no', // row 3
    'Carmen Diaz,carmen@example.org,journalist,yes',
    ',nobody@example.org,ally,no', // row 5
    'Dana Khoury,dana@example.org,member,no',
    'Elias Saad,elias@example.org,astronaut,no', // row 7
    'Farah Aziz,farah@example.org,volunteer,no',
    'Ghassan Tamer,ghassan@example.org,official,no',
  ].join('\n') + '\n',
);

const VCARDS = new TextEncoder().encode(
  [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'N:Mansour;Hala;;;',
    'FN:Hala Mansour',
    'EMAIL;TYPE=INTERNET,WORK:hala@example.org',
    'TEL;TYPE=CELL:+961 3 123 456',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:4.0',
    'FN:نور الهدى',
    'ORG:جمعية النور',
    'END:VCARD',
    '',
  ].join('\r\n'),
);

/** The open dialog of that test id (a closed Mantine modal leaves an empty, hidden root). */
const openDialog = (target: Page, testId: string) => target.getByTestId(testId).getByRole('dialog');

async function goToContacts(): Promise<void> {
  await page.goto(`${baseUrl}/#/contacts`);
  await page.getByTestId('contacts-import').waitFor();
}

async function openImportWith(name: string, mimeType: string, buffer: Uint8Array): Promise<void> {
  await page.getByTestId('contacts-import').click();
  await page.getByTestId('import-choose-file').waitFor();
  await page
    .getByTestId('import-file-input')
    .setInputFiles({ name, mimeType, buffer: Buffer.from(buffer) });
}

async function importAndClose(expected: number): Promise<void> {
  await page.getByTestId('import-submit').click();
  const result = page.getByTestId('import-result');
  await result.waitFor();
  expect(await result.getAttribute('data-ok')).toBe('true');
  expect(await result.getAttribute('data-count')).toBe(String(expected));
  await page.getByTestId('import-close').click();
  await openDialog(page, 'import-dialog').waitFor({ state: 'detached' });
}

async function contactNames(): Promise<string[]> {
  await page.getByTestId('contact-table').waitFor();
  return page.getByTestId('contact-link').allInnerTexts();
}

beforeAll(async () => {
  app = await session.open({ path: null });
  page = app.page;
  await page.goto(`${baseUrl}/#/dashboard`);
  await setUpWorkspace(page);
  await goToContacts();
});

afterAll(async () => {
  await session.close(app);
});

describe('importing contacts', () => {
  it('reads a Windows-1256 CSV with Arabic headers and names', async () => {
    await openImportWith('أعضاء.csv', 'text/csv', ARABIC_CSV);
    await page.getByTestId('import-mapping').waitFor();
    await expect
      .poll(() => page.getByTestId('import-encoding').inputValue())
      .toBe('Arabic (Windows-1256)');
    const fields = await page
      .getByTestId('import-mapping-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-field')));
    expect(fields).toEqual(['givenName', 'familyName', 'emails', 'title', 'kind']);
    await expect.poll(() => page.getByTestId('import-mapping').innerText()).toContain('ليلى');

    // The override re-decodes at once: as Western European the Arabic turns to nonsense.
    await page.getByTestId('import-encoding').click();
    await page.getByRole('option', { name: 'Western European (Windows-1252)' }).click();
    await expect.poll(() => page.getByTestId('import-mapping').innerText()).not.toContain('ليلى');
    await page.getByTestId('import-encoding').click();
    await page.getByRole('option', { name: 'Arabic (Windows-1256)' }).click();
    await expect.poll(() => page.getByTestId('import-mapping').innerText()).toContain('ليلى');

    await page.getByTestId('import-next').click();
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-preview-name').allInnerTexts()).toEqual([
      'ليلى حداد',
      'سارة المصري',
      'عمر الخطيب',
    ]);
    await page.getByTestId('import-no-problems').waitFor();
    await importAndClose(3);
    const names = await contactNames();
    expect(names).toEqual(expect.arrayContaining(['ليلى حداد', 'سارة المصري', 'عمر الخطيب']));
  });

  it('names the three bad rows and imports the others', async () => {
    await openImportWith('people.csv', 'text/csv', BAD_ROWS_CSV);
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-problems').waitFor();
    const problems = page.getByTestId('import-problem');
    expect(
      await problems.evaluateAll((rows) =>
        rows.map((row) => [row.getAttribute('data-row'), row.getAttribute('data-code')]),
      ),
    ).toEqual([
      ['3', 'invalid-email'],
      ['5', 'missing-name'],
      ['7', 'unknown-kind'],
    ]);
    const texts = await problems.allInnerTexts();
    // Each refused row names the person it is about, when it names anyone.
    expect(texts[0]).toMatch(/3\s+Bilal Haddad\s+Email\s+Not a valid email address\s+not-an-email/);
    expect(texts[1]).toMatch(/5\s+Name\s+No name/);
    expect(texts[2]).toMatch(/7\s+Elias Saad\s+Kind\s+Unknown kind of contact\s+astronaut/);
    expect(await page.getByTestId('import-skipped').innerText()).toContain('3');
    const summary = page.getByTestId('import-summary');
    expect(await summary.innerText()).toBe(
      '8 rows · 5 new contacts to import · 3 rows with problems, not imported',
    );
    expect(await page.getByTestId('import-submit').innerText()).toContain('Import contacts: 5');
    await importAndClose(5);
    const names = await contactNames();
    expect(names).toEqual(expect.arrayContaining(['Amal Nasser', 'Ghassan Tamer']));
    expect(names).not.toContain('Elias Saad');
    expect(names).toHaveLength(8);
  });

  it('says plainly when a file is empty, and stays on the file step', async () => {
    await openImportWith('empty.csv', 'text/csv', new Uint8Array());
    expect(await page.getByTestId('import-file-error').innerText()).toContain('This file is empty');
    await openDialog(page, 'import-dialog').getByRole('button', { name: 'Cancel' }).click();
    await openDialog(page, 'import-dialog').waitFor({ state: 'detached' });
  });

  it('imports a vCard file with several cards', async () => {
    await openImportWith('phone.vcf', 'text/vcard', VCARDS);
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-preview-name').allInnerTexts()).toEqual([
      'Hala Mansour',
      'نور الهدى',
    ]);
    await importAndClose(2);
    expect(await contactNames()).toEqual(expect.arrayContaining(['Hala Mansour', 'نور الهدى']));
  });

  it('flags rows that look like contacts already stored, and skips them by default', async () => {
    await openImportWith('again.vcf', 'text/vcard', VCARDS);
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-duplicate-badge').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('import-skip-duplicates').isChecked()).toBe(true);
    await page.getByTestId('import-cancel').click();
    await openDialog(page, 'import-dialog').waitFor({ state: 'detached' });
    expect(await contactNames()).toHaveLength(10);
  });
});

async function exportCsv(target: Page, includeSensitive: boolean) {
  await target.getByTestId('contacts-export').click();
  await openDialog(target, 'export-dialog').waitFor();
  await target.getByTestId('plain-export-warning').waitFor();
  if (includeSensitive) await target.getByTestId('export-include-sensitive').check();
  const count = Number(await target.getByTestId('export-count').getAttribute('data-count'));
  const [download] = await Promise.all([
    target.waitForEvent('download'),
    target.getByTestId('export-save').click(),
  ]);
  const file = artifactPath(`export-${Date.now()}.csv`);
  await download.saveAs(file);
  await target.getByTestId('export-outcome').waitFor();
  await target.keyboard.press('Escape');
  await openDialog(target, 'export-dialog').waitFor({ state: 'detached' });
  return { name: download.suggestedFilename(), bytes: await readFile(file), count };
}

describe('exporting contacts', () => {
  it('leaves sensitive contacts out unless ticked', async () => {
    await page.getByTestId('contacts-export').click();
    await openDialog(page, 'export-dialog').waitFor();
    expect(await page.getByTestId('export-count').getAttribute('data-count')).toBe('9');
    expect(await page.getByTestId('export-sensitive-left-out').innerText()).toContain('1');
    await page.getByTestId('export-include-sensitive').check();
    expect(await page.getByTestId('export-count').getAttribute('data-count')).toBe('10');
    await page.getByTestId('export-sensitive-included').waitFor();
    await page.keyboard.press('Escape');
    await openDialog(page, 'export-dialog').waitFor({ state: 'detached' });
  });

  it('exports CSV that imports into a fresh workspace as the same contacts', async () => {
    const first = await exportCsv(page, true);
    expect(first.name).toMatch(/^\d{4}-\d{2}-\d{2} Tadamun contacts\.csv$/);
    expect([...first.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(first.count).toBe(10);

    const other = await session.open({ path: null });
    try {
      const previous = page;
      page = other.page;
      await page.goto(`${baseUrl}/#/dashboard`);
      await setUpWorkspace(page);
      await goToContacts();
      await openImportWith(first.name, 'text/csv', first.bytes);
      await page.getByTestId('import-next').click();
      await page.getByTestId('import-no-problems').waitFor();
      await importAndClose(10);
      const second = await exportCsv(page, true);
      expect(second.bytes.toString('utf8')).toBe(first.bytes.toString('utf8'));
      page = previous;
    } finally {
      await session.close(other);
    }
  });
});

async function setLanguage(language: 'en' | 'ar'): Promise<void> {
  await page.evaluate((value) => localStorage.setItem('tadamun.uiLanguage', value), language);
  await page.reload();
  await unlockWorkspace(page);
  await goToContacts();
}

async function shoot(name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300);
    await page.screenshot({ path: artifactPath(`${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('screenshots', () => {
  it('of each step, in English and Arabic, light and dark', async () => {
    for (const language of ['en', 'ar'] as const) {
      await setLanguage(language);
      await page.getByTestId('contacts-import').click();
      await page.getByTestId('import-choose-file').waitFor();
      await shoot(`import-1-file-${language}`);
      await page.getByTestId('import-file-input').setInputFiles({
        name: 'أعضاء.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(ARABIC_CSV),
      });
      await page.getByTestId('import-mapping').waitFor();
      await shoot(`import-2-columns-${language}`);
      await page.getByTestId('import-back').click();
      await page.getByTestId('import-file-input').setInputFiles({
        name: 'people.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(BAD_ROWS_CSV),
      });
      await page.getByTestId('import-next').click();
      await page.getByTestId('import-problems').waitFor();
      // They are in the workspace already: show the rows as they would be imported.
      await page.getByTestId('import-new-duplicates').check();
      await shoot(`import-3-review-${language}`);
      await page.getByTestId('import-cancel').click();
      await openDialog(page, 'import-dialog').waitFor({ state: 'detached' });
      await page.getByTestId('contacts-export').click();
      await openDialog(page, 'export-dialog').waitFor();
      await shoot(`export-${language}`);
      await page.keyboard.press('Escape');
      await openDialog(page, 'export-dialog').waitFor({ state: 'detached' });
    }
  });
});
