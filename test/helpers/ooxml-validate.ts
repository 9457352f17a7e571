/**
 * The strict DOCX check Word's "unreadable content" needs: tools/ooxml/ooxml_validate.py (ZIP,
 * content types, relationships, every part against the ISO/IEC 29500 transitional schemas).
 * It runs with a Python that has lxml: $OOXML_PYTHON, else /usr/bin/python3 (Debian's, with
 * python3-lxml), else python3 on the PATH.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const OOXML_VALIDATOR = path.resolve(
  import.meta.dirname,
  '../../tools/ooxml/ooxml_validate.py',
);

function python(): string {
  const chosen = process.env['OOXML_PYTHON'];
  if (chosen) return chosen;
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

export interface Validation {
  ok: boolean;
  /** The validator's report: one block per file, errors and warnings named. */
  report: string;
}

/** Validates DOCX files in one call; `ok` when every file passed (exit 0). */
export async function validateDocxFiles(paths: readonly string[]): Promise<Validation> {
  try {
    const { stdout, stderr } = await run(python(), [OOXML_VALIDATOR, ...paths], {
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
    });
    return { ok: true, report: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    const crashed = /Traceback|ModuleNotFoundError/.test(failed.stderr ?? '');
    if (failed.code === 1 && !crashed)
      return { ok: false, report: `${failed.stdout}${failed.stderr}` };
    throw new Error(
      `The DOCX validator could not run (${python()} ${OOXML_VALIDATOR}): ${failed.stderr ?? String(error)}. ` +
        'It needs Python 3 with lxml (Debian: apt-get install python3-lxml).',
      { cause: error },
    );
  }
}

/** Validates DOCX bytes, written to a temporary folder under their names. */
export async function validateDocx(
  files: Readonly<Record<string, Uint8Array>>,
): Promise<Validation> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tadamun-ooxml-'));
  const paths = await Promise.all(
    Object.entries(files).map(async ([name, bytes]) => {
      const file = path.join(dir, name.endsWith('.docx') ? name : `${name}.docx`);
      await writeFile(file, bytes);
      return file;
    }),
  );
  return validateDocxFiles(paths);
}
