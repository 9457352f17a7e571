/**
 * The template engine: LiquidJS, configured so that nothing runs `eval` (the app's CSP forbids
 * it), unknown names are errors rather than blanks, only own properties are read, no file can be
 * included and a runaway loop fails instead of exhausting memory.
 */
import { Liquid } from 'liquidjs';

const FORBIDDEN_TAGS = ['include', 'render', 'layout', 'block'] as const;

export function createLiquid(): Liquid {
  const liquid = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    outputEscape: undefined,
    cache: false,
    relativeReference: false,
    // A runaway loop (`{% for i in (1..1000000000) %}`) must fail the letter, not the app.
    memoryLimit: 10_000_000,
    renderLimit: 2_000,
    parseLimit: 1_000_000,
    // No template ever comes from a file: any lookup fails.
    fs: {
      exists: () => Promise.resolve(false),
      existsSync: () => false,
      readFile: () => Promise.reject(new Error('templates cannot include files')),
      readFileSync: () => {
        throw new Error('templates cannot include files');
      },
      resolve: (_root, file) => file,
    },
  });
  for (const tag of FORBIDDEN_TAGS) Reflect.deleteProperty(liquid.tags, tag);
  return liquid;
}
