/**
 * The lint rules that keep the layers apart fire where they should: the renderer writes only
 * through named core operations (no store.commit, writeMeta or Dexie), which core may use.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });
const IN_RENDERER = 'src/renderer/src/features/probe/probe.ts';
const IN_CORE = 'src/core/db/probe.ts';

/** The rules a snippet breaks, as linted at `file` (which need not exist). */
async function broken(code: string, file: string): Promise<string[]> {
  const typed = code.includes('DataCore')
    ? `import type { DataCore } from '@core/db/data-core';\n${code}`
    : code;
  const [result] = await eslint.lintText(typed, { filePath: file });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

const WRITES: [what: string, code: string, rule: string][] = [
  [
    'store.commit',
    'export const f = (core: DataCore) => core.store.commit([]);',
    'no-restricted-syntax',
  ],
  [
    'a bare store.commit',
    "export const f = (store: DataCore['store']) => store.commit([]);",
    'no-restricted-syntax',
  ],
  [
    'commit taken from the store',
    'export function f(core: DataCore) {\n  const { commit } = core.store;\n  return commit;\n}',
    'no-restricted-syntax',
  ],
  [
    'writeMeta',
    "export const f = (core: DataCore) => core.store.writeMeta('k', 1);",
    'no-restricted-syntax',
  ],
  [
    'replaceAll on the store',
    'export const f = (core: DataCore) => core.store.replaceAll(new Map());',
    'no-restricted-syntax',
  ],
  [
    'the Dexie database',
    'export const f = (core: DataCore) => core.store.db.meta;',
    'no-restricted-syntax',
  ],
  [
    'importing Dexie',
    "import Dexie from 'dexie';\nexport const d = Dexie;",
    'no-restricted-imports',
  ],
  [
    'importing the database module',
    "import { TadamunDatabase } from '@core/db/database';\nexport const d = TadamunDatabase;",
    'no-restricted-imports',
  ],
];

describe('the renderer writes only through core', () => {
  it.each(WRITES)(
    'forbids %s in the renderer, and allows it in core',
    async (_what, code, rule) => {
      const inRenderer = await broken(code, IN_RENDERER);
      expect(inRenderer).toContainEqual(
        expect.stringMatching(`^${rule}: .*The renderer writes only`),
      );
      expect(await broken(code, IN_CORE)).toEqual([]);
    },
  );

  it('allows reading through the store and calling core operations', async () => {
    const code = [
      'export async function f(core: DataCore, text: string) {',
      '  core.store.subscribe(() => {});',
      "  await core.contacts.createWithOrganization({}, { name: 'x' });",
      "  return [core.store.all('contacts'), core.store.version('contacts'), text.replaceAll('a', 'b')];",
      '}',
    ].join('\n');
    expect(await broken(code, IN_RENDERER)).toEqual([]);
  });
});
