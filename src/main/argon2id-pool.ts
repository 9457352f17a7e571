/**
 * The main process's Argon2id, each derivation in its own worker thread: the main process
 * (menus, IPC, window events) stays responsive for the second or so a derivation takes, and an
 * unlock's two derivations (passphrase and duress slot, issued side by side) run in parallel
 * instead of one after the other on main's thread. Both take the same path, so a duress or a
 * wrong passphrase still costs exactly what a right one does.
 */
import { Worker } from 'node:worker_threads';
import type { Argon2idIpcRequest } from '@shared/ipc';
import { argon2idInMain } from './argon2id';
import type { Argon2idWorkerAnswer } from './argon2id-worker';

export type Argon2idInMain = (request: Argon2idIpcRequest) => Promise<Uint8Array>;

export interface Argon2idPoolOptions {
  /** The built worker entry (out/main/argon2id-worker.js). */
  workerPath: string;
  /** At most this many derivations at once (each holds its memory, 64 MiB): more wait. */
  maxWorkers?: number;
  /** Where a worker cannot start or dies without answering: compute on main's thread. */
  fallback?: Argon2idInMain;
}

/** A worker that ended without answering: it never started, or it crashed. */
class WorkerLost extends Error {}

function inWorker(workerPath: string, request: Argon2idIpcRequest): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath);
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      done();
      void worker.terminate();
    };
    worker.once('message', (answer: Argon2idWorkerAnswer) =>
      settle(() => (answer.ok ? resolve(answer.tag) : reject(new Error(answer.message)))),
    );
    worker.once('error', (error) => settle(() => reject(new WorkerLost(error.message))));
    worker.once('exit', (code) =>
      settle(() => reject(new WorkerLost(`Argon2id worker exited (${code})`))),
    );
    // A copy goes to the worker, which wipes it; the caller wipes its own.
    worker.postMessage(request);
  });
}

export function argon2idPool(options: Argon2idPoolOptions): Argon2idInMain {
  const { workerPath, maxWorkers = 2, fallback = argon2idInMain } = options;
  let running = 0;
  const waiting: (() => void)[] = [];

  // A finished derivation hands its slot straight to the next one waiting.
  const slot = async () => {
    if (running < maxWorkers) running += 1;
    else await new Promise<void>((go) => waiting.push(go));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };

  return async (request) => {
    await slot();
    try {
      return await inWorker(workerPath, request);
    } catch (error) {
      if (!(error instanceof WorkerLost)) throw error;
      return fallback(request);
    } finally {
      release();
    }
  };
}
