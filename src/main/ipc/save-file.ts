import path from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import { IpcChannel, type SaveFileOutcome } from '@shared/ipc';
import { saveFileRequestSchema } from '@shared/ipc-schemas';
import { writeFileAtomic } from '../write-file-atomic';
import { handleValidated, type SenderCheck } from './handle-validated';

/** saveFile: the OS save dialog, then writes the bytes where the user chose. Nothing else. */
export function registerSaveFile(isTrustedSender: SenderCheck): void {
  handleValidated(
    IpcChannel.saveFile,
    saveFileRequestSchema,
    isTrustedSender,
    async (request, event): Promise<SaveFileOutcome> => {
      const owner = BrowserWindow.fromWebContents(event.sender);
      const dialogOptions = { defaultPath: request.suggestedName, filters: request.filters };
      const choice = owner
        ? await dialog.showSaveDialog(owner, dialogOptions)
        : await dialog.showSaveDialog(dialogOptions);
      if (choice.canceled || !choice.filePath) return { saved: false };
      await writeFileAtomic(choice.filePath, request.bytes);
      return { saved: true, fileName: path.basename(choice.filePath) };
    },
  );
}
