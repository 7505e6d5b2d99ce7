// `npm run package`: builds the VS Code extension as one platform-specific .vsix with the language server inside it.
//   1. installs the npm dependencies if they are missing,
//   2. bundles the client with esbuild,
//   3. fills a staging folder (artifacts/vsix) with the files the .vsix needs and publishes the server into its server/ folder:
//      Native AOT first (a single native executable, fastest start), ReadyToRun self-contained when AOT cannot be built,
//   4. runs `vsce package --target <target>` there, writing cachespec-<target>-<version>.vsix at the repository root,
//   5. checks the .vsix contents (client-vscode/test/vsix.test.mjs) and measures the packaged server's start (process start to the `initialize` reply) and checks that it answers.
// Options: --server aot|r2r|auto (default auto), --target linux-x64 (the only target built and tested so far).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { requireTool, run } from './run.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(repo);
const started = performance.now();

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const TARGETS = { 'linux-x64': 'linux-x64', 'linux-arm64': 'linux-arm64', 'darwin-x64': 'osx-x64', 'darwin-arm64': 'osx-arm64', 'win32-x64': 'win-x64' };
const target = option('target', 'linux-x64');
const rid = TARGETS[target];
if (!rid) {
  console.error(`--target must be one of ${Object.keys(TARGETS).join(', ')}`);
  process.exit(2);
}
const serverMode = option('server', process.env.CACHESPEC_SERVER_BUILD ?? 'auto');
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const vsixName = `${manifest.name}-${target}-${manifest.version}.vsix`;
const staging = path.join(repo, 'artifacts', 'vsix');
const step = (title) => console.log(`\n== ${title} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

requireTool('dotnet', 'install the .NET 10 SDK (https://dot.net).');
requireTool('npm', 'install Node.js 20 or newer with npm.');

step('npm dependencies');
const needed = ['esbuild', '@vscode/vsce', 'vscode-languageclient', 'typescript'];
if (needed.some((name) => !existsSync(path.join('node_modules', name, 'package.json')))) {
  const install = existsSync('package-lock.json') ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  if (run('npm', install) !== 0) fail('npm could not install the dependencies.');
} else {
  console.log('already installed');
}

step('type-check and bundle the client (tsc, esbuild)');
if (run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'client-vscode']) !== 0) fail('the client does not type-check.');
if (run(process.execPath, ['client-vscode/build.mjs']) !== 0) fail('esbuild failed.');

step('stage the extension files');
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
// The package's README is the extension's own page (client-vscode/README.md): the repository README links images and pages by
// relative paths that a .vsix without a repository URL cannot resolve.
const packageReadme = 'client-vscode/README.md';
const files = [
  'package.json',
  packageReadme,
  '.vscodeignore',
  'client-vscode/out/extension.js',
  'client-vscode/language-configuration.json',
  'client-vscode/syntaxes/cachespec.tmLanguage.json',
  'client-vscode/images/icon.png',
  'client-vscode/images/file-icon.png',
  'schemas/cachespec.schema.json',
  ...['LICENSE', 'LICENSE.md', 'LICENSE.txt'].filter((name) => existsSync(name)),
];
for (const file of files) {
  if (!existsSync(file)) fail(`${file} is missing.`);
  const target = file === packageReadme ? 'README.md' : file;
  mkdirSync(path.dirname(path.join(staging, target)), { recursive: true });
  cpSync(file, path.join(staging, target));
}
console.log(`${files.length} files`);

function publish(mode) {
  const serverOut = path.join(staging, 'server');
  rmSync(serverOut, { recursive: true, force: true });
  const common = ['publish', 'server/CacheSpec.Server', '-c', 'Release', '-r', rid, '--self-contained', '-o', serverOut, '--nologo', '-v', 'quiet'];
  const extra = mode === 'aot' ? ['-p:PublishAot=true'] : ['-p:PublishReadyToRun=true'];
  const before = performance.now();
  // The AOT link needs a native toolchain (gcc or clang); its failure is expected on a machine without one.
  const status = run('dotnet', [...common, ...extra], { timeout: 20 * 60 * 1000 });
  console.log(`dotnet publish (${mode}): ${((performance.now() - before) / 1000).toFixed(1)} s, exit ${status}`);
  return status === 0 && existsSync(path.join(serverOut, rid.startsWith('win') ? 'cachespec.exe' : 'cachespec'));
}

step(`publish the server for ${rid}`);
let built = serverMode === 'r2r' ? undefined : publish('aot') ? 'Native AOT' : undefined;
if (!built) {
  if (serverMode === 'aot') fail('the Native AOT publish failed (and --server aot allows no fallback).');
  if (serverMode === 'auto') console.log('Native AOT did not build; publishing ReadyToRun self-contained instead.');
  built = publish('r2r') ? 'ReadyToRun self-contained' : undefined;
}
if (!built) fail('dotnet publish failed.');
for (const name of readdirSync(path.join(staging, 'server'))) {
  if (/\.(pdb|dbg)$/.test(name)) rmSync(path.join(staging, 'server', name));
}
console.log(`server: ${built}`);

step(`vsce package --target ${target}`);
const vsce = path.join(repo, 'node_modules', '@vscode', 'vsce', 'vsce');
const vsceArgs = [vsce, 'package', '--target', target, '--no-dependencies', '--allow-missing-repository', '--out', path.join(repo, vsixName)];
if (!files.some((file) => file.startsWith('LICENSE'))) vsceArgs.push('--skip-license');
if (run(process.execPath, vsceArgs, { cwd: staging }) !== 0) fail('vsce package failed.');

step('check the .vsix contents');
const contents = run(process.execPath, ['--test', '--test-reporter=spec', 'client-vscode/test/vsix.test.mjs'], {
  env: { ...process.env, CACHESPEC_REQUIRE_VSIX: '1', CACHESPEC_VSIX: path.join(repo, vsixName) },
});
if (contents !== 0) fail('the .vsix does not hold what it should (client-vscode/test/vsix.test.mjs).');

step('check the packaged server');
const executable = path.join(staging, 'server', rid.startsWith('win') ? 'cachespec.exe' : 'cachespec');
if (process.platform === 'linux' && target.startsWith('linux') && process.arch === target.split('-')[1]) {
  const { measure } = await import('../tests/editors/vscode/lsp-smoke.mjs');
  const { median, times, last } = await measure(executable, 5, path.join(repo, 'examples/broken/mistakes.cachespec.yaml'));
  console.log(`packaged server (${built}): process start to initialize reply, median ${median.toFixed(1)} ms (${times.map((t) => t.toFixed(1)).join(', ')} ms)`);
  console.log(`it answers: ${last.codes.length} diagnostics on examples/broken/mistakes.cachespec.yaml, hover ${last.hover ? 'yes' : 'no'}`);
  if (last.codes.length === 0 || !last.hover) fail('the packaged server does not answer as it should.');
} else {
  console.log(`not measured: the target ${target} does not run on this ${process.platform}-${process.arch} machine`);
}

const size = statSync(vsixName).size;
console.log(`\n${vsixName}: ${(size / 1024 / 1024).toFixed(1)} MiB, built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
