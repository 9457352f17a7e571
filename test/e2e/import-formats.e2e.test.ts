/**
 * Exports from the tools organizers use (test/fixtures/imports: Google, Outlook, Thunderbird
 * CSV and vCard, iPhone and Android vCards, an Arabic Excel CSV, a two-sheet workbook, an
 * .ods file) imported with no manual mapping, in the English and the Arabic UI; the contacts
 * are then read back field by field from a CSV export. Re-importing a file whose every row is
 * known says so, and the counts add up. Screenshots of the Arabic review and result.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/artifacts';
import { useBrowserSession, type OpenedApp } from './browser-session';
import { setUpWorkspace, unlockWorkspace } from './workspace';

const session = useBrowserSession();
const { baseUrl } = session;
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/imports');
const SHOTS = process.env.I17_SHOTS ?? '';

const openDialog = (target: Page, testId: string) => target.getByTestId(testId).getByRole('dialog');

type Row = Record<string, string>;

interface Fixture {
  file: string;
  mime: string;
  /** Contacts the import stores. */
  imported: number;
  /** The sheet to pick, for a workbook. */
  sheet?: string;
}

const FIXTURES_IN_ORDER: Fixture[] = [
  { file: 'google-contacts.csv', mime: 'text/csv', imported: 3 },
  { file: 'google-contacts-labels.csv', mime: 'text/csv', imported: 1 },
  { file: 'outlook.csv', mime: 'text/csv', imported: 2 },
  { file: 'thunderbird.csv', mime: 'text/csv', imported: 2 },
  { file: 'thunderbird.vcf', mime: 'text/vcard', imported: 1 },
  { file: 'excel-arabic-windows-1256.csv', mime: 'text/csv', imported: 3 },
  { file: 'android-2.1.vcf', mime: 'text/vcard', imported: 2 },
  { file: 'iphone-3.0.vcf', mime: 'text/vcard', imported: 1 },
  {
    file: 'workbook-two-sheets.xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    imported: 2,
  },
  {
    file: 'workbook-two-sheets.xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    imported: 1,
    sheet: 'Officials',
  },
  { file: 'libreoffice.ods', mime: 'application/vnd.oasis.opendocument.spreadsheet', imported: 1 },
];

const fixtureNamed = (file: string) =>
  FIXTURES_IN_ORDER.find((fixture) => fixture.file === file) as Fixture;

async function openImport(page: Page, fixture: Fixture): Promise<void> {
  await page.getByTestId('contacts-import').click();
  await page.getByTestId('import-choose-file').waitFor();
  await page.getByTestId('import-file-input').setInputFiles({
    name: fixture.file,
    mimeType: fixture.mime,
    buffer: await readFile(path.join(FIXTURES, fixture.file)),
  });
}

/** Imports a fixture as it comes: the columns step (if any) is passed without a change. */
async function importFixture(page: Page, fixture: Fixture): Promise<void> {
  await openImport(page, fixture);
  const columns = page.getByTestId('import-mapping');
  const preview = page.getByTestId('import-summary');
  await columns.or(preview).first().waitFor();
  if (await columns.isVisible()) {
    if (fixture.sheet) {
      await page.getByTestId('import-sheet').click();
      await page.getByRole('option', { name: fixture.sheet }).click();
      await expect.poll(() => page.getByTestId('import-sheet').inputValue()).toBe(fixture.sheet);
    }
    await page.getByTestId('import-next').click();
  }
  await preview.waitFor();
  // The fixtures share people (Thunderbird's CSV and vCard): each file is stored whole here.
  const again = page.getByTestId('import-new-duplicates');
  if (await again.count()) await again.check();
  const summary = await countsOf(page);
  expect(summary.rows, fixture.file).toBe(summary.new + summary.known + summary.problems);
  await page.getByTestId('import-submit').click();
  const result = page.getByTestId('import-result');
  await result.waitFor();
  expect(await result.getAttribute('data-ok')).toBe('true');
  expect(await result.getAttribute('data-count'), fixture.file).toBe(String(fixture.imported));
  await page.getByTestId('import-close').click();
  await openDialog(page, 'import-dialog').waitFor({ state: 'detached' });
}

async function countsOf(page: Page) {
  const summary = page.getByTestId('import-summary');
  const read = async (name: string) => Number(await summary.getAttribute(`data-${name}`));
  return {
    rows: await read('rows'),
    new: await read('new'),
    known: await read('known'),
    problems: await read('problems'),
  };
}

/** Every contact as the CSV export writes it: each field by its column. */
async function exportedContacts(page: Page): Promise<Row[]> {
  await page.getByTestId('contacts-export').click();
  await openDialog(page, 'export-dialog').waitFor();
  await page.getByTestId('export-include-sensitive').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-save').click(),
  ]);
  const file = artifactPath(`import-formats-${Date.now()}.csv`);
  await download.saveAs(file);
  await page.keyboard.press('Escape');
  await openDialog(page, 'export-dialog').waitFor({ state: 'detached' });
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  return Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;
}

