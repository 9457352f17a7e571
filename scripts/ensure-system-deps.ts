/**
 * `pretest`: makes sure of the system programs the tests drive (see system-deps.ts). Installs
 * the missing ones on Debian when it may (root or password-less sudo); in CI anything still
 * missing fails the run; elsewhere it says what will not run, and `npm test` runs the rest.
 */
import { spawnSync } from 'node:child_process';
import { decide, findMissing, isCi, systemProbe } from './system-deps';

function run(command: string, args: string[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
}

/** apt-get as root, or through password-less sudo; undefined when neither is possible. */
function aptGet(probe: ReturnType<typeof systemProbe>): string[] | undefined {
  if (probe.platform !== 'linux' || !probe.onPath('apt-get')) return undefined;
  if (process.getuid?.() === 0) return ['apt-get'];
  if (probe.onPath('sudo') && run('sudo', ['-n', 'true'])) return ['sudo', '-n', 'apt-get'];
  return undefined;
}

const probe = systemProbe();
const ci = isCi(probe.env);
let missing = findMissing(probe);
const apt = missing.length > 0 ? aptGet(probe) : undefined;
let decision = decide(missing, { ci, canInstall: apt !== undefined, platform: probe.platform });

if (decision.kind === 'install' && apt) {
  const [command = 'apt-get', ...prefix] = apt;
  console.log(`Tests need these system packages: ${decision.packages.join(' ')}`);
  console.log('Installing them with apt-get (a few minutes the first time)...');
  run(command, [...prefix, 'update', '-qq']);
  run(command, [
    ...prefix,
    'install',
    '-y',
    '-qq',
    '--no-install-recommends',
    ...decision.packages,
  ]);
  missing = findMissing(probe);
  decision = decide(missing, { ci, canInstall: false, platform: probe.platform });
  if (decision.kind === 'ready') console.log('Installed them.');
}

if (decision.kind === 'fail') {
  console.error(decision.message);
  process.exit(1);
}
if (decision.kind === 'partial') {
  console.warn(`${decision.message}\nnpm test runs the other tests, then fails: not a full pass.`);
}
