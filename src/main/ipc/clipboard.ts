import { createHash } from 'node:crypto';
import { clipboard } from 'electron';
import { IpcChannel } from '@shared/ipc';
import { sha256HexSchema } from '@shared/ipc-schemas';
import { handleValidated, type SenderCheck } from './handle-validated';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Whether `text` is the text whose SHA-256 is `hash`, allowing for Windows line endings. */
function isSameText(text: string, hash: string): boolean {
  if (text === '') return false;
  return sha256Hex(text) === hash || sha256Hex(text.replace(/\r\n/g, '\n')) === hash;
}

/**
 * clearClipboardIfCopied: clears the clipboard only if it still holds the text the app copied,
 * so what other programs put there is never touched. On Linux the primary selection (filled by
 * selecting text) is checked the same way. Empty text never matches: an image or a file on the
 * clipboard reads as '' and is not ours to clear.
 */
export function registerClearClipboard(
  isTrustedSender: SenderCheck,
  platform: NodeJS.Platform = process.platform,
): { clearOnQuit: () => void } {
  const types =
    platform === 'linux' ? (['clipboard', 'selection'] as const) : (['clipboard'] as const);
  const clearIfCopied = (hash: string) => {
    let cleared = false;
    for (const type of types) {
      if (isSameText(clipboard.readText(type), hash)) {
        clipboard.clear(type);
        cleared = true;
      }
    }
    return { cleared };
  };
  let lastCopied: string | null = null;
  handleValidated(IpcChannel.clearClipboardIfCopied, sha256HexSchema, isTrustedSender, (hash) =>
    clearIfCopied(hash),
  );
  // rememberCopied: the text copied last, by its hash, so quitting can clear it.
  handleValidated(IpcChannel.rememberCopied, sha256HexSchema, isTrustedSender, (hash) => {
    lastCopied = hash;
    return null;
  });
  return {
    clearOnQuit: () => {
      if (lastCopied) clearIfCopied(lastCopied);
      lastCopied = null;
    },
  };
}
