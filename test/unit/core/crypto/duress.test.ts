import { describe, expect, it } from 'vitest';
import { MIN_PBKDF2_ITERATIONS, type KdfCost } from '@core/crypto';
import { emptyDuressSlot, isDuressSlot, newDuressSlot, opensDuressSlot } from '@core/crypto/duress';

const COST: KdfCost = { algorithm: 'PBKDF2-SHA256', iterations: MIN_PBKDF2_ITERATIONS };

describe('duress slot', () => {
  it('opens with its passphrase only (NFC-normalized), in any script', async () => {
    const slot = await newDuressSlot('ضوء القمر', COST);
    expect(await opensDuressSlot(slot, 'ضوء القمر')).toBe(true);
    expect(await opensDuressSlot(slot, 'ضوء القمر ')).toBe(false);
    const latin = await newDuressSlot('Cafe\u0301 blue', COST);
    expect(await opensDuressSlot(latin, 'Café blue')).toBe(true);
  });

  it('when off, holds random bytes of the same shape that nothing opens', async () => {
    const on = await newDuressSlot('anything at all', COST);
    const off = emptyDuressSlot(COST);
    expect(isDuressSlot(on) && isDuressSlot(off)).toBe(true);
    expect(off.sealed.iv.byteLength).toBe(on.sealed.iv.byteLength);
    expect(off.sealed.data.byteLength).toBe(on.sealed.data.byteLength);
    expect({ ...off.kdf, salt: '' }).toEqual({ ...on.kdf, salt: '' });
    expect(off.kdf.salt).not.toBe(on.kdf.salt);
    expect(await opensDuressSlot(off, 'anything at all')).toBe(false);
    expect(await opensDuressSlot(off, '')).toBe(false);
  });

  it('refuses a malformed slot (weak KDF, no sealed bytes)', () => {
    const slot = emptyDuressSlot(COST);
    expect(isDuressSlot({ ...slot, kdf: { ...slot.kdf, iterations: 1000 } })).toBe(false);
    expect(isDuressSlot({ kdf: slot.kdf })).toBe(false);
    expect(isDuressSlot(null)).toBe(false);
  });
});

describe('duress slot with Argon2id', () => {
  it('set or empty, the same KDF and sizes; only the duress passphrase opens it', async () => {
    const cost: KdfCost = {
      algorithm: 'argon2id',
      memoryKiB: 19_456,
      iterations: 2,
      parallelism: 1,
    };
    const on = await newDuressSlot('ضوء القمر', cost);
    const off = emptyDuressSlot(cost);
    expect({ ...off.kdf, salt: '' }).toEqual({ ...on.kdf, salt: '' });
    expect(off.sealed.data.byteLength).toBe(on.sealed.data.byteLength);
    expect(await opensDuressSlot(on, 'ضوء القمر')).toBe(true);
    expect(await opensDuressSlot(on, 'ضوء')).toBe(false);
  }, 60_000);
});
