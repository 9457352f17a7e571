/**
 * Key derivation as the packaged app runs it: Argon2id in the main process (Node; hash-wasm,
 * Electron's Node having no Argon2), at the app's cost, beside PBKDF2-SHA256 at the iterations
 * used before Argon2id (WebCrypto, same process), alternating, in the same run. Also the
 * unlock's pair (passphrase and duress slot) as the app runs it (two worker threads, the built
 * out/main/argon2id-worker.js) beside the pair on main's thread (before), and the process's
 * memory growth.
 */
import path from 'node:path';
import { argon2idInMain } from '@main/argon2id';
import { argon2idPool } from '@main/argon2id-pool';
import { DEFAULT_KDF_COST, DEFAULT_PBKDF2_ITERATIONS } from '@core/crypto/kdf';
import { median, rangeOf, withBaseline, type BenchResult } from '../types';

const RUNS = 5;

const inWorkers = argon2idPool({
  workerPath: path.resolve(import.meta.dirname, '../../out/main/argon2id-worker.js'),
  fallback: () =>
    Promise.reject(new Error('out/main/argon2id-worker.js did not start: build first')),
});

function argon2idOnce(derive = argon2idInMain): Promise<Uint8Array> {
  const cost = DEFAULT_KDF_COST;
  if (cost.algorithm !== 'argon2id') throw new Error('the app no longer uses Argon2id');
  return derive({
    password: new TextEncoder().encode('a bench passphrase, long enough'),
    salt: crypto.getRandomValues(new Uint8Array(16)),
    memoryKiB: cost.memoryKiB,
    iterations: cost.iterations,
    parallelism: cost.parallelism,
    tagLength: 32,
  });
}

async function pbkdf2Once(): Promise<void> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode('a bench passphrase, long enough'),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const params = { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: DEFAULT_PBKDF2_ITERATIONS };
  await crypto.subtle.deriveBits(params, material, 256);
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export async function kdfInMainProcess(): Promise<BenchResult[]> {
  const cost = DEFAULT_KDF_COST;
  const label =
    cost.algorithm === 'argon2id'
      ? `Argon2id m=${cost.memoryKiB / 1024} MiB t=${cost.iterations} p=${cost.parallelism}`
      : 'PBKDF2';
  const rssBefore = process.memoryUsage().rss;
  await argon2idOnce(); // loads the WASM module once, as the first unlock does
  const argon: number[] = [];
  const pairs: number[] = [];
  const workerPairs: number[] = [];
  const pbkdf2: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const order = run % 2 ? [pbkdf2Once, argon2idOnce] : [argon2idOnce, pbkdf2Once];
    for (const work of order) (work === pbkdf2Once ? pbkdf2 : argon).push(await timed(work));
    pairs.push(await timed(() => Promise.all([argon2idOnce(), argon2idOnce()])));
    const workers = () => Promise.all([argon2idOnce(inWorkers), argon2idOnce(inWorkers)]);
    workerPairs.push(await timed(workers));
  }
  const grownMiB = Math.round((process.memoryUsage().rss - rssBefore) / 2 ** 20);
  const runs = (values: number[]) => values.map((ms) => Math.round(ms)).join(', ');
  console.error(
    `  storage: main-process KDF runs (ms): ${label} ${runs(argon)}; pair on main's thread ${runs(pairs)}; ` +
      `pair in workers ${runs(workerPairs)}; ` +
      `PBKDF2-SHA256 ${DEFAULT_PBKDF2_ITERATIONS.toLocaleString('en-US')} it. ${runs(pbkdf2)}; ` +
      `process memory grew ${grownMiB} MiB (Argon2id's own: ${cost.algorithm === 'argon2id' ? cost.memoryKiB / 1024 : 0} MiB each)`,
  );
  const pbkdf2Label = `PBKDF2-SHA256 ${DEFAULT_PBKDF2_ITERATIONS.toLocaleString('en-US')} it. (before)`;
  return [
    withBaseline(
      {
        name: `key derivation in the main process: ${label}, one`,
        value: median(argon),
        unit: 'ms',
        target: '0.5–1 s',
        range: rangeOf(argon),
        baselineRange: rangeOf(pbkdf2),
        runs: RUNS,
      },
      pbkdf2Label,
      median(pbkdf2),
    ),
    withBaseline(
      {
        name: `key derivation in the main process: the unlock's two (passphrase, duress slot), two worker threads`,
        value: median(workerPairs),
        unit: 'ms',
        range: rangeOf(workerPairs),
        baselineRange: rangeOf(pairs),
        runs: RUNS,
      },
      "the same two on main's thread (before)",
      median(pairs),
    ),
    {
      name: `key derivation memory: ${label}`,
      value: cost.algorithm === 'argon2id' ? cost.memoryKiB / 1024 : 0,
      unit: 'MiB per derivation',
    },
  ];
}
