// Installs code-server (a real VS Code workbench served on localhost) and Debian's chromium when they are missing.
// code-server comes from the npm registry at a fixed version (4.100.3 = VS Code 1.100.3; newer ones need Node 24), unpacked into a
// cache folder outside the repository (~/.cache/cachespec-code-server, or $CACHESPEC_CODE_SERVER_CACHE) and reused by later runs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM = '/usr/bin/chromium';

function sh(command, args, options = {}) {
  const started = Date.now();
  console.log(`> ${command} ${args.join(' ')}${options.cwd ? `   (in ${options.cwd})` : ''}`);
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...options });
  if (result.error || result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.stdout;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

let aptUpdated = false;
function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  console.log(`> apt-get install ${packages.join(' ')}`);
  if (!aptUpdated && install().status === 0) return;
  if (!aptUpdated) {
    sh('apt-get', ['update', '-qq'], { env });
    aptUpdated = true;
  }
  if (install().status !== 0) throw new Error(`apt-get install ${packages.join(' ')} failed`);
}

export function ensureChromium() {
  if (!existsSync(CHROMIUM)) {
    aptInstall(['chromium']);
  }
  return CHROMIUM;
}

export function cacheFolder() {
  return process.env.CACHESPEC_CODE_SERVER_CACHE ?? path.join(os.homedir(), '.cache', 'cachespec-code-server');
}

/** Returns the path of code-server's entry script, installing it first when the cache has no complete copy. */
export function ensureCodeServer() {
  const root = path.join(cacheFolder(), CODE_SERVER_VERSION);
  const entry = path.join(root, 'package', 'out', 'node', 'entry.js');
  if (existsSync(path.join(root, '.complete')) && existsSync(entry)) {
    return entry;
  }
  console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${root} (once; later runs reuse it).`);
  // Native modules compile against these headers; rg replaces the ripgrep binary its npm package would download.
  const headers = ['/usr/include/krb5.h', '/usr/include/X11/Xlib.h', '/usr/include/X11/extensions/XKBfile.h', '/usr/include/libsecret-1/libsecret/secret.h'];
  if (headers.some((file) => !existsSync(file)) || !hasCommand('pkg-config') || !hasCommand('rg')) {
    aptInstall(['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'ripgrep']);
  }
  const work = `${root}.partial`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  sh('npm', ['pack', `code-server@${CODE_SERVER_VERSION}`, '--silent'], { cwd: work });
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  sh('tar', ['xzf', tarball], { cwd: work });
  rmSync(path.join(work, tarball));
  const pkg = path.join(work, 'package');
  const vscode = path.join(pkg, 'lib', 'vscode');
  const npmInstall = ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  sh('npm', npmInstall, { cwd: pkg });
  sh('npm', ['rebuild', 'argon2'], { cwd: pkg });
  sh('npm', npmInstall, { cwd: vscode });
  sh('npm', npmInstall, { cwd: path.join(vscode, 'extensions') });
  const rgFolder = path.join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgFolder, { recursive: true });
  copyFileSync(spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim(), path.join(rgFolder, 'rg'));
  // node-pty's install script runs `npx node-gyp`; without a terminal npx would ask before fetching node-gyp, so answer yes.
  sh('npm', ['rebuild', '@parcel/watcher', '@vscode/spdlog', 'kerberos', 'native-watchdog', 'node-pty', '@vscode/deviceid'], {
    cwd: vscode,
    env: { ...process.env, npm_config_yes: 'true' },
  });
  rmSync(path.join(vscode, 'node_modules.asar'), { force: true });
  symlinkSync('node_modules', path.join(vscode, 'node_modules.asar'));
  writeFileSync(path.join(work, '.complete'), `${new Date().toISOString()}\n`);
  rmSync(root, { recursive: true, force: true });
  renameSync(work, root);
  return entry;
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  ensureChromium();
  console.log(ensureCodeServer());
}
