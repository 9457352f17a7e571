/**
 * Electron security scan: runs Electronegativity over the built app (out/main, out/preload,
 * out/renderer: exactly what is packaged) and fails on any HIGH-severity finding, or on a file
 * it could not parse (a file it could not read is a file it did not check). Lower findings are
 * printed for review. `npm test` runs it after the build; `npm run scan:security` builds first.
 * Usage: tsx scripts/security-scan.ts [OUT_DIR, default out]
 *
 * Offline: Electronegativity's two network calls are avoided (its translations are loaded from
 * the package, and the check that downloads Electron's release list is left out: npm keeps
 * Electron current), and any other connection attempt makes the scan fail.
 */
import { transformSync } from 'esbuild';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire, Module } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string; value: number };
  confidence: { name: string; value: number };
  description: string;
  manualReview?: boolean;
}
export interface ScanError {
  file: string;
  message: string;
  tolerable: boolean;
}
export interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  issues: Finding[];
  errors: ScanError[];
}

interface RunOptions {
  input: string;
  output?: string;
  isSarif: boolean;
  customScan: string[];
  excludeFromScan: string[];
  severitySet?: string;
  confidenceSet?: string;
  isRelative: boolean;
  isVerbose: boolean;
  electronUpgrade?: string;
  electronVersionOverride: string;
  parserPlugins: string[];
}
type Run = (options: RunOptions, forCli: boolean) => Promise<ScanResult>;

interface I18n {
  configure(options: Record<string, unknown>): void;
  setLocale(locale: string): void;
}

/** The packaged parts of out/ (out/ also holds test and benchmark builds). */
export const SHIPPED_BUNDLES = ['main', 'preload', 'renderer'] as const;
/** Electronegativity's only check that needs the network (it downloads Electron's releases). */
const NETWORK_CHECKS = ['availablesecurityfixesglobalcheck'];
const HIGH = 3;

const projectRequire = createRequire(path.join(process.cwd(), 'package.json'));

function loadElectronegativity(): Run {
  const packageDir = path.dirname(
    projectRequire.resolve('@doyensec/electronegativity/package.json'),
  );
  // Each run first downloads translations; the English ones ship in the package, so its
  // translation loader (dist/locales/i18n.js) is replaced by one that only loads those.
  const loaderFile = path.join(packageDir, 'dist', 'locales', 'i18n.js');
  const i18n = createRequire(loaderFile)('i18n') as I18n;
  const loadShippedTranslations = async (): Promise<void> => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: path.dirname(loaderFile),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  const loader = new Module(loaderFile);
  loader.filename = loaderFile;
  loader.loaded = true;
  loader.exports = loadShippedTranslations;
  projectRequire.cache[loaderFile] = loader;
  return projectRequire('@doyensec/electronegativity') as Run;
}

export function installedElectronVersion(): string {
  const manifest = projectRequire.resolve('electron/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Scans a folder holding main/, preload/ and renderer/ bundles, as out/ does. */
export async function scanBuiltApp(outDir: string, electronVersion: string): Promise<ScanResult> {
  const missing = SHIPPED_BUNDLES.filter((name) => !existsSync(path.join(outDir, name)));
  if (missing.length > 0) {
    throw new Error(`${outDir} has no ${missing.join(', ')}: build the app first`);
  }
  const input = mkdtempSync(path.join(tmpdir(), 'tadamun-scan-'));
  try {
    for (const name of SHIPPED_BUNDLES) {
      cpSync(path.join(outDir, name), path.join(input, name), { recursive: true });
    }
    lowerSyntax(path.join(input, 'renderer'));
    const run = loadElectronegativity();
    return await run(
      {
        input,
        isSarif: false,
        customScan: [],
        excludeFromScan: NETWORK_CHECKS,
        isRelative: true,
        isVerbose: true,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
  } finally {
    rmSync(input, { recursive: true, force: true });
  }
}

/**
 * The scanner's parser predates private class fields (`#x`), which libraries in the renderer
 * bundle use: lower the copies to ES2020 (same behaviour, older syntax) so every file is read.
 */
function lowerSyntax(folder: string): void {
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { code } = transformSync(readFileSync(file, 'utf8'), { target: 'es2020' });
    writeFileSync(file, code);
  }
}

/** What fails the scan: HIGH findings, and files that could not be parsed. */
export function blockingProblems(result: ScanResult): string[] {
  return [
    ...result.issues
      .filter((issue) => issue.severity.value >= HIGH)
      .map((issue) => `${issue.id} (HIGH) in ${issue.file}: ${issue.description}`),
    ...result.errors
      .filter((error) => !error.tolerable)
      .map((error) => `could not parse ${error.file}: ${error.message}`),
  ];
}

/** Any connection attempt is a bug in this scan, not something to wait for. */
function forbidNetwork(): void {
  net.Socket.prototype.connect = function connect(): never {
    throw new Error('The security scan must run offline: a check tried to connect');
  };
}

async function main(): Promise<void> {
  forbidNetwork();
  const outDir = path.resolve(process.argv[2] ?? 'out');
  const electronVersion = installedElectronVersion();
  const result = await scanBuiltApp(outDir, electronVersion);
  console.log(
    `Electronegativity: ${result.globalChecks + result.atomicChecks} checks over ${outDir}/{${SHIPPED_BUNDLES.join(',')}} (Electron ${electronVersion})`,
  );
  for (const issue of result.issues) {
    const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
    console.log(
      `  ${issue.severity.name}/${issue.confidence.name} ${issue.id} ${where}: ${issue.description}`,
    );
  }
  const problems = blockingProblems(result);
  if (problems.length > 0) {
    console.log(`\nThe security scan failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`No HIGH finding (${result.issues.length} lower for review).`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
