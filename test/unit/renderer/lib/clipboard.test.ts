// @vitest-environment happy-dom
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const bridge = vi.hoisted(() => ({
  rememberCopied: vi.fn(async (_hash: string) => ({ ok: true as const, value: null })),
  clearClipboardIfCopied: vi.fn(async (_hash: string) => ({
    ok: true as const,
    value: { cleared: true },
  })),
}));
vi.mock('@renderer/lib/bridge', () => ({ bridge }));

const { copyText } = await import('@renderer/lib/clipboard');
const { setClipboardClearSeconds } = await import('@renderer/lib/clipboard-clear-after');

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const RECOVERY_KEY = 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789';

describe('copied text leaves the clipboard', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    localStorage.clear();
    bridge.rememberCopied.mockClear();
    bridge.clearClipboardIfCopied.mockClear();
    document.execCommand = () => true;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('after 30 seconds by default, and main is told what to clear on quit', async () => {
    expect(copyText(RECOVERY_KEY)).toBe(true);
    await vi.waitFor(() =>
      expect(bridge.rememberCopied).toHaveBeenCalledWith(sha256(RECOVERY_KEY)),
    );
    await vi.advanceTimersByTimeAsync(29_000);
    expect(bridge.clearClipboardIfCopied).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() =>
      expect(bridge.clearClipboardIfCopied).toHaveBeenCalledWith(sha256(RECOVERY_KEY)),
    );
  });

  it('after the time the user chose, counted from the last copy', async () => {
    setClipboardClearSeconds(15);
    copyText('first');
    await vi.advanceTimersByTimeAsync(10_000);
    copyText('second');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(bridge.clearClipboardIfCopied).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(5_000);
    await vi.waitFor(() => expect(bridge.clearClipboardIfCopied).toHaveBeenCalledTimes(1));
    expect(bridge.clearClipboardIfCopied).toHaveBeenCalledWith(sha256('second'));
  });

  it('ignores a stored value that is not one of the choices', async () => {
    localStorage.setItem('tadamun.clipboardClearSeconds', '1');
    copyText('text');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(bridge.clearClipboardIfCopied).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(28_000);
    await vi.waitFor(() => expect(bridge.clearClipboardIfCopied).toHaveBeenCalledTimes(1));
  });
});
