/**
 * Switches that let another program read or drive the app: a debugger on the renderer
 * (Chromium's remote debugging) or on main. Fuses disable Node's --inspect in packaged builds;
 * Chromium's switches are refused here, since a fuse cannot turn them off.
 */
const FORBIDDEN = new Set([
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'auto-open-devtools-for-tabs',
]);

/** The forbidden switches among `argv`, by name ("--inspect=9229" → "inspect"). */
export function debugSwitchesIn(argv: readonly string[]): string[] {
  const found = new Set<string>();
  for (const arg of argv) {
    if (arg === '--') break;
    const match = /^--?([a-z][a-z0-9-]*)(?:=|$)/i.exec(arg);
    const name = match?.[1]?.toLowerCase();
    if (name && FORBIDDEN.has(name)) found.add(name);
  }
  return [...found];
}
