import { describe, expect, it, vi } from 'vitest';
import type { TadamunApi } from '@shared/ipc';
import { bridgeKeyFileStore } from '@renderer/app/session/key-file-store';
import { IpcFailure } from '@renderer/lib/reason-of';

function bridgeWith(overrides: Partial<TadamunApi>): TadamunApi {
  return overrides as TadamunApi;
}

describe('the key file through the bridge', () => {
  it('reads, writes and erases through the purpose-named calls', async () => {
    const bytes = new Uint8Array([123, 125]);
    const bridge = bridgeWith({
      readKeyFile: vi.fn(async () => ({ ok: true as const, value: bytes })),
      writeKeyFile: vi.fn(async () => ({ ok: true as const, value: null })),
      eraseKeyFile: vi.fn(async () => ({ ok: true as const, value: null })),
    });
    const store = bridgeKeyFileStore(bridge);
    expect(await store.read()).toBe(bytes);
    await store.write(bytes);
    await store.erase();
    expect(bridge.writeKeyFile).toHaveBeenCalledWith(bytes);
    expect(bridge.eraseKeyFile).toHaveBeenCalledOnce();
  });

  it('turns a refusal or a full disk into an error, never into an empty key file', async () => {
    const failure = {
      ok: false as const,
      error: { code: 'disk-full' as const, message: 'ENOSPC' },
    };
    const store = bridgeKeyFileStore(
      bridgeWith({
        readKeyFile: async () => ({
          ok: false,
          error: { code: 'forbidden-sender', message: 'Sender is not trusted' },
        }),
        writeKeyFile: async () => failure,
        eraseKeyFile: async () => failure,
      }),
    );
    await expect(store.read()).rejects.toBeInstanceOf(IpcFailure);
    await expect(store.write(new Uint8Array([1]))).rejects.toBeInstanceOf(IpcFailure);
    await expect(store.erase()).rejects.toBeInstanceOf(IpcFailure);
  });
});
