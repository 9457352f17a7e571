/**
 * The Content-Security-Policy of every page Tadamun shows. One definition, used by the
 * renderer's index.html (meta tag, injected at build) and by the main process (response header).
 * No remote origin appears anywhere: the app is offline by design.
 */
export interface CspOptions {
  /** Vite's dev server origin, e.g. http://localhost:5173; only in `npm run dev`. */
  devServerOrigin?: string;
  /** `frame-ancestors` is ignored (with a console warning) in a meta tag: headers only. */
  forHeader?: boolean;
  /**
   * Adds 'wasm-unsafe-eval': only for the browser build's Argon2id worker script, whose own
   * CSP (a worker's comes from its response) lets it compile WebAssembly. Never the page's.
   */
  allowWasm?: boolean;
}

export function buildCsp(options: CspOptions = {}): string {
  const dev = options.devServerOrigin;
  const devSocket = dev?.replace(/^http/, 'ws');
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    // React Fast Refresh injects one inline module script in development only.
    'script-src': [
      "'self'",
      ...(dev ? ["'unsafe-inline'"] : []),
      ...(options.allowWasm ? ["'wasm-unsafe-eval'"] : []),
    ],
    // Mantine writes its theme variables into a <style> element.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': dev && devSocket ? ["'self'", dev, devSocket] : ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  if (options.forHeader) directives['frame-ancestors'] = ["'none'"];
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
