import { IpcChannel } from '@shared/ipc';
import { keyFileBytesSchema, noPayloadSchema } from '@shared/ipc-schemas';
import type { KeyFileKeeper } from '../key-file';
import { handleValidated, type SenderCheck } from './handle-validated';

/**
 * readKeyFile, writeKeyFile, eraseKeyFile: the one key file, whole. The renderer never names
 * a path; only our own top frame may call.
 */
export function registerKeyFile(isTrustedSender: SenderCheck, keyFile: KeyFileKeeper): void {
  handleValidated(IpcChannel.readKeyFile, noPayloadSchema, isTrustedSender, () => keyFile.read());
  handleValidated(IpcChannel.writeKeyFile, keyFileBytesSchema, isTrustedSender, async (bytes) => {
    await keyFile.write(bytes);
    return null;
  });
  handleValidated(IpcChannel.eraseKeyFile, noPayloadSchema, isTrustedSender, async () => {
    await keyFile.erase();
    return null;
  });
}
