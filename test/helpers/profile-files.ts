/** Reading a browser profile on disk, as someone who seized it would. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file below `dir`, however deep. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isDirectory() ? filesUnder(file) : [file];
  });
}

/** Files below `dir` holding any marker, in UTF-8 or UTF-16LE. */
export function filesWithMarkers(dir: string, markers: readonly string[]): string[] {
  const needles = markers.flatMap((marker) => [
    Buffer.from(marker, 'utf8'),
    Buffer.from(marker, 'utf16le'),
  ]);
  return filesUnder(dir).filter((file) => {
    const bytes = readFileSync(file);
    return needles.some((needle) => bytes.includes(needle));
  });
}
