import { describe, expect, it } from 'vitest';
import {
  MIN_PBKDF2_ITERATIONS,
  WrongPassphraseError,
  aesGcmCipher,
  checkKdfParams,
  createKeyring,
  deriveKey,
  newPbkdf2Params,
  normalizeRecoveryKey,
  openKeyring,
  openRotation,
  rotateWithPassphrase,
  rotateWithRecoveryKey,
  endRotation,
} from '@core/crypto';

const FAST = { iterations: MIN_PBKDF2_ITERATIONS };

async function roundTrip(key: CryptoKey, other: CryptoKey): Promise<unknown> {
  const sealed = await aesGcmCipher(key).seal({ name: 'سلمى' }, 'ctx');
  return aesGcmCipher(other).open(sealed, 'ctx');
}

describe('keyring', () => {
  it('opens with the right passphrase (any Unicode normalization), never with a wrong one', async () => {
    const { keyring, dataKey } = await createKeyring('كلمة سر طويلة جدًا ١٢٣', FAST);
    const again = await openKeyring(keyring, 'كلمة سر طويلة جدًا ١٢٣'.normalize('NFD'));
    expect(await roundTrip(dataKey, again)).toEqual({ name: 'سلمى' });
    await expect(openKeyring(keyring, 'كلمة سر طويلة جدا ١٢٣')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
  });

  it('stores its KDF parameters and honours them; weak or unknown parameters are refused', async () => {
    const { keyring } = await createKeyring('correct horse battery staple', {
      iterations: 700_000,
    });
    expect(keyring.passphrase.kdf).toMatchObject({
      algorithm: 'PBKDF2-SHA256',
      iterations: 700_000,
    });
    // The same passphrase with other iterations derives another key: the stored count is used.
    const tampered = {
      ...keyring,
      passphrase: {
        ...keyring.passphrase,
        kdf: { ...keyring.passphrase.kdf, iterations: 700_001 },
      },
    };
    await expect(openKeyring(tampered, 'correct horse battery staple')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    expect(() => newPbkdf2Params(100_000)).toThrow(/iterations/);
    expect(() => checkKdfParams({ ...newPbkdf2Params(), iterations: 1000 })).toThrow(/iterations/);
    expect(() => checkKdfParams({ ...newPbkdf2Params(), algorithm: 'MD5' })).toThrow(/algorithm/);
    await expect(deriveKey('x', { ...newPbkdf2Params(), iterations: 10 } as never)).rejects.toThrow(
      /iterations/,
    );
  });

  it('a new passphrase comes with a new data key; the old key is kept sealed under it', async () => {
    const { keyring, dataKey } = await createKeyring('first passphrase here', FAST);
    await expect(rotateWithPassphrase(keyring, 'wrong', 'next one', FAST)).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    const rotated = await rotateWithPassphrase(
      keyring,
      'first passphrase here',
      'a new passphrase',
      FAST,
    );
    expect(rotated.keyring.generation).toBe(1);
    expect(rotated.recoveryKey).toBeUndefined();
    expect(rotated.keyring.recovery).toBeUndefined();
    await expect(openKeyring(rotated.keyring, 'first passphrase here')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    const opened = await openKeyring(rotated.keyring, 'a new passphrase');
    expect(await roundTrip(rotated.dataKey, opened)).toEqual({ name: 'سلمى' });
    await expect(roundTrip(dataKey, opened)).rejects.toThrow(/integrity/);
    // Until every row is re-sealed, the new key opens the old one.
    const rotation = await openRotation(rotated.keyring, opened);
    expect(rotation?.generation).toBe(0);
    expect(await roundTrip(dataKey, rotation?.previousKey as CryptoKey)).toEqual({
      name: 'سلمى',
    });
    await expect(
      rotateWithPassphrase(rotated.keyring, 'a new passphrase', 'third', FAST),
    ).rejects.toThrow(/under way/);
    const ended = endRotation(rotated.keyring);
    expect(ended.rotation).toBeUndefined();
    expect(await openRotation(ended, opened)).toBeUndefined();
  });

  it('a recovery key, typed in any case and grouping, resets a forgotten passphrase and is replaced', async () => {
    const created = await createKeyring('forgotten one', { ...FAST, withRecoveryKey: true });
    const recoveryKey = created.recoveryKey ?? '';
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    expect(normalizeRecoveryKey(typed)).toBe(recoveryKey.replace(/-/g, ''));
    await expect(
      rotateWithRecoveryKey(created.keyring, 'AAAA-BBBB', 'new', FAST),
    ).rejects.toBeInstanceOf(WrongPassphraseError);
    const reset = await rotateWithRecoveryKey(created.keyring, typed, 'brand new passphrase', FAST);
    expect(await roundTrip(created.dataKey, reset.previousKey)).toEqual({ name: 'سلمى' });
    expect(
      await roundTrip(reset.dataKey, await openKeyring(reset.keyring, 'brand new passphrase')),
    ).toEqual({ name: 'سلمى' });
    // A new recovery key opens the new keyring; the old one no longer does.
    expect(reset.recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(reset.recoveryKey).not.toBe(recoveryKey);
    const settled = endRotation(reset.keyring);
    await expect(rotateWithRecoveryKey(settled, recoveryKey, 'x', FAST)).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    const again = await rotateWithRecoveryKey(settled, reset.recoveryKey ?? '', 'again', FAST);
    expect(await roundTrip(reset.dataKey, again.previousKey)).toEqual({ name: 'سلمى' });
    // Shown after a crash: the new recovery key is kept sealed until the rotation ends.
    const rotation = await openRotation(reset.keyring, reset.dataKey);
    expect(rotation?.recoveryKey).toBe(reset.recoveryKey);
    const without = await createKeyring('no recovery', FAST);
    expect(without.recoveryKey).toBeUndefined();
    await expect(
      rotateWithRecoveryKey(without.keyring, recoveryKey, 'x', FAST),
    ).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('sealed values open only in their own place and only unaltered', async () => {
    const { dataKey } = await createKeyring('passphrase for sealing', FAST);
    const cipher = aesGcmCipher(dataKey);
    const sealed = await cipher.seal([{ id: 1 }], 'chunk/contacts/0');
    await expect(cipher.open(sealed, 'chunk/contacts/1')).rejects.toThrow(/integrity/);
    const bytes = new Uint8Array(sealed.data.slice(0));
    bytes[3] = (bytes[3] ?? 0) ^ 1;
    await expect(
      cipher.open({ iv: sealed.iv, data: bytes.buffer }, 'chunk/contacts/0'),
    ).rejects.toThrow(/integrity/);
    expect(await cipher.open(sealed, 'chunk/contacts/0')).toEqual([{ id: 1 }]);
  });
});
