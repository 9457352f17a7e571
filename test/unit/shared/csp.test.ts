import { describe, expect, it } from 'vitest';
import { buildCsp } from '@shared/csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('content security policy', () => {
  const production = directives(buildCsp());

  it('denies by default and runs only our own scripts', () => {
    expect(production.get('default-src')).toEqual(["'none'"]);
    expect(production.get('script-src')).toEqual(["'self'"]);
    expect(production.get('object-src')).toEqual(["'none'"]);
    expect(production.get('base-uri')).toEqual(["'none'"]);
  });

  it('names no remote origin and never allows eval', () => {
    const csp = buildCsp({ forHeader: true });
    expect(csp).not.toMatch(/https?:|wss?:|\*/);
    expect(csp).not.toContain('unsafe-eval');
    expect(directives(csp).get('frame-ancestors')).toEqual(["'none'"]);
    expect(production.has('frame-ancestors')).toBe(false);
  });

  it("allows WebAssembly only when asked (the Argon2id worker's own header)", () => {
    expect(production.get('script-src')).not.toContain("'wasm-unsafe-eval'");
    const worker = directives(buildCsp({ forHeader: true, allowWasm: true }));
    expect(worker.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(worker.get('default-src')).toEqual(["'none'"]);
  });

  it("adds only Vite's own origin in development", () => {
    const dev = directives(buildCsp({ devServerOrigin: 'http://localhost:5173' }));
    expect(dev.get('connect-src')).toEqual([
      "'self'",
      'http://localhost:5173',
      'ws://localhost:5173',
    ]);
    expect(dev.get('script-src')).not.toContain("'unsafe-eval'");
  });
});
