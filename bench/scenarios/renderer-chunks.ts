/**
 * The built renderer's script sizes: the entry chunk index.html loads, what it preloads with
 * it, and all chunks together, raw and gzipped (what a user's disk and parser see).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from '../types';

export interface ChunkSizes {
  entry: { bytes: number; gzip: number };
  firstScreen: { bytes: number; gzip: number };
  total: { bytes: number; gzip: number; files: number };
}

/** The scripts index.html names: the entry first, then its modulepreloads. */
export function scriptsOf(indexHtml: string): string[] {
  const entry = /<script[^>]*type="module"[^>]*src="\.\/([^"]+)"/.exec(indexHtml)?.[1];
  if (!entry) throw new Error('index.html names no module script');
  const preloads = [...indexHtml.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)];
  return [entry, ...preloads.map((match) => match[1] ?? '')];
}

export function chunkSizes(rendererDir: string): ChunkSizes {
  const size = (file: string) => {
    const bytes = readFileSync(path.join(rendererDir, file));
    return { bytes: bytes.length, gzip: gzipSync(bytes).length };
  };
  const add = (a: { bytes: number; gzip: number }, b: { bytes: number; gzip: number }) => ({
    bytes: a.bytes + b.bytes,
    gzip: a.gzip + b.gzip,
  });
  const none = { bytes: 0, gzip: 0 };
  const [entry = '', ...preloads] = scriptsOf(
    readFileSync(path.join(rendererDir, 'index.html'), 'utf8'),
  );
  const all = readdirSync(path.join(rendererDir, 'assets')).filter((file) => file.endsWith('.js'));
  return {
    entry: size(entry),
    firstScreen: [entry, ...preloads].map(size).reduce(add, none),
    total: { ...all.map((file) => size(`assets/${file}`)).reduce(add, none), files: all.length },
  };
}

export function chunkResults(sizes: ChunkSizes): BenchResult[] {
  const kB = (bytes: number) => bytes / 1000;
  return [
    {
      name: 'renderer entry chunk (gzip)',
      value: kB(sizes.entry.bytes),
      unit: `kB (${kB(sizes.entry.gzip).toFixed(0)} kB)`,
      target: '≤ 1,000 kB',
    },
    {
      name: 'renderer scripts index.html loads: entry + preloads (gzip)',
      value: kB(sizes.firstScreen.bytes),
      unit: `kB (${kB(sizes.firstScreen.gzip).toFixed(0)} kB)`,
    },
    {
      name: `renderer scripts in all, ${sizes.total.files} files with workers (gzip)`,
      value: kB(sizes.total.bytes),
      unit: `kB (${kB(sizes.total.gzip).toFixed(0)} kB)`,
    },
  ];
}
