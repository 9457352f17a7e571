/**
 * `npm test`: typecheck, lint, unit tests, build, security scan, end-to-end tests, in that
 * order; stops at the first failing step and ends with one summary line of the test counts.
 * Tests whose system programs are missing (outside CI) are left out, named, and fail the run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  decide,
  filesNeedingLibreOffice,
  findMissing,
  isCi,
  SUITE_NAMES,
  systemProbe,
  type Suite,
} from './system-deps';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const reportDir = mkdtempSync(path.join(tmpdir(), 'tadamun-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(title: string, command: string, args: string[]): void {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.log(`\n${title} failed.`);
    console.log(`${totals.passed} passed, ${Math.max(totals.failed, 1)} failed`);
    process.exit(result.status ?? 1);
  }
}

const probe = systemProbe();
const decision = decide(findMissing(probe), {
  ci: isCi(probe.env),
  canInstall: false,
  platform: probe.platform,
});
if (decision.kind === 'fail') {
  console.error(decision.message);
  process.exit(1);
}
const notRun: Suite[] = decision.kind === 'partial' ? decision.notRun : [];

/** Test files under `dir` left out because LibreOffice checks cannot run here. */
function withoutLibreOffice(dir: string): string[] {
  if (!notRun.includes('docx')) return [];
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => {
      const relative = path.join(dir, file).split(path.sep).join('/');
      return { path: relative, text: readFileSync(relative, 'utf8') };
    });
  return filesNeedingLibreOffice(files);
}

function vitest(project: string, excluded: readonly string[] = []): void {
  const report = path.join(reportDir, `${project}.json`);
  step(`${project} tests`, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    ...excluded.flatMap((file) => ['--exclude', file]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  const counts = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
  if (counts.numPassedTests === 0) {
    console.log(`\n${project} tests ran no test.\n0 passed, 1 failed`);
    process.exit(1);
  }
  totals.passed += counts.numPassedTests;
  totals.failed += counts.numFailedTests;
  totals.skipped += counts.numPendingTests + counts.numTodoTests;
}

step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
vitest('unit', withoutLibreOffice('test/unit'));
step('build', 'npx', ['electron-vite', 'build']);
// Electronegativity over the built main, preload and renderer: fails on any HIGH finding.
step('security scan', 'npx', [
  'tsx',
  '--tsconfig',
  'tsconfig.test.json',
  'scripts/security-scan.ts',
]);
if (!notRun.includes('e2e')) vitest('e2e', withoutLibreOffice('test/e2e'));

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
if (decision.kind === 'partial') {
  console.log(`\nNOT A FULL PASS. Did not run: ${notRun.map((s) => SUITE_NAMES[s]).join('; ')}.`);
  console.log(decision.message);
}
process.exit(totals.failed === 0 && notRun.length === 0 ? 0 : 1);
