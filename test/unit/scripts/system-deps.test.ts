import { describe, expect, it } from 'vitest';
import {
  decide,
  filesNeedingLibreOffice,
  findMissing,
  installHint,
  isCi,
  type Probe,
} from '../../../scripts/system-deps';

const DEBIAN_FONTS = 'Noto Naskh Arabic\nKacstOne\nLiberation Serif\n';
const TOOLS = ['libreoffice', 'pdftotext', 'pdfinfo', 'pdftoppm'];

function probe(overrides: Partial<Probe> & { files?: string[]; programs?: string[] } = {}): Probe {
  const { files = ['/usr/bin/chromium'], programs = TOOLS, ...rest } = overrides;
  return {
    env: {},
    platform: 'linux',
    fileExists: (file) => files.includes(file),
    onPath: (program) => programs.includes(program),
    fontFamilies: () => DEBIAN_FONTS,
    pythonHasLxml: () => true,
    ...rest,
  };
}

describe('findMissing', () => {
  it('finds nothing missing on a machine set up like CI', () => {
    expect(findMissing(probe())).toEqual([]);
  });

  it('looks for Chromium and LibreOffice where the test helpers will', () => {
    const env = { CHROMIUM_PATH: '/opt/chromium', LIBREOFFICE_PATH: '/opt/soffice' };
    expect(findMissing(probe({ env, programs: TOOLS }))).toEqual(['chromium', 'libreoffice']);
    expect(findMissing(probe({ env, files: ['/opt/chromium', '/opt/soffice'] }))).toEqual([]);
  });

  it('names each missing program and font', () => {
    const missing = findMissing(
      probe({ files: [], programs: ['pdftotext'], fontFamilies: () => 'DejaVu Sans\n' }),
    );
    expect(missing).toEqual(['chromium', 'libreoffice', 'poppler', 'naskh', 'kacst', 'liberation']);
  });

  it('does not check fonts where fontconfig is absent (macOS, Windows)', () => {
    expect(findMissing(probe({ fontFamilies: () => undefined }))).toEqual([]);
  });
});

describe('decide', () => {
  const here = { ci: false, canInstall: false, platform: 'darwin' as const };

  it('is ready when nothing is missing, even in CI', () => {
    expect(decide([], { ...here, ci: true })).toEqual({ kind: 'ready' });
  });

  it('installs the Debian packages when it may', () => {
    expect(decide(['chromium', 'naskh'], { ...here, canInstall: true })).toEqual({
      kind: 'install',
      packages: ['chromium', 'fonts-noto-core'],
    });
  });

  it('fails in CI when programs are missing and cannot be installed', () => {
    const decision = decide(['libreoffice'], { ...here, ci: true, platform: 'linux' });
    expect(decision.kind).toBe('fail');
    if (decision.kind !== 'fail') return;
    expect(decision.message).toContain('LibreOffice Writer');
    expect(decision.message).toContain(
      'sudo apt-get install --no-install-recommends libreoffice-writer',
    );
  });

  it('outside CI runs the rest, naming the suites that cannot run and what to install', () => {
    const decision = decide(['chromium', 'poppler'], here);
    expect(decision).toMatchObject({ kind: 'partial', notRun: ['e2e', 'docx'] });
    if (decision.kind !== 'partial') return;
    expect(decision.message).toContain('end-to-end tests');
    expect(decision.message).toContain('LibreOffice DOCX checks');
    expect(decision.message).toContain('brew install --cask chromium');
    expect(decision.message).toContain('brew install poppler');
    expect(decision.message).toContain('export CHROMIUM_PATH=');
  });

  it('leaves out only the DOCX checks when Chromium is there', () => {
    expect(decide(['kacst'], here)).toMatchObject({ kind: 'partial', notRun: ['docx'] });
  });
});

describe('installHint', () => {
  it('gives winget commands and the path variables on Windows', () => {
    expect(installHint(['chromium', 'libreoffice'], 'win32')).toEqual([
      'winget install Hibbiki.Chromium',
      'winget install TheDocumentFoundation.LibreOffice',
      'set CHROMIUM_PATH=%LOCALAPPDATA%\\Chromium\\Application\\chrome.exe',
      'set LIBREOFFICE_PATH=C:\\Program Files\\LibreOffice\\program\\soffice.exe',
    ]);
  });
});

describe('isCi', () => {
  it('reads the CI variable as CI services set it', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({})).toBe(false);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({ CI: '0' })).toBe(false);
  });
});

describe('filesNeedingLibreOffice', () => {
  it('picks the test files that import the DOCX check helper', () => {
    const files = [
      { path: 'a.test.ts', text: "import { checkDocx } from '../../helpers/docx-check';" },
      { path: 'b.test.ts', text: "import { aContact } from '../helpers/contact-fixture';" },
      { path: 'c.e2e.test.ts', text: 'import {\n  pdfPages,\n} from "./helpers/docx-check";' },
    ];
    expect(filesNeedingLibreOffice(files)).toEqual(['a.test.ts', 'c.e2e.test.ts']);
  });
});

describe('the DOCX validator', () => {
  it('needs Python with lxml, installed from Debian as python3-lxml', () => {
    expect(findMissing(probe({ pythonHasLxml: () => false }))).toEqual(['lxml']);
    expect(decide(['lxml'], { ci: false, canInstall: true, platform: 'linux' })).toEqual({
      kind: 'install',
      packages: ['python3-lxml'],
    });
  });

  it('counts test files importing the validator helper among those needing the DOCX tools', () => {
    expect(
      filesNeedingLibreOffice([
        { path: 'a.test.ts', text: "import { validateDocx } from '../helpers/ooxml-validate';" },
        { path: 'b.test.ts', text: "import { x } from './other';" },
      ]),
    ).toEqual(['a.test.ts']);
  });
});
