import { describe, expect, it } from 'vitest';
import { MIN_PBKDF2_ITERATIONS } from '@core/crypto';
import { emptyDuressSlot, isDuressSlot, newDuressSlot, opensDuressSlot } from '@core/crypto/duress';

const ITERATIONS = MIN_PBKDF2_ITERATIONS;

describe('duress slot', () => {
  it('opens with its passphrase only (NFC-normalized), in any script', async () => {
    const slot = await newDuressSlot('ضوء القمر', ITERATIONS);
    expect(await opensDuressSlot(slot, 'ضوء القمر')).toBe(true);
    expect(await opensDuressSlot(slot, 'ضوء القمر ')).toBe(false);
    const latin = await newDuressSlot('Cafe\u0301 blue', ITERATIONS);
    expect(await opensDuressSlot(latin, 'Café blue')).toBe(true);
  });

  it('when off, holds random bytes of the same shape that nothing opens', async () => {
    const on = await newDuressSlot('anything at all', ITERATIONS);
    const off = emptyDuressSlot(ITERATIONS);
    expect(isDuressSlot(on) && isDuressSlot(off)).toBe(true);
    expect(off.sealed.iv.byteLength).toBe(on.sealed.iv.byteLength);
    expect(off.sealed.data.byteLength).toBe(on.sealed.data.byteLength);
    expect(off.kdf.iterations).toBe(on.kdf.iterations);
    expect(off.kdf.salt).not.toBe(on.kdf.salt);
    expect(await opensDuressSlot(off, 'anything at all')).toBe(false);
    expect(await opensDuressSlot(off, '')).toBe(false);
  });

  it('refuses a malformed slot (weak KDF, no sealed bytes)', () => {
    const slot = emptyDuressSlot(ITERATIONS);
    expect(isDuressSlot({ ...slot, kdf: { ...slot.kdf, iterations: 1000 } })).toBe(false);
    expect(isDuressSlot({ kdf: slot.kdf })).toBe(false);
    expect(isDuressSlot(null)).toBe(false);
  });
});
