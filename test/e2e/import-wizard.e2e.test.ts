/**
 * The import wizard's long steps in Chromium: checking a large file runs in a worker with a
 * progress bar and Cancel (nothing imported, the wizard back where it was), then the same
 * file is checked, cancelled while its records are prepared, and imported; screenshots of
 * every step and of the contact list in English and Arabic (light, and dark); and an import
 * whose write a full disk refuses (named in Arabic, nothing stored).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/artifacts';
import { useBrowserSession, type OpenedApp } from './browser-session';
import { loadDemoWorkspace, setLanguageAndScheme, setUpWorkspace } from './workspace';

const session = useBrowserSession();
const { baseUrl } = session;

let app: OpenedApp;
let page: Page;

const HEADER = 'الاسم الأول,اسم العائلة,البريد الإلكتروني,الهاتف,المنظمة,المنصب,النوع,الوسوم';
/** Other people each round (so they are new), and a demo contact (so one is a duplicate). */
const PEOPLE = [
  ['Maya,Haddad', 'Omar,Khoury', 'نور,حمدان'],
  ['ريم,الأحمد', 'Lina,Saleh', 'سامي,عيسى'],
  ['Dina,Farah', 'هالة,يوسف', 'Karim,Aziz'],
] as const;

function smallCsv(round: number): string {
  const [first, second, third] = PEOPLE[round % PEOPLE.length] ?? PEOPLE[0];
  return [
    HEADER,
    'سلمى,الخطيب,s.alkhatib@parliament.example.org,+999 2 555 0110,مجلس النواب,نائبة,نائبة,صحة',
    `${first},m${round}@example.org,+961 3 555 01${round},Beirut Pride,Organizer,ally,"volunteers, press"`,
    'يوسف,العلي,not-an-email,,جمعية عدالة,محامٍ,حليف,قانون',
    `${second},o${round}@example.org,,,Journalist,journalist,press`,
    ',,nobody@example.org,,,,,',
    // A demo organization's name written with other letter forms: linked to it.
    `${third},n${round}@example.org,+962 7 555 01${round},جمعيه صحه للجميع,منسّقة,عضو,"شباب، تطوع"`,
  ].join('\r\n');
}

function bigCsv(rows: number): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i += 1) {
    lines.push(
      `Name${i},Family${i % 97},p${i}@example.org,+961 3 ${100000 + i},Org ${i % 50},,ally,`,
    );
  }
  return lines.join('\r\n');
}

/** The total in the contact count's text ("Showing 1,042 of 1,042 contacts"). */
const totalIn = (text: string) => Number((text.match(/[\d,]+/g) ?? []).at(-1)?.replace(/,/g, ''));

const dialog = () => page.getByTestId('import-dialog').getByRole('dialog');

async function openImport(name: string, text: string): Promise<void> {
  await page.goto(`${baseUrl}/#/contacts`);
  await page.getByTestId('contacts-import').click();
  await page.getByTestId('import-choose-file').waitFor();
  await page
    .getByTestId('import-file-input')
    .setInputFiles(
      { name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`) },
      { timeout: 120_000 },
    );
}

async function shoot(name: string): Promise<void> {
  await page.waitForTimeout(250);
  await dialog().screenshot({ path: artifactPath(name) });
}

beforeAll(async () => {
  app = await session.open({ path: null });
  page = app.page;
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.goto(`${baseUrl}/#/dashboard`);
  await setUpWorkspace(page);
  await loadDemoWorkspace(page);
});

afterAll(async () => {
  await session.close(app);
});

/**
 * Clicks `start`, then Cancel as soon as `shown` is on the page. The page clicks, not the
 * harness: from here the click could come after a short step had ended on a busy machine.
 */
async function clickThenCancel(start: string, shown: string): Promise<void> {
  await page.evaluate(
    ([startId, shownId]) =>
      new Promise<void>((resolve) => {
        const byId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
        const cancel = () => {
          const button = byId('import-busy-cancel');
          if (!byId(shownId) || !button) return;
          observer.disconnect();
          button.click();
          resolve();
        };
        const observer = new MutationObserver(cancel);
        observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        byId(startId)?.click();
        cancel();
      }),
    [start, shown] as const,
  );
}

describe('a large file', () => {
  it('is checked in a worker with progress; Cancel while checking or preparing stores nothing', async () => {
    await page.goto(`${baseUrl}/#/contacts`);
    const before = await page.getByTestId('contact-count').innerText();
    await openImport('big.csv', bigCsv(30_000));
    await page.getByTestId('import-mapping').waitFor();
    await clickThenCancel('import-next', 'import-progress');
    await page.getByTestId('import-cancelled').waitFor();
    // Back on the columns step, with the mapping as it was.
    await page.getByTestId('import-mapping').waitFor();
    expect(await page.getByTestId('import-busy').count()).toBe(0);

    // The same file, checked to the end this time (the worker was ended: it reads it again).
    await page.getByTestId('import-next').click();
    // A picture of the progress when the check is still running (an artifact, not a check).
    await page
      .getByTestId('import-progress')
      .waitFor({ timeout: 10_000 })
      .then(() => page.screenshot({ path: artifactPath('import-checking-en-light.png') }))
      .catch(() => undefined);
    await page.getByTestId('import-submit').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('import-submit').innerText()).toMatch(/30,000|30000/);

    // Cancel while the records are prepared: nothing stored, and Import works again.
    await clickThenCancel('import-submit', 'import-busy-cancel');
    await page.getByTestId('import-cancelled').waitFor();
    expect(await page.getByTestId('contact-count').innerText()).toBe(before);
    await page.getByTestId('import-submit').click();
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.getAttribute('data-count')).toBe('30000');
    await page.getByTestId('import-close').click();
    await page.goto(`${baseUrl}/#/contacts`);
    await expect
      .poll(async () => totalIn(await page.getByTestId('contact-count').innerText()))
      .toBe(totalIn(before) + 30_000);
  });
});

