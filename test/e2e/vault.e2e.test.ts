/**
 * The encrypted workspace in the built app, in Chromium: first-run setup (a weak passphrase
 * and a mismatch are refused, the recovery key is shown once), locking (button, shortcut,
 * menu, idle time) leaves nothing of the data on screen, panic clears what the app copied,
 * wrong passphrases (and the opt-in wipe after N of them), the recovery key, changing the
 * passphrase, erasing all data, and an encrypted backup's round trip; in English and Arabic.
 */
import type { Page, Worker as PageWorker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSEAL_WORKERS } from '@renderer/app/session/unsealer/unseal-worker-client';
import { artifactPath } from '../helpers/artifacts';
import { useBrowserSession, type OpenedApp } from './browser-session';
import {
  loadDemoWorkspace,
  lockWorkspace,
  readRecoveryKey,
  sendMenuCommand,
  setUpWorkspace,
  TEST_PASSPHRASE,
  tryWrongPassphrase,
  unlockWorkspace,
} from './workspace';

const session = useBrowserSession();
const { baseUrl } = session;

/** Waits until no button shows its loader. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-loading]'));
  // The loader fades out after the button stops loading.
  await page.waitForTimeout(300);
}

/** The page in the light and the dark theme, as `<name>-light.png` and `<name>-dark.png`. */
async function screenshots(page: Page, name: string, fullPage = false): Promise<void> {
  await settled(page);
  // The header is fixed: a full-page shot taken scrolled down would show it mid-page.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset['mantineColorScheme']))
      .toBe(scheme);
    // Let transitions (the strength meter's colours) settle.
    await page.waitForTimeout(250);
    await page.screenshot({ path: artifactPath(`${name}-${scheme}.png`), fullPage });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function contactCount(page: Page): Promise<number> {
  return Number(
    await page.getByTestId('count-contacts').locator('[data-count]').getAttribute('data-count'),
  );
}

async function loadDemo(page: Page): Promise<number> {
  await page.getByTestId('nav-dashboard').click();
  await loadDemoWorkspace(page);
  return contactCount(page);
}

async function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Nothing of the workspace is rendered: no navigation, no counts, no names. */
async function expectNothingShown(page: Page): Promise<void> {
  expect(await page.locator('nav').count()).toBe(0);
  expect(await page.locator('[data-testid^="count-"]').count()).toBe(0);
  expect(await page.getByTestId('contact-row').count()).toBe(0);
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/Samir Khoury|Grace Okafor|سلمى الخطيب|كريم منصور/);
}

async function openSettings(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('security-section').waitFor();
}

async function eraseAllData(page: Page, word: string): Promise<void> {
  await openSettings(page);
  await page.getByTestId('erase-open').click();
  const submit = page.getByTestId('erase-submit');
  expect(await submit.isDisabled()).toBe(true);
  await page.getByTestId('erase-confirm-word').fill('no');
  expect(await submit.isDisabled()).toBe(true);
  await page.getByTestId('erase-confirm-word').fill(word);
  await submit.click();
  await page.getByTestId('setup-screen').waitFor();
}

