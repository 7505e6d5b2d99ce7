// Small helpers shared by the top-level scripts: run a command with inherited output, or capture it.
import { spawnSync } from 'node:child_process';

export function run(command, args, options = {}) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) {
    throw result.error;
  }
  return result.status ?? 1;
}

export function capture(command, args, options = {}) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.error) {
    throw result.error;
  }
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return { status: result.status ?? 1, output: result.stdout + result.stderr };
}

export function requireTool(command, hint) {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    console.error(`${command} is needed: ${hint}`);
    process.exit(2);
  }
}

/** Installs Debian packages with apt-get (through sudo when not root); false when that is impossible. */
export function aptInstall(packages) {
  const sudo = process.getuid?.() !== 0 && !spawnSync('sudo', ['-n', 'true']).error ? ['sudo'] : [];
  const apt = (args) => run(sudo[0] ?? 'apt-get', [...(sudo.length > 0 ? ['apt-get'] : []), ...args], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (spawnSync('apt-get', ['--version']).error) return false;
  if (!aptUpdated) {
    aptUpdated = apt(['update']) === 0;
    if (!aptUpdated) return false;
  }
  return apt(['install', '-y', '--no-install-recommends', ...packages]) === 0;
}
let aptUpdated = false;