describe('screenshots', () => {
  const modes = [
    ['en', 'light'],
    ['ar', 'light'],
    ['ar', 'dark'],
  ] as const;
  for (const [round, [language, scheme]] of modes.entries()) {
    it(`of every step, ${language} ${scheme}`, async () => {
      await setLanguageAndScheme(page, language, scheme);
      const suffix = `${language}-${scheme}`;
      await page.goto(`${baseUrl}/#/contacts`);
      await page.getByTestId('contacts-import').click();
      await page.getByTestId('import-choose-file').waitFor();
      await shoot(`import-file-${suffix}.png`);

      await page.getByTestId('import-file-input').setInputFiles({
        name: 'قائمة.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(smallCsv(round)),
      });
      await page.getByTestId('import-mapping').waitFor();
      await shoot(`import-columns-${suffix}.png`);

      await page.getByTestId('import-next').click();
      await page.getByTestId('import-preview').waitFor();
      // سلمى الخطيب is in the demo workspace; the others are new.
      expect(await page.getByTestId('import-duplicate-badge').count()).toBe(1);
      await shoot(`import-review-${suffix}.png`);

      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-result').waitFor();
      expect(await page.getByTestId('import-result').getAttribute('data-count')).toBe('3');
      // The demo organization, written with other letter forms, and Beirut Pride, created.
      expect(await page.getByTestId('import-result').getAttribute('data-linked')).toBe('2');
      // Beirut Pride is created by the first round's file only.
      expect(await page.getByTestId('import-result-organizations').count()).toBe(
        round === 0 ? 1 : 0,
      );
      await shoot(`import-done-${suffix}.png`);
      await page.getByTestId('import-close').click();

      await page.getByTestId('contact-table').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: artifactPath(`contacts-after-import-${suffix}.png`) });
    });
  }
});

describe('a full disk', () => {
  it('refuses the write: the result names the full disk in Arabic, and nothing is stored', async () => {
    await setLanguageAndScheme(page, 'ar', 'light');
    await page.goto(`${baseUrl}/#/contacts`);
    const before = await page.getByTestId('contact-count').innerText();
    const people = ['رنا,منصور,r.mansour@example.org', 'Tarek,Nasser,t.nasser@example.org'];
    await openImport('full-disk.csv', [HEADER, ...people.map((p) => `${p},,,,ally,`)].join('\r\n'));
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-preview').waitFor();
    // IndexedDB refuses every put from here, as it does when the disk or the quota is full.
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      Object.assign(window, { realPut: put });
      IDBObjectStore.prototype.put = function refuse() {
        throw new DOMException('Mock: the disk is full', 'QuotaExceededError');
      };
    });
    try {
      await page.getByTestId('import-submit').click();
      const result = page.getByTestId('import-result');
      await result.waitFor();
      expect(await result.getAttribute('data-ok')).toBe('false');
      expect(await result.innerText()).toContain('القرص ممتلئ');
      await shoot('import-disk-full-ar-light.png');
    } finally {
      await page.evaluate(() => {
        IDBObjectStore.prototype.put = (
          window as unknown as { realPut: IDBObjectStore['put'] }
        ).realPut;
      });
    }
    await page.getByTestId('import-close').click();
    await page.goto(`${baseUrl}/#/contacts`);
    expect(await page.getByTestId('contact-count').innerText()).toBe(before);
  });
});