describe('first run, lock and unlock, in English', () => {
  let app: OpenedApp;
  let page: Page;
  let recoveryKey = '';
  let contacts = 0;
  let passphrase = TEST_PASSPHRASE;

  beforeAll(async () => {
    app = await session.open({ clipboard: true });
    page = app.page;
  });

  afterAll(async () => {
    await session.close(app);
  });

  it('refuses a weak passphrase and a mismatch, warns that a lost passphrase is lost data', async () => {
    await page.getByTestId('setup-screen').waitFor();
    expect(await page.getByTestId('gate-title').innerText()).toBe('Protect your workspace');
    expect(await page.getByTestId('setup-warning').innerText()).toMatch(
      /no recovery key, your data is lost for good/,
    );
    const submit = page.getByTestId('setup-submit');
    const field = page.getByTestId('setup-passphrase');
    const confirm = page.getByTestId('setup-confirm');

    await field.fill('password123');
    await confirm.fill('password123');
    await submit.click();
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('setup-screen').innerText()).toContain(
      'Use at least 12 characters.',
    );

    await field.fill('sunflower garden');
    await confirm.fill('sunflower garden');
    await page.locator('[data-testid="setup-strength"][data-score="3"]').waitFor();
    await submit.click();
    expect(await page.getByTestId('setup-screen').innerText()).toContain('Not strong enough yet');
    expect(await page.getByTestId('setup-strength').getAttribute('data-acceptable')).toBe('false');
    await page.screenshot({ path: artifactPath('setup-en-weak.png'), fullPage: true });

    await field.fill(passphrase);
    await confirm.fill(`${passphrase}!`);
    await page.locator('[data-testid="setup-strength"][data-acceptable="true"]').waitFor();
    await submit.click();
    await expect.poll(() => confirm.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('setup-screen').innerText()).toContain(
      'The two passphrases are not the same.',
    );
    await confirm.fill(passphrase);
    await page.getByTestId('setup-recovery-key').check();
    await screenshots(page, 'setup-en', true);
    expect(await page.getByTestId('setup-screen').count()).toBe(1);
  });

  it('shows the recovery key once, copies it, and continues only once it is stored', async () => {
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('recovery-key-screen').waitFor();
    recoveryKey = await readRecoveryKey(page);
    expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    const next = page.getByTestId('recovery-key-continue');
    expect(await next.isDisabled()).toBe(true);
    await page.getByTestId('recovery-key-copy').click();
    await expect.poll(() => readClipboard(page)).toBe(recoveryKey);
    await screenshots(page, 'recovery-key-en', true);
    await page.getByTestId('recovery-key-stored').check();
    await next.click();
    await page.getByTestId('lock-button').waitFor();
    await page.waitForURL(/#\/dashboard$/);
    contacts = await loadDemo(page);
    expect(contacts).toBeGreaterThanOrEqual(25);
  });

  it('locks from the header: nothing of the data stays on screen or in memory', async () => {
    // Something the page holds in memory, as a module keeps the last logged interaction.
    await page.evaluate(() => {
      (window as { heldInMemory?: string }).heldInMemory = 'a note';
    });
    await lockWorkspace(page);
    await expectNothingShown(page);
    // A fresh page after the lock: the heap that held the data is gone.
    expect(await page.evaluate(() => (window as { heldInMemory?: string }).heldInMemory)).toBe(
      undefined,
    );
    expect(await page.getByTestId('gate-title').innerText()).toBe('Tadamun is locked');
    expect(await page.getByTestId('unlock-attempts-left').count()).toBe(0);
    await screenshots(page, 'lock-en');
  });

  it('refuses a wrong passphrase, then opens the same data with the right one', async () => {
    await tryWrongPassphrase(page, 'olive lantern harbor sing');
    await page.getByText('This passphrase is not correct.').waitFor();
    expect(await page.getByTestId('unlock-passphrase').inputValue()).toBe('');
    // Wipe is off: no countdown.
    expect(await page.getByTestId('unlock-attempts-left').count()).toBe(0);
    await settled(page);
    await page.screenshot({ path: artifactPath('lock-en-wrong.png') });
    let unsealWorkers = 0;
    let unsealWorkersEnded = 0;
    const onWorker = (worker: PageWorker) => {
      if (!worker.url().includes('unseal.worker')) return;
      unsealWorkers += 1;
      worker.on('close', () => (unsealWorkersEnded += 1));
    };
    page.on('worker', onWorker);
    await unlockWorkspace(page, passphrase);
    page.off('worker', onWorker);
    // The rows were decrypted in the unseal workers, which end (with the key) once open.
    expect(unsealWorkers).toBe(UNSEAL_WORKERS);
    await expect.poll(() => unsealWorkersEnded).toBe(UNSEAL_WORKERS);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('count-contacts').waitFor();
    expect(await contactCount(page)).toBe(contacts);
    // A reload forgets the key too: the app comes back locked.
    await page.reload();
    await page.getByTestId('lock-screen').waitFor();
    await expectNothingShown(page);
    await unlockWorkspace(page, passphrase);
  });

  it('panics from its shortcut: locks at once and clears text copied from the app', async () => {
    await page.goto(`${baseUrl}/#/contacts`);
    // A plain cell's text (a triple click on the name would follow its link).
    const name = page.getByTestId('contact-row').first().locator('span[dir="auto"][title]').first();
    await name.click({ clickCount: 3 });
    await page.keyboard.press('Control+C');
    const copied = await readClipboard(page);
    expect(copied.trim()).not.toBe('');
    expect(await name.innerText()).toContain(copied.trim());

    await page.keyboard.press('Control+Shift+H');
    await page.getByTestId('lock-screen').waitFor();
    await expectNothingShown(page);
    await expect.poll(() => readClipboard(page)).toBe('');
  });

  it('leaves the clipboard alone when it holds text the app did not copy', async () => {
    // Copied from the app, then replaced by another program.
    await page.getByTestId('gate-title').click({ clickCount: 3 });
    await page.keyboard.press('Control+C');
    await expect.poll(async () => (await readClipboard(page)).trim()).toBe('Tadamun is locked');
    await page.evaluate(() => navigator.clipboard.writeText('from another program'));
    await sendMenuCommand(page, { type: 'panic' });
    await page.waitForTimeout(300);
    expect(await readClipboard(page)).toBe('from another program');
  });

  it('locks on the menu command (the system suspending) and on Ctrl+L', async () => {
    await unlockWorkspace(page, passphrase);
    await sendMenuCommand(page, { type: 'lock', reason: 'suspend' });
    await page.getByTestId('lock-screen').waitFor();
    await expectNothingShown(page);
    await unlockWorkspace(page, passphrase);
    await sendMenuCommand(page, { type: 'panic' });
    await page.getByTestId('lock-screen').waitFor();
    await unlockWorkspace(page, passphrase);
    await page.keyboard.press('Control+L');
    await page.getByTestId('lock-screen').waitFor();
  });

  it('opens with the recovery key, which sets a new passphrase', async () => {
    await page.getByTestId('unlock-use-recovery-key').click();
    await page.getByTestId('recover-screen').waitFor();
    const key = page.getByTestId('recover-key');
    const next = 'copper meadow violin thunder';
    await key.fill('not a key');
    await page.getByTestId('recover-passphrase').fill(next);
    await page.getByTestId('recover-confirm').fill(next);
    await page.getByTestId('recover-submit').click();
    await page.getByText('A recovery key has 32 letters and digits').waitFor();
    // The right shape, the wrong key.
    await key.fill('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789');
    await page.getByTestId('recover-submit').click();
    await page.getByText('This recovery key does not open this workspace.').waitFor();
    await settled(page);
    await page.screenshot({ path: artifactPath('recover-en.png'), fullPage: true });
    // Typed in lower case without dashes, as someone reading it from paper might.
    await key.fill(recoveryKey.replace(/-/g, ' ').toLowerCase());
    await page.getByTestId('recover-submit').click();
    // The data key was replaced: a new recovery key, and the one just used opens nothing.
    await page.getByTestId('recovery-key-screen').waitFor();
    await page.getByText('the old one no longer opens anything').waitFor();
    const replaced = await readRecoveryKey(page);
    expect(replaced).not.toBe(recoveryKey);
    recoveryKey = replaced;
    await page.getByTestId('recovery-key-stored').check();
    await page.getByTestId('recovery-key-continue').click();
    await page.getByTestId('lock-button').waitFor();
    await lockWorkspace(page);
    await tryWrongPassphrase(page, passphrase);
    await page.getByText('This passphrase is not correct.').waitFor();
    passphrase = next;
    await unlockWorkspace(page, passphrase);
  });

  it('changes the passphrase in Settings: the old one stops working', async () => {
    await openSettings(page);
    await screenshots(page, 'security-settings-en', true);
    const form = page.getByTestId('change-passphrase-form');
    const next = 'granite pelican orbit lemonade';
    await page.getByTestId('change-current').fill('not the passphrase');
    await page.getByTestId('change-passphrase').fill(next);
    await page.getByTestId('change-confirm').fill(next);
    await page.getByTestId('change-submit').click();
    await form.getByText('The current passphrase is not correct.').waitFor();
    await page.getByTestId('change-current').fill(passphrase);
    await page.getByTestId('change-submit').click();
    // A new data key comes with a new recovery key, shown once in place of the form.
    await page.getByTestId('recovery-key-panel').waitFor();
    const replaced = await readRecoveryKey(page);
    expect(replaced).not.toBe(recoveryKey);
    recoveryKey = replaced;
    await page.getByTestId('recovery-key-stored').check();
    await page.getByTestId('recovery-key-continue').click();
    await page.getByTestId('change-done').waitFor();
    expect(await page.getByTestId('change-current').inputValue()).toBe('');
    await lockWorkspace(page);
    await tryWrongPassphrase(page, passphrase);
    await page.getByText('This passphrase is not correct.').waitFor();
    passphrase = next;
    await unlockWorkspace(page, passphrase);
  });

  it('erases all data after the typed confirmation: back to a first run', async () => {
    await page.evaluate(() => localStorage.setItem('tadamun.autoLockMinutes', '15'));
    await eraseAllData(page, 'erase');
    expect(await page.evaluate(() => localStorage.getItem('tadamun.autoLockMinutes'))).toBeNull();
    const fresh = 'walnut comet ribbon harvest';
    await setUpWorkspace(page, fresh);
    // Empty again: the demo is offered.
    await page.getByTestId('demo-offer').waitFor();
    await lockWorkspace(page);
    await tryWrongPassphrase(page, passphrase);
    await page.getByText('This passphrase is not correct.').waitFor();
    await unlockWorkspace(page, fresh);
    await page.getByTestId('demo-offer').waitFor();
  });
});

