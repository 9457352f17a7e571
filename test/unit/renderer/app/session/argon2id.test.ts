import { describe, expect, it, vi } from 'vitest';
import type { Argon2idIpcRequest, IpcResult } from '@shared/ipc';

const bridge = vi.hoisted(() => ({
  deriveArgon2id: vi.fn(async (_request: Argon2idIpcRequest): Promise<IpcResult<Uint8Array>> => ({
    ok: true,
    value: new Uint8Array(32).fill(5),
  })),
}));
vi.mock('@renderer/lib/bridge', () => ({ bridge }));

const { appArgon2id } = await import('@renderer/app/session/argon2id');

const request = {
  password: new Uint8Array([1, 2, 3]),
  salt: new Uint8Array(16),
  memoryKiB: 65_536,
  iterations: 3,
  parallelism: 1,
  tagLength: 32,
};

describe("the app's Argon2id", () => {
  it('asks the main process (or the browser worker) with only what the contract carries', async () => {
    const tag = await appArgon2id({ ...request, secret: new Uint8Array(8) });
    expect(tag).toEqual(new Uint8Array(32).fill(5));
    expect(bridge.deriveArgon2id).toHaveBeenCalledWith(request);
  });

  it('fails with what went wrong there, so the unlock says so instead of hanging', async () => {
    bridge.deriveArgon2id.mockResolvedValueOnce({
      ok: false,
      error: { code: 'invalid-request', message: 'memoryKiB: too big' },
    });
    await expect(appArgon2id(request)).rejects.toThrow('Key derivation failed: memoryKiB: too big');
  });
});