/** The one exported contact that `matches`. */
function one(rows: Row[], what: string, matches: (row: Row) => boolean): Row {
  const found = rows.filter(matches);
  expect(found, what).toHaveLength(1);
  return found[0] as Row;
}
const byName = (
  rows: Row[],
  given: string,
  family: string,
  also: (row: Row) => boolean = () => true,
) =>
  one(
    rows,
    `${given} ${family}`,
    (row) => row['Given name'] === given && row['Family name'] === family && also(row),
  );

/** The fields every fixture's people must come back with, in either UI. */
function expectFieldByField(rows: Row[]): void {
  expect(byName(rows, 'Layla K.', 'Haddad')).toMatchObject({
    'Display name': '',
    Honorific: 'Dr.',
    Title: 'Policy Director',
    Organization: 'Helem',
    Emails: 'Work: layla@helem.example\nHome: layla.h@mail.example',
    Phones: 'Mobile: +961 3 123 456\nMobile: +961 70 123 456\nWork: +961 1 745 000',
    Tags: 'Allies',
    Address: 'Rue Spears 5',
    'Address city': 'Beirut',
    'Address postal code': '1107',
    'Address country': 'Lebanon',
    'Address label': 'Work',
    'Address 2': '',
    'Address 2 city': 'Jounieh',
    'Address 2 label': 'Home',
  });
  expect(byName(rows, 'Omar', 'Saleh', (row) => row.Emails !== '')).toMatchObject({
    Emails: 'Other: omar@mail.example',
    Address: '12 Hamra Street\nBeirut',
    'Address label': 'Home',
  });
  expect(byName(rows, 'Nadia R.', 'Khoury PhD')).toMatchObject({
    Organization: 'Arab Foundation for Freedoms',
    Tags: 'Researchers',
    'Address city': 'Beirut',
    'Address region': 'Beirut Governorate',
  });
  expect(byName(rows, 'Karim K.', 'Nassar')).toMatchObject({
    'Display name': '',
    Honorific: 'Dr.',
    Title: 'Program Manager',
    Organization: 'Helem',
    'Form of address': 'masculine',
    Emails: 'karim@helem.example\nk.nassar@mail.example',
    Phones: 'work: +961 1 745 000\nmobile: +961 3 222 333',
    Tags: 'Allies\nPress',
    Address: 'Rue Spears 5\nFloor 3',
    'Address label': 'work',
    'Address 2 city': 'Jounieh',
    'Address 2 label': 'home',
  });
  expect(
    byName(rows, 'Youssef', 'Amin', (row) => (row.Notes ?? '').startsWith('Nickname')),
  ).toMatchObject({
    Organization: 'Kifkif',
    Title: 'Coordinator',
    Address: 'Boulevard Zerktouni 100\nBureau 4',
    'Address city': 'Casablanca',
    'Address region': 'Casablanca-Settat',
    'Address postal code': '20000',
    'Address country': 'Morocco',
    'Address label': 'work',
    Notes: 'Nickname: Jo\nDepartment: Outreach\n\nWorks on the asylum file',
  });
  expect(byName(rows, 'Mona', 'Aziz')).toMatchObject({
    'Address city': 'Tunis',
    'Address label': 'home',
  });
  // Excel CSV from an Arabic Windows: a city alone is an address.
  expect(byName(rows, 'عمر', 'صالح')).toMatchObject({
    Country: 'الأردن',
    Address: '',
    'Address city': 'عمّان',
  });
  // Thunderbird's vCard: the same person, the nickname after the property's name.
  expect(
    byName(rows, 'Youssef', 'Amin', (row) => (row.Notes ?? '').startsWith('NICKNAME')),
  ).toMatchObject({
    Organization: 'Kifkif',
    Address: 'Bureau 4\nBoulevard Zerktouni 100',
    'Address label': 'work',
  });
  // Android 2.1: quoted-printable Arabic, soft line breaks, bare types.
  const android = (row: Row) => (row.Notes ?? '').startsWith('التقينا في المنتدى،');
  expect(byName(rows, 'ليلى', 'حداد', android)).toMatchObject({
    Organization: 'حلم',
    Phones: 'CELL: +961 3 123 456\nWORK: 01-745000',
    Address: 'شارع الحمرا',
    'Address city': 'بيروت',
    'Address country': 'لبنان',
  });
  expect(byName(rows, 'Nadia Rima', 'Khoury')).toMatchObject({
    Emails: 'other: nadia@aff.example\nCampaigns: nadia.k@mail.example',
    Websites: 'homepage: https://aff.example',
    'Address city': 'Beirut',
    'Address label': 'home',
  });
  // The workbook: the Arabic sheet by default, the officials sheet by choice.
  expect(byName(rows, 'Alex', 'Padilla')).toMatchObject({
    Honorific: 'Sen.',
    Title: 'United States Senator',
    Organization: 'United States Senate',
  });
  const nour = rows.filter((row) => row['Given name'] === 'نور' && row['Family name'] === 'الخطيب');
  expect(nour.map((row) => row.Organization)).toEqual(['Helem', 'Helem']);
  expect(rows.find((row) => row['Display name'] === 'Mona Aziz')).toMatchObject({
    Emails: 'mona@mail.example',
    'Address city': 'Tunis',
  });
}

