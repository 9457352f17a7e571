/**
 * The system programs the tests drive, and what `npm test` does when some are missing: on
 * Debian it installs them when it may; in CI it fails; elsewhere it runs what it can, names
 * what did not run and how to install it, and still fails, so a partial run never reads as a pass.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Parts of the test run that need system programs; unit tests without them need only Node. */
export type Suite = 'e2e' | 'docx';

export const SUITE_NAMES: Record<Suite, string> = {
  e2e: 'end-to-end tests (test/e2e, in Chromium)',
  docx: 'LibreOffice DOCX checks (tests that import test/helpers/docx-check.ts)',
};

export interface Requirement {
  /** Debian package that provides it. */
  debian: string;
  what: string;
  neededBy: readonly Suite[];
}

export const REQUIREMENTS = {
  chromium: { debian: 'chromium', what: 'Chromium', neededBy: ['e2e'] },
  libreoffice: { debian: 'libreoffice-writer', what: 'LibreOffice Writer', neededBy: ['docx'] },
  poppler: { debian: 'poppler-utils', what: 'poppler (pdftotext)', neededBy: ['docx'] },
  naskh: { debian: 'fonts-noto-core', what: 'Noto Naskh Arabic font', neededBy: ['docx'] },
  kacst: { debian: 'fonts-kacst', what: 'KacST fonts', neededBy: ['docx'] },
  liberation: { debian: 'fonts-liberation2', what: 'Liberation fonts', neededBy: ['docx'] },
  lxml: {
    debian: 'python3-lxml',
    what: 'Python 3 with lxml (the strict DOCX validator, tools/ooxml)',
    neededBy: ['docx'],
  },
} as const satisfies Record<string, Requirement>;

export type RequirementName = keyof typeof REQUIREMENTS;

/** What the checks need from the machine; injected in tests. */
export interface Probe {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  fileExists(file: string): boolean;
  /** Whether a program is found on PATH. */
  onPath(program: string): boolean;
  /** Font families fontconfig knows, or undefined without fontconfig (fonts are not checked). */
  fontFamilies(): string | undefined;
  /** Whether the validator's Python (as test/helpers/ooxml-validate.ts picks it) imports lxml. */
  pythonHasLxml(): boolean;
}

export function isCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/** The requirements this machine lacks, checked as the test helpers look for them. */
export function findMissing(probe: Probe): RequirementName[] {
  const missing: RequirementName[] = [];
  const chromium = probe.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!probe.fileExists(chromium)) missing.push('chromium');
  const libreoffice = probe.env['LIBREOFFICE_PATH'];
  if (!(libreoffice ? probe.fileExists(libreoffice) : probe.onPath('libreoffice'))) {
    missing.push('libreoffice');
  }
  if (!['pdftotext', 'pdfinfo', 'pdftoppm'].every((tool) => probe.onPath(tool))) {
    missing.push('poppler');
  }
  if (!probe.pythonHasLxml()) missing.push('lxml');
  const families = probe.fontFamilies()?.toLowerCase();
  if (families !== undefined) {
    if (!families.includes('naskh arabic')) missing.push('naskh');
    if (!families.includes('kacst')) missing.push('kacst');
    if (!families.includes('liberation')) missing.push('liberation');
  }
  return missing;
}

export type Decision =
  | { kind: 'ready' }
  | { kind: 'install'; packages: string[] }
  | { kind: 'fail'; message: string }
  | { kind: 'partial'; notRun: Suite[]; message: string };

/** What to do about the missing requirements. */
export function decide(
  missing: readonly RequirementName[],
  { ci, canInstall, platform }: { ci: boolean; canInstall: boolean; platform: NodeJS.Platform },
): Decision {
  if (missing.length === 0) return { kind: 'ready' };
  if (canInstall) return { kind: 'install', packages: missing.map((m) => REQUIREMENTS[m].debian) };
  const message = missingMessage(missing, platform);
  if (ci) return { kind: 'fail', message: `${message}\nCI runs every suite: install them first.` };
  return { kind: 'partial', notRun: suitesNotRunnable(missing), message };
}

export function suitesNotRunnable(missing: readonly RequirementName[]): Suite[] {
  const suites = new Set<Suite>(missing.flatMap((m) => REQUIREMENTS[m].neededBy));
  return (['e2e', 'docx'] as const).filter((suite) => suites.has(suite));
}