describe('wipe after wrong passphrases', () => {
  it('is off by default; when set to 3, the third wrong passphrase erases the workspace', async () => {
    const app = await session.open();
    const { page } = app;
    await setUpWorkspace(page);
    await loadDemo(page);
    await openSettings(page);
    const toggle = page.getByTestId('wipe-switch');
    expect(await toggle.isChecked()).toBe(false);
    expect(await page.getByTestId('wipe-warning').count()).toBe(0);
    await toggle.check();
    await page.getByTestId('wipe-warning').waitFor();
    await page.getByTestId('wipe-count').fill('3');
    await expect
      .poll(() => page.getByTestId('wipe-warning').innerText())
      .toContain('After 3 wrong passphrases in a row');
    await page.getByTestId('wipe-status').waitFor();
    // The stored setting survives leaving and coming back.
    await page.getByTestId('nav-dashboard').click();
    await openSettings(page);
    await expect.poll(() => page.getByTestId('wipe-switch').isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('wipe-count').inputValue()).toBe('3');

    // Someone who can write the disk disarms it in the key file: found and undone at unlock.
    await lockWorkspace(page);
    await page.evaluate(() => {
      const file = JSON.parse(localStorage.getItem('tadamun.keyFile') ?? '{}') as {
        lockout: { wipeAfter: number | null };
      };
      file.lockout.wipeAfter = null;
      localStorage.setItem('tadamun.keyFile', JSON.stringify(file));
    });
    await page.getByTestId('unlock-passphrase').fill(TEST_PASSPHRASE);
    await page.getByTestId('unlock-submit').click();
    const altered = page.getByTestId('lockout-altered-body');
    await altered.waitFor();
    expect(await altered.innerText()).toContain('found set to “never”');
    expect(await altered.innerText()).toContain('the setting you chose is “3”');
    await page.getByTestId('lockout-altered-continue').click();
    await page.getByTestId('lock-button').waitFor();

    await lockWorkspace(page);
    const left = page.getByTestId('unlock-attempts-left');
    // Each try costs two Argon2id derivations: seconds on a loaded machine, not poll's 1 s.
    const answered = { timeout: 30_000 };
    await tryWrongPassphrase(page, 'wrong one');
    await expect.poll(() => left.getAttribute('data-attempts-left'), answered).toBe('2');
    await tryWrongPassphrase(page, 'wrong two');
    await expect.poll(() => left.getAttribute('data-attempts-left'), answered).toBe('1');
    expect(await left.innerText()).toContain('Attempts left before the workspace is erased: 1');
    await settled(page);
    await page.screenshot({ path: artifactPath('lock-en-attempts-left.png') });
    // A reload does not reset the count.
    await page.reload();
    await page.getByTestId('lock-screen').waitFor();
    expect(await left.getAttribute('data-attempts-left')).toBe('1');
    await page.evaluate(() => localStorage.setItem('tadamun.autoLockMinutes', '15'));
    await tryWrongPassphrase(page, 'wrong three');
    await page.getByTestId('setup-wiped').waitFor();
    // Erased like "Erase all data": no key file, nothing left in local storage.
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await page.screenshot({ path: artifactPath('setup-en-wiped.png'), fullPage: true });
    await setUpWorkspace(page, 'walnut comet ribbon harvest');
    await page.getByTestId('demo-offer').waitFor();
    await session.close(app);
  });
});

