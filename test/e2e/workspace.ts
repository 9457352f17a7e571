/**
 * Steps through the vault's screens in the built app: first-run setup, lock, unlock. The app
 * shows no data until its workspace is set up or unlocked, so every e2e test starts here.
 */
import type { Page } from 'playwright-core';

/** Strong enough for the app's meter (four unrelated words). */
export const TEST_PASSPHRASE = 'olive lantern harbor sings';

/** Sets up a new workspace; returns the recovery key when one was asked for. */
export async function setUpWorkspace(
  page: Page,
  passphrase = TEST_PASSPHRASE,
  { withRecoveryKey = false } = {},
): Promise<string | undefined> {
  await page.getByTestId('setup-screen').waitFor();
  await page.getByTestId('setup-passphrase').fill(passphrase);
  await page.getByTestId('setup-confirm').fill(passphrase);
  await page.locator('[data-testid="setup-strength"][data-acceptable="true"]').waitFor();
  if (withRecoveryKey) await page.getByTestId('setup-recovery-key').check();
  await page.getByTestId('setup-submit').click();
  let recoveryKey: string | undefined;
  if (withRecoveryKey) {
    recoveryKey = await readRecoveryKey(page);
    await page.getByTestId('recovery-key-stored').check();
    await page.getByTestId('recovery-key-continue').click();
  }
  await page.getByTestId('lock-button').waitFor();
  return recoveryKey;
}

/** On the Dashboard of an empty workspace: loads the demo workspace and waits until it shows. */
export async function loadDemoWorkspace(page: Page): Promise<void> {
  await page.getByTestId('demo-load').click();
  await page.getByTestId('demo-offer').waitFor({ state: 'detached' });
  await page.getByTestId('count-contacts').waitFor();
}

/** The recovery key as shown (two lines of four groups), in its one-line form. */
export async function readRecoveryKey(page: Page): Promise<string> {
  return (await page.getByTestId('recovery-key').innerText()).trim().replace(/\s+/g, '-');
}

export async function lockWorkspace(page: Page): Promise<void> {
  await page.getByTestId('lock-button').click();
  await page.getByTestId('lock-screen').waitFor();
}

export async function unlockWorkspace(page: Page, passphrase = TEST_PASSPHRASE): Promise<void> {
  await page.getByTestId('lock-screen').waitFor();
  await page.getByTestId('unlock-passphrase').fill(passphrase);
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('lock-button').waitFor();
}

/** Types a passphrase on the lock screen that does not open it; waits for the message. */
export async function tryWrongPassphrase(page: Page, passphrase: string): Promise<void> {
  await page.getByTestId('unlock-passphrase').fill(passphrase);
  await page.getByTestId('unlock-submit').click();
}

/** Sends a native menu command the way main does (the browser adapter listens for it). */
export async function sendMenuCommand(page: Page, command: object): Promise<void> {
  await page.evaluate((detail) => {
    window.dispatchEvent(new CustomEvent('tadamun:menu-command', { detail }));
  }, command);
}

/** Shows the app in a UI language and colour scheme (a language change reloads, then unlocks). */
export async function setLanguageAndScheme(
  page: Page,
  language: 'en' | 'ar',
  scheme: 'light' | 'dark',
  { alwaysReload = false } = {},
): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  const current = await page.evaluate(() => localStorage.getItem('tadamun.uiLanguage'));
  if (current === language && !alwaysReload) return;
  await page.evaluate((value) => localStorage.setItem('tadamun.uiLanguage', value), language);
  await page.reload();
  await unlockWorkspace(page);
}

/** The language and scheme pairs screenshots are taken in. */
export const SCREENSHOT_MODES = [
  ['en', 'light'],
  ['ar', 'dark'],
  ['ar', 'light'],
  ['en', 'dark'],
] as const;
