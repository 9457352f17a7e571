/**
 * `npx electron-vite build && npx tsx --tsconfig tsconfig.test.json bench/argon2id-main.ts`:
 * an unlock's two Argon2id derivations (64 MiB, t=3, p=1; issued side by side, as the vault
 * does) in the main process, on its own thread (before: `argon2idInMain`, hash-wasm) against
 * worker threads (after: `argon2idPool` with the built out/main/argon2id-worker.js). Prints the
 * wall time and the longest the event loop was blocked; median and range of 7, alternated.
 */
import path from 'node:path';
import { argon2idInMain } from '@main/argon2id';
import { argon2idPool } from '@main/argon2id-pool';

const RUNS = 7;
const request = () => ({
  password: new TextEncoder().encode('a passphrase of some length'),
  salt: crypto.getRandomValues(new Uint8Array(16)),
  memoryKiB: 65_536,
  iterations: 3,
  parallelism: 1,
  tagLength: 32,
});

type Derive = typeof argon2idInMain;

async function unlockOnce(derive: Derive, count = 2): Promise<{ ms: number; blockedMs: number }> {
  let last = performance.now();
  let blockedMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    blockedMs = Math.max(blockedMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await Promise.all(Array.from({ length: count }, () => derive(request())));
  const ms = performance.now() - started;
  clearInterval(ticker);
  blockedMs = Math.max(blockedMs, performance.now() - last);
  return { ms, blockedMs };
}

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const f = (n: number) => n.toFixed(0);
  return `${f(median)} ms (${f(sorted[0] ?? 0)}–${f(sorted.at(-1) ?? 0)})`;
};

async function main(): Promise<void> {
  const pool = argon2idPool({
    workerPath: path.resolve(import.meta.dirname, '../out/main/argon2id-worker.js'),
    fallback: () => Promise.reject(new Error('the built worker did not start')),
  });
  const ways: [string, Derive, number][] = [
    ["main's thread (before), two", (r) => argon2idInMain(r), 2],
    ['worker threads (after), two', pool, 2],
    ['a worker, one alone (the floor for two in parallel)', pool, 1],
  ];
  for (const [, derive, count] of ways) await unlockOnce(derive, count);
  const results = new Map(
    ways.map(([name]) => [name, { ms: [] as number[], blocked: [] as number[] }]),
  );
  for (let run = 0; run < RUNS; run++) {
    for (const [name, derive, count] of run % 2 ? [...ways].reverse() : ways) {
      const { ms, blockedMs } = await unlockOnce(derive, count);
      results.get(name)?.ms.push(ms);
      results.get(name)?.blocked.push(blockedMs);
    }
  }
  for (const [name, { ms, blocked }] of results) {
    console.log(`${name}: ${summary(ms)}; event loop blocked at most ${summary(blocked)}`);
  }
}

void main();