describe('auto-lock', () => {
  it('locks after 5 idle minutes by default, counting from the last activity', async () => {
    const app = await session.open({ fakeClock: true });
    const { page } = app;
    await setUpWorkspace(page);
    const locked = () => page.getByTestId('lock-screen').count();
    await page.clock.fastForward('04:30');
    expect(await locked()).toBe(0);
    await page.mouse.move(400, 300);
    await page.mouse.move(420, 320);
    await page.clock.fastForward('04:30');
    expect(await locked()).toBe(0);
    await page.clock.fastForward('01:00');
    await page.getByTestId('lock-screen').waitFor();
    await expectNothingShown(page);

    // One minute, chosen in Settings.
    await unlockWorkspace(page);
    await openSettings(page);
    await page.getByTestId('auto-lock-switch').getByText('1 minute').click();
    expect(await page.evaluate(() => localStorage.getItem('tadamun.autoLockMinutes'))).toBe('1');
    await page.clock.fastForward('00:50');
    expect(await locked()).toBe(0);
    await page.clock.fastForward('00:15');
    await page.getByTestId('lock-screen').waitFor();
    await session.close(app);
  });
});

describe('encrypted backup', () => {
  it('round trip: create, erase everything, set up afresh, restore', async () => {
    const app = await session.open();
    const { page } = app;
    await setUpWorkspace(page);
    const contacts = await loadDemo(page);
    await openSettings(page);

    // The backup passphrase must be strong too.
    const backupPassphrase = 'quiet river maple seventeen';
    await page.getByTestId('backup-passphrase').fill('short');
    await page.getByTestId('backup-confirm').fill('short');
    await page.getByTestId('backup-create-submit').click();
    await expect
      .poll(() => page.getByTestId('backup-passphrase').getAttribute('aria-invalid'))
      .toBe('true');
    await page.getByTestId('backup-passphrase').fill(backupPassphrase);
    await page.getByTestId('backup-confirm').fill(backupPassphrase);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('backup-create-submit').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^Tadamun backup \d{4}-\d{2}-\d{2}\.tadamun-backup$/,
    );
    const file = artifactPath('e2e.tadamun-backup');
    await download.saveAs(file);
    await page.getByTestId('backup-create-outcome').waitFor();
    expect(await page.getByTestId('backup-create-outcome').getAttribute('data-ok')).toBe('true');

    // Restoring over data needs the replace confirmation.
    await page.getByTestId('backup-restore').locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('restore-passphrase').fill('not the backup passphrase');
    await page.getByTestId('restore-submit').click();
    await expect
      .poll(() => page.getByTestId('restore-replace').getAttribute('aria-invalid'))
      .toBe('true');
    expect(await page.getByTestId('restore-outcome').count()).toBe(0);
    await page.getByTestId('restore-replace').check();
    await page.getByTestId('restore-submit').click();
    await page.getByTestId('restore-outcome').waitFor();
    expect(await page.getByTestId('restore-outcome').innerText()).toContain(
      'the passphrase is wrong, or the file was altered or damaged. Nothing was changed.',
    );

    await eraseAllData(page, 'ERASE');
    await setUpWorkspace(page, 'walnut comet ribbon harvest');
    await page.getByTestId('demo-offer').waitFor();
    await openSettings(page);
    // Empty workspace: no replace confirmation needed.
    expect(await page.getByTestId('restore-replace').count()).toBe(0);
    await page.getByTestId('backup-restore').locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('restore-passphrase').fill(backupPassphrase);
    await page.getByTestId('restore-submit').click();
    await page.getByTestId('restore-outcome').waitFor();
    expect(await page.getByTestId('restore-outcome').getAttribute('data-ok')).toBe('true');
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('count-contacts').waitFor();
    expect(await contactCount(page)).toBe(contacts);
    await session.close(app);
  });
});

