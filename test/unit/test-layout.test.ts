/**
 * Keeps the test tree's convention: a unit test's path names the module it tests
 * (src/core/vault/vault.ts → test/unit/core/vault/vault.test.ts; the renderer's
 * src/renderer/src/x.ts → test/unit/renderer/x.test.ts; scripts/s.ts → test/unit/scripts/s.test.ts;
 * test/helpers/h.ts → test/unit/helpers/h.test.ts), and source is imported through the aliases.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');

/** Where each part of test/unit mirrors from, most specific first. */
const MIRRORS: [tests: string, sources: string][] = [
  ['test/unit/renderer/', 'src/renderer/src/'],
  ['test/unit/scripts/', 'scripts/'],
  ['test/unit/helpers/', 'test/helpers/'],
  ['test/unit/', 'src/'],
];

/** Tests of something that is not a module, and why. */
const EXCEPTIONS: Record<string, string> = {
  'test/unit/electron-builder.test.ts': 'checks the packaging configuration, electron-builder.yml',
  'test/unit/eslint-config.test.ts': 'checks the lint configuration, eslint.config.mjs',
  'test/unit/test-layout.test.ts': 'checks this convention itself',
};

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(repo, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.name === 'node_modules' || entry.name.startsWith('__')) return [];
    return entry.isDirectory() ? filesUnder(relative) : [relative];
  });
}

/** The source a test file mirrors, or undefined when no module has its name. */
function moduleOf(test: string): string | undefined {
  const [tests, sources] = MIRRORS.find(([prefix]) => test.startsWith(prefix)) ?? [];
  if (tests === undefined || sources === undefined) return undefined;
  const stem = sources + test.slice(tests.length, -'.test.ts'.length);
  return ['.ts', '.tsx']
    .map((extension) => stem + extension)
    .find((file) => existsSync(path.join(repo, file)));
}

describe('the test tree', () => {
  it('names, for every unit test, the module it tests', () => {
    const tests = filesUnder('test/unit').filter((file) => file.endsWith('.test.ts'));
    expect(tests.length).toBeGreaterThan(100);
    const unmatched = tests.filter((test) => !EXCEPTIONS[test] && !moduleOf(test));
    expect(unmatched, 'tests whose path names no module (move them, or list why)').toEqual([]);
    for (const exception of Object.keys(EXCEPTIONS)) expect(tests).toContain(exception);
  });

  it('imports source through the aliases, never by a relative path into src/', () => {
    const code = ['test', 'bench', 'scripts']
      .flatMap(filesUnder)
      .filter((file) => /\.(ts|tsx|mts)$/.test(file));
    const relative = code.filter((file) =>
      /['"](\.\.?\/)+src(\/|['"])/.test(readFileSync(path.join(repo, file), 'utf8')),
    );
    expect(relative).toEqual([]);
  });
});
