import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { argon2idPool } from '@main/argon2id-pool';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const text = (value: string) => new TextEncoder().encode(value);
const root = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'argon2id-pool-'));

/** The reference implementation's Argon2id vector (m=64 MiB, t=2, p=1, "password", "somesalt"). */
const request = () => ({
  password: text('password'),
  salt: text('somesalt'),
  memoryKiB: 65_536,
  iterations: 2,
  parallelism: 1,
  tagLength: 32,
});
const TAG = '09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7';

/** A stand-in worker written as plain JS. */
function scriptWorker(name: string, body: string): string {
  const file = path.join(dir, `${name}.cjs`);
  writeFileSync(file, `const { parentPort } = require('node:worker_threads');\n${body}`);
  return file;
}

let workerPath = '';

beforeAll(async () => {
  // The real entry, bundled whole (electron-vite leaves hash-wasm to node_modules).
  workerPath = path.join(dir, 'argon2id-worker.cjs');
  await build({
    entryPoints: [path.join(root, 'src/main/argon2id-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: workerPath,
    alias: { '@shared': path.join(root, 'src/shared') },
    logLevel: 'silent',
  });
}, 60_000);

describe('Argon2id in worker threads', { timeout: 120_000 }, () => {
  it('gives the reference vector from the real worker, with main responsive meanwhile', async () => {
    const derive = argon2idPool({
      workerPath,
      fallback: () => Promise.reject(new Error('fell back')),
    });
    let last = performance.now();
    let longestGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    try {
      const tags = await Promise.all([derive(request()), derive(request())]);
      expect(tags.map(hex)).toEqual([TAG, TAG]);
    } finally {
      clearInterval(ticker);
    }
    const took = performance.now() - started;
    // On main's thread one derivation blocks the loop for its whole duration.
    expect(longestGap).toBeLessThan(took / 4);
  });

  it("falls back to main's thread when no worker starts; a worker's own failure is not hidden", async () => {
    const missing = argon2idPool({ workerPath: path.join(dir, 'missing.cjs') });
    expect(hex(await missing(request()))).toBe(TAG);
    const failing = scriptWorker(
      'failing',
      "parentPort.once('message', () => parentPort.postMessage({ ok: false, message: 'out of memory' }));",
    );
    let fellBack = false;
    const derive = argon2idPool({
      workerPath: failing,
      fallback: () => {
        fellBack = true;
        return Promise.resolve(new Uint8Array(32));
      },
    });
    await expect(derive(request())).rejects.toThrow(/out of memory/);
    expect(fellBack).toBe(false);
    const crashing = scriptWorker('crashing', "parentPort.once('message', () => process.exit(3));");
    const survives = argon2idPool({
      workerPath: crashing,
      fallback: () => Promise.resolve(new Uint8Array(32).fill(1)),
    });
    expect(await survives(request())).toEqual(new Uint8Array(32).fill(1));
  });

  it('runs at most maxWorkers derivations at once; the others wait their turn', async () => {
    const slow = scriptWorker(
      'slow',
      `parentPort.once('message', () => {
        const started = Date.now();
        setTimeout(() => {
          const tag = new Uint8Array(16);
          new DataView(tag.buffer).setFloat64(0, started);
          new DataView(tag.buffer).setFloat64(8, Date.now());
          parentPort.postMessage({ ok: true, tag });
        }, 300);
      });`,
    );
    const derive = argon2idPool({ workerPath: slow, maxWorkers: 2 });
    const spans = (await Promise.all([1, 2, 3].map(() => derive(request())))).map((tag) => {
      const view = new DataView(tag.buffer, tag.byteOffset);
      return { start: view.getFloat64(0), end: view.getFloat64(8) };
    });
    const [first, second, third] = spans;
    // The first two overlap; the third starts only once one of them has finished.
    expect(Math.max(first?.start ?? 0, second?.start ?? 0)).toBeLessThan(
      Math.min(first?.end ?? 0, second?.end ?? 0),
    );
    expect(third?.start).toBeGreaterThanOrEqual(Math.min(first?.end ?? 0, second?.end ?? 0));
  });
});