describe('in Arabic, right to left', () => {
  let app: OpenedApp;
  let page: Page;

  beforeAll(async () => {
    app = await session.open({ locale: 'ar-EG' });
    page = app.page;
  });

  afterAll(async () => {
    await session.close(app);
  });

  it('sets up with Arabic labels and messages, refusing a weak passphrase', async () => {
    await page.getByTestId('setup-screen').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByTestId('gate-title').innerText()).toBe('احمِ مساحة عملك');
    await page.getByTestId('setup-passphrase').fill('كلمة السر');
    await page.getByTestId('setup-confirm').fill('كلمة السر');
    await page.getByTestId('setup-submit').click();
    await page.getByText(/^استخدم (12|١٢) حرفًا على الأقل\.$/).waitFor();
    const passphrase = 'حرية ومساواة للجميع دائما';
    await page.getByTestId('setup-passphrase').fill(passphrase);
    await page.getByTestId('setup-confirm').fill(passphrase);
    await page.locator('[data-testid="setup-strength"][data-acceptable="true"]').waitFor();
    expect(await page.getByTestId('setup-strength').innerText()).toContain('القوة: قوية');
    await page.getByTestId('setup-recovery-key').check();
    await screenshots(page, 'setup-ar', true);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('recovery-key-screen').waitFor();
    expect(await page.getByTestId('gate-title').innerText()).toBe('مفتاح الاسترداد الخاص بك');
    await screenshots(page, 'recovery-key-ar', true);
    await page.getByTestId('recovery-key-stored').check();
    await page.getByTestId('recovery-key-continue').click();
    await page.getByTestId('lock-button').waitFor();
    expect(await page.getByTestId('lock-button').innerText()).toBe('قفل');
    await loadDemo(page);
  });

  it('locks and unlocks in Arabic', async () => {
    await lockWorkspace(page);
    await expectNothingShown(page);
    expect(await page.getByTestId('gate-title').innerText()).toBe('تضامن مقفل');
    await screenshots(page, 'lock-ar');
    await tryWrongPassphrase(page, 'عبارة خاطئة');
    await page.getByText('عبارة المرور هذه غير صحيحة.').waitFor();
    await settled(page);
    await page.screenshot({ path: artifactPath('lock-ar-wrong.png') });
    await unlockWorkspace(page, 'حرية ومساواة للجميع دائما');
    await page.getByTestId('count-contacts').waitFor();
  });

  it('shows the security settings in Arabic and erases with the Arabic word', async () => {
    await openSettings(page);
    await page.getByTestId('wipe-switch').check();
    await page.getByTestId('wipe-warning').waitFor();
    expect(await page.getByTestId('wipe-warning').innerText()).toMatch(
      /^بعد (10|١٠) عبارات مرور خاطئة متتالية، يمسح تضامن/,
    );
    await screenshots(page, 'security-settings-ar', true);
    await page.getByTestId('erase-open').click();
    await page.getByTestId('erase-confirm-word').fill('ERASE');
    expect(await page.getByTestId('erase-submit').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await eraseAllData(page, 'امسح');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByTestId('gate-title').innerText()).toBe('احمِ مساحة عملك');
  });
});
