import { beforeEach, describe, expect, it } from 'vitest';
import { IpcChannel } from '@shared/ipc';
import { registerClearClipboard } from '@main/ipc/clipboard';
import { clipboard, resetElectronDouble } from '../../../helpers/electron-double';
import { eventFrom, FOREIGN_SENDERS, invoke, openWindow, sha256, trusted } from './windows';

describe('clearClipboardIfCopied', () => {
  const copied = 'Contact: Rania Haddad, +961 70 000 000 (do not contact at work)';

  beforeEach(() => {
    resetElectronDouble();
  });

  it('clears the clipboard when it still holds the text the app copied', async () => {
    registerClearClipboard(trusted, 'win32');
    clipboard.writeText(copied);
    const result = await invoke(
      IpcChannel.clearClipboardIfCopied,
      eventFrom(openWindow()),
      sha256(copied),
    );
    expect(result).toEqual({ ok: true, value: { cleared: true } });
    expect(clipboard.readText()).toBe('');
    expect(clipboard.clear).toHaveBeenCalledWith('clipboard');
  });

  it('accepts the digest in upper case, and Windows line endings of the same text', async () => {
    registerClearClipboard(trusted, 'win32');
    clipboard.writeText('line one\r\nline two');
    const result = await invoke(
      IpcChannel.clearClipboardIfCopied,
      eventFrom(openWindow()),
      sha256('line one\nline two').toUpperCase(),
    );
    expect(result).toEqual({ ok: true, value: { cleared: true } });
  });

  it("leaves another program's text alone", async () => {
    registerClearClipboard(trusted, 'linux');
    clipboard.writeText('a password from the password manager');
    clipboard.writeText('text selected in another program', 'selection');
    const result = await invoke(
      IpcChannel.clearClipboardIfCopied,
      eventFrom(openWindow()),
      sha256(copied),
    );
    expect(result).toEqual({ ok: true, value: { cleared: false } });
    expect(clipboard.readText()).toBe('a password from the password manager');
    expect(clipboard.readText('selection')).toBe('text selected in another program');
    expect(clipboard.clear).not.toHaveBeenCalled();
  });

  it('never clears an empty text clipboard (it may hold an image) even for the empty digest', async () => {
    registerClearClipboard(trusted, 'linux');
    const result = await invoke(
      IpcChannel.clearClipboardIfCopied,
      eventFrom(openWindow()),
      sha256(''),
    );
    expect(result).toEqual({ ok: true, value: { cleared: false } });
    expect(clipboard.clear).not.toHaveBeenCalled();
  });

  it("also clears Linux's primary selection when it holds the copied text", async () => {
    registerClearClipboard(trusted, 'linux');
    clipboard.writeText('something else');
    clipboard.writeText(copied, 'selection');
    const result = await invoke(
      IpcChannel.clearClipboardIfCopied,
      eventFrom(openWindow()),
      sha256(copied),
    );
    expect(result).toEqual({ ok: true, value: { cleared: true } });
    expect(clipboard.readText('selection')).toBe('');
    expect(clipboard.readText()).toBe('something else');
  });

  it('checks only the clipboard elsewhere (there is no selection)', async () => {
    registerClearClipboard(trusted, 'darwin');
    clipboard.writeText(copied, 'selection');
    const result = await invoke(
      IpcChannel.clearClipboardIfCopied,
      eventFrom(openWindow()),
      sha256(copied),
    );
    expect(result).toEqual({ ok: true, value: { cleared: false } });
  });

  it.each(FOREIGN_SENDERS)('refuses %s', async (_label, url, parent) => {
    registerClearClipboard(trusted, 'linux');
    clipboard.writeText(copied);
    const result = await invoke(
      IpcChannel.clearClipboardIfCopied,
      eventFrom(openWindow(), url, parent),
      sha256(copied),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(clipboard.readText()).toBe(copied);
  });

  it.each([
    ['the text itself', copied],
    ['a short digest', sha256(copied).slice(0, 63)],
    ['a long digest', `${sha256(copied)}0`],
    ['a non-hex digest', 'g'.repeat(64)],
    ['a digest with spaces', ` ${sha256(copied).slice(1)}`],
    ['nothing', undefined],
    ['a number', 42],
    ['an object', { sha256Hex: sha256(copied) }],
  ])('refuses %s', async (_label, payload) => {
    registerClearClipboard(trusted, 'linux');
    clipboard.writeText(copied);
    const result = await invoke(
      IpcChannel.clearClipboardIfCopied,
      eventFrom(openWindow()),
      payload,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(clipboard.readText()).toBe(copied);
  });

  it('clears on quit the text the app copied last, and only that text', async () => {
    const { clearOnQuit } = registerClearClipboard(trusted, 'win32');
    clipboard.writeText(copied);
    expect(
      await invoke(IpcChannel.rememberCopied, eventFrom(openWindow()), sha256(copied)),
    ).toEqual({ ok: true, value: null });
    clearOnQuit();
    expect(clipboard.readText()).toBe('');

    const second = registerClearClipboardAgain();
    await invoke(IpcChannel.rememberCopied, eventFrom(openWindow()), sha256(copied));
    clipboard.writeText('copied later in another program');
    second.clearOnQuit();
    expect(clipboard.readText()).toBe('copied later in another program');
  });

  it('has nothing to clear on quit when nothing was copied', () => {
    const { clearOnQuit } = registerClearClipboard(trusted, 'win32');
    clipboard.writeText('another program');
    clearOnQuit();
    expect(clipboard.readText()).toBe('another program');
  });
});

function registerClearClipboardAgain() {
  resetElectronDouble();
  return registerClearClipboard(trusted, 'win32');
}