/** Names what is missing, the suites that cannot run and the command that installs it. */
export function missingMessage(
  missing: readonly RequirementName[],
  platform: NodeJS.Platform,
): string {
  const lines = [
    `Missing system programs: ${missing.map((m) => REQUIREMENTS[m].what).join(', ')}.`,
    `Without them these tests cannot run: ${suitesNotRunnable(missing)
      .map((suite) => SUITE_NAMES[suite])
      .join('; ')}.`,
    'To install them:',
    ...installHint(missing, platform).map((line) => `  ${line}`),
  ];
  return lines.join('\n');
}

export function installHint(
  missing: readonly RequirementName[],
  platform: NodeJS.Platform,
): string[] {
  const has = (name: RequirementName) => missing.includes(name);
  if (platform === 'darwin') {
    return [
      ...(has('chromium') ? ['brew install --cask chromium'] : []),
      ...(has('libreoffice') ? ['brew install --cask libreoffice'] : []),
      ...(has('poppler') ? ['brew install poppler'] : []),
      ...(has('naskh') || has('kacst') || has('liberation')
        ? ['brew install --cask font-noto-naskh-arabic font-liberation (and a KacST font)']
        : []),
      ...pathHints(missing, 'export', {
        chromium: '/Applications/Chromium.app/Contents/MacOS/Chromium',
        libreoffice: '/Applications/LibreOffice.app/Contents/MacOS/soffice',
      }),
    ];
  }
  if (platform === 'win32') {
    const ids = [
      ...(has('chromium') ? ['Hibbiki.Chromium'] : []),
      ...(has('libreoffice') ? ['TheDocumentFoundation.LibreOffice'] : []),
      ...(has('poppler') ? ['oschwartz10612.Poppler'] : []),
    ];
    return [
      ...ids.map((id) => `winget install ${id}`),
      ...(has('poppler') ? ["then add poppler's bin folder to PATH"] : []),
      ...pathHints(missing, 'set', {
        chromium: '%LOCALAPPDATA%\\Chromium\\Application\\chrome.exe',
        libreoffice: 'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
      }),
    ];
  }
  return [
    `sudo apt-get install --no-install-recommends ${missing.map((m) => REQUIREMENTS[m].debian).join(' ')}`,
  ];
}

/** Chromium and LibreOffice outside the Debian paths are found through these variables. */
function pathHints(
  missing: readonly RequirementName[],
  command: 'export' | 'set',
  where: { chromium: string; libreoffice: string },
): string[] {
  return [
    ...(missing.includes('chromium') ? [`${command} CHROMIUM_PATH=${where.chromium}`] : []),
    ...(missing.includes('libreoffice')
      ? [`${command} LIBREOFFICE_PATH=${where.libreoffice}`]
      : []),
  ];
}

/** Test files that need LibreOffice or the validator: those importing their helpers. */
export function filesNeedingLibreOffice(
  files: readonly { path: string; text: string }[],
): string[] {
  return files
    .filter(({ text }) =>
      /^(import [^;]*?|\}) from ['"][^'"]*helpers\/(docx-check|ooxml-validate)['"]/m.test(text),
    )
    .map((file) => file.path);
}

/** The probe of this machine. */
export function systemProbe(): Probe {
  const env = process.env;
  const extensions =
    process.platform === 'win32' ? (env['PATHEXT'] ?? '.EXE;.CMD;.BAT').split(';') : [''];
  const onPath = (program: string) =>
    (env['PATH'] ?? '')
      .split(path.delimiter)
      .filter(Boolean)
      .some((dir) => extensions.some((ext) => existsSync(path.join(dir, program + ext))));
  return {
    env,
    platform: process.platform,
    fileExists: existsSync,
    onPath,
    pythonHasLxml() {
      const debian = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
      const python = env['OOXML_PYTHON'] ?? (process.platform === 'win32' ? 'python' : debian);
      return spawnSync(python, ['-c', 'import lxml'], { stdio: 'ignore' }).status === 0;
    },
    fontFamilies() {
      if (!onPath('fc-list')) return undefined;
      const listed = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' });
      return listed.status === 0 ? listed.stdout : undefined;
    },
  };
}