async function freshWorkspace(language: 'en' | 'ar'): Promise<OpenedApp> {
  const app = await session.open({ path: null });
  await app.page.goto(`${baseUrl}/#/dashboard`);
  await app.page.evaluate((value) => localStorage.setItem('tadamun.uiLanguage', value), language);
  await setUpWorkspace(app.page);
  await app.page.reload();
  await unlockWorkspace(app.page);
  await app.page.goto(`${baseUrl}/#/contacts`);
  await app.page.getByTestId('contacts-import').waitFor();
  return app;
}

const apps: OpenedApp[] = [];
afterAll(async () => {
  for (const app of apps) await session.close(app);
});

describe.each(['en', 'ar'] as const)('imports with no manual mapping, %s UI', (language) => {
  let page: Page;

  it('stores every fixture’s contacts, field by field', async () => {
    const app = await freshWorkspace(language);
    apps.push(app);
    page = app.page;
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(
      language === 'ar' ? 'rtl' : 'ltr',
    );
    for (const fixture of FIXTURES_IN_ORDER) await importFixture(page, fixture);
    const rows = await exportedContacts(page);
    expect(rows).toHaveLength(19);
    expectFieldByField(rows);
  }, 240_000);

  it('says so when every row is known, with counts that add up, and can update them', async () => {
    await openImport(page, fixtureNamed('google-contacts.csv'));
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-summary').waitFor();
    await page.getByTestId('import-all-known').waitFor();
    expect(await countsOf(page)).toEqual({ rows: 3, new: 0, known: 3, problems: 0 });
    expect(await page.getByTestId('import-skip-duplicates').isChecked()).toBe(true);
    expect(await page.getByTestId('import-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('import-nothing').count()).toBe(0);
    const summary = await page.getByTestId('import-summary').innerText();
    expect(summary).toBe(
      language === 'en'
        ? '3 rows · 0 new contacts to import · 3 already in Tadamun, skipped'
        : '٣ صفوف · لا جهة اتصال جديدة للاستيراد · ٣ موجودة في تضامن وستُتخطّى',
    );
    await page.getByTestId('import-update-duplicates').check();
    if (language === 'ar' && SHOTS) {
      await page.screenshot({ path: path.join(SHOTS, 'import-review-all-known-ar.png') });
    }
    await page.getByTestId('import-submit').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.getAttribute('data-count')).toBe('0');
    expect(await page.getByTestId('import-result-updated').innerText()).toBe(
      language === 'en' ? '3 contacts already in Tadamun updated.' : 'حُدّثت ٣ جهات اتصال موجودة.',
    );
    if (language === 'ar' && SHOTS) {
      await page.screenshot({ path: path.join(SHOTS, 'import-result-ar.png') });
    }
    await page.getByTestId('import-close').click();
    await openDialog(page, 'import-dialog').waitFor({ state: 'detached' });
  });

  it('flags a phone a spreadsheet stored as a number, naming the person', async () => {
    await openImport(page, fixtureNamed('workbook-two-sheets.xlsx'));
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-problems').waitFor();
    const problem = page.locator('[data-testid="import-problem"][data-code="stored-as-number"]');
    expect(await problem.getAttribute('data-row')).toBe('3');
    expect(await problem.getByTestId('import-problem-person').innerText()).toBe('عمر صالح');
    if (language === 'ar' && SHOTS) {
      await page.screenshot({ path: path.join(SHOTS, 'import-review-problems-ar.png') });
    }
    await page.getByTestId('import-cancel').click();
    await openDialog(page, 'import-dialog').waitFor({ state: 'detached' });
  });

  it('refuses at once a file that is no table, in the UI language', async () => {
    await page.getByTestId('contacts-import').click();
    await page.getByTestId('import-file-input').setInputFiles({
      name: 'report.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'),
    });
    expect(await page.getByTestId('import-file-error').innerText()).toContain(
      language === 'en'
        ? 'Tadamun cannot read this kind of file.'
        : 'لا يستطيع تضامن قراءة هذا النوع من الملفات.',
    );
    await page.keyboard.press('Escape');
    await openDialog(page, 'import-dialog').waitFor({ state: 'detached' });
  });
});
