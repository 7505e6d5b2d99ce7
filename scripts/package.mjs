// `npm run package`: builds the release: the VS Code extension as one .vsix per platform with the language server inside it, the
// command line as release archives per platform, the .NET tool package, an SBOM and SHA256SUMS, all in artifacts/release/.
//   1. installs the npm dependencies if they are missing,
//   2. bundles the client with esbuild,
//   3. for each target: fills a staging folder (artifacts/vsix/<target>) with the files the .vsix needs and publishes the server into
//      its server/ folder: linux-x64 as Native AOT (a single native executable, fastest start; ReadyToRun self-contained when AOT cannot
//      be built), linux-arm64 as Native AOT too, cross-linked with clang and Debian's aarch64 toolchain (installed with apt-get when
//      missing; a trimmed single file when that fails), the others as trimmed self-contained single files (Native AOT cannot link
//      for Windows or macOS here),
//   4. runs `vsce package --target <target>` there, writing artifacts/release/cachespec-<target>-<version>.vsix,
//   5. packs the same server as cachespec-<version>-<rid>.tar.gz (.zip for Windows, node-tar and yazl) with the README, CHANGELOG
//      and LICENSE,
//   6. checks the .vsix contents (client-vscode/test/vsix.test.mjs) and, for linux-x64, measures the packaged server's start,
//   7. with --tool (on by default with --target all): the .NET tool, for every RID of the project's ToolPackageRuntimeIdentifiers
//      whatever --target says: `dotnet pack -r <rid>` makes one package each, CacheSpec.<rid>.<version>.nupkg: linux-x64 and
//      linux-arm64 as Native AOT (a trimmed single file when that fails), win-x64, osx-x64 and osx-arm64 as trimmed self-contained
//      single files, `any` framework-dependent (the fallback that `dotnet tool install` takes on a platform the pointer does not
//      name); then `dotnet pack` makes the pointer CacheSpec.<version>.nupkg that names them,
//   8. writes the SBOM (cachespec-<version>.cdx.json, CycloneDX 1.5, the tool packages with their SHA-256 in it) and SHA256SUMS
//      over every file of artifacts/release.
// Options: --target all|<target>[,<target>...] (default all: linux-x64, linux-arm64, win32-x64, darwin-x64, darwin-arm64),
//          --server aot|r2r|auto (linux-x64 only; default auto), --tool, --clean (empty artifacts/release first).
// The version is the root package.json's; Directory.Build.props hands it to dotnet, so the three artifacts always agree.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { aptInstall, requireTool, run } from './run.mjs';
import { sourceDateEpoch, writeChecksums, writeSbom, writeTarGz, writeZip } from './release-files.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(repo);
const started = performance.now();

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const TARGETS = { 'linux-x64': 'linux-x64', 'linux-arm64': 'linux-arm64', 'win32-x64': 'win-x64', 'darwin-x64': 'osx-x64', 'darwin-arm64': 'osx-arm64' };
const targetOption = option('target', 'all');
const targets = targetOption === 'all' ? Object.keys(TARGETS) : targetOption.split(',').map((item) => item.trim()).filter(Boolean);
const unknown = targets.filter((target) => !TARGETS[target]);
if (unknown.length > 0 || targets.length === 0) {
  console.error(`--target must be all or a comma-separated list of ${Object.keys(TARGETS).join(', ')}`);
  process.exit(2);
}
const buildTool = targetOption === 'all' || process.argv.includes('--tool');
const serverMode = option('server', process.env.CACHESPEC_SERVER_BUILD ?? 'auto');
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const version = manifest.version;
const release = path.join(repo, 'artifacts', 'release');
const epoch = sourceDateEpoch(repo);
const step = (title) => console.log(`\n== ${title} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

requireTool('dotnet', 'install the .NET 10 SDK (https://dot.net).');
requireTool('npm', 'install Node.js 20 or newer with npm.');
if (process.argv.includes('--clean')) rmSync(release, { recursive: true, force: true });
mkdirSync(release, { recursive: true });

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

// The package's README is the extension's own page (client-vscode/README.md): the repository README links images and pages by
// relative paths that are not in the package.
const packageReadme = 'client-vscode/README.md';
const files = [
  'package.json',
  packageReadme,
  'CHANGELOG.md',
  '.vscodeignore',
  'client-vscode/out/extension.js',
  'client-vscode/language-configuration.json',
  'client-vscode/syntaxes/cachespec.tmLanguage.json',
  'client-vscode/images/icon.png',
  'client-vscode/images/file-icon.png',
  'schemas/cachespec.schema.json',
  ...['LICENSE', 'LICENSE.md', 'LICENSE.txt'].filter((name) => existsSync(name)),
];

function stage(staging) {
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const file of files) {
    if (!existsSync(file)) fail(`${file} is missing.`);
    const target = file === packageReadme ? 'README.md' : file;
    mkdirSync(path.dirname(path.join(staging, target)), { recursive: true });
    cpSync(file, path.join(staging, target));
  }
  console.log(`${files.length} files`);
}

/**
 * Native AOT for linux-arm64 links with clang for the aarch64 target, which finds Debian's cross toolchain by itself (its C
 * library, crt files and binutils); installs what is missing. False when it cannot be had.
 */
function ensureArm64Toolchain() {
  const has = (command) => !spawnSync(command, ['--version']).error;
  const ready = () => has('clang') && has('aarch64-linux-gnu-objcopy') && existsSync('/usr/aarch64-linux-gnu/lib/libc.so');
  return ready() || (aptInstall(['clang', 'gcc-aarch64-linux-gnu', 'libc6-dev-arm64-cross']) && ready());
}

function publish(rid, serverOut, mode) {
  rmSync(serverOut, { recursive: true, force: true });
  const common = ['publish', 'server/CacheSpec.Server', '-c', 'Release', '-r', rid, '--self-contained', '-o', serverOut, '--nologo', '-v', 'quiet'];
  const extra = {
    aot: ['-p:PublishAot=true', ...(rid === 'linux-arm64' ? ['-p:ObjCopyName=aarch64-linux-gnu-objcopy'] : [])],
    r2r: ['-p:PublishReadyToRun=true'],
    // The code is trim-safe (the project is AOT-compatible): trimming takes the single file from about 80 MB to about 16 MB.
    single: ['-p:PublishSingleFile=true', '-p:PublishTrimmed=true', '-p:DebugType=none'],
  }[mode];
  const before = performance.now();
  // The AOT link needs a native toolchain (gcc or clang); its failure is expected on a machine without one.
  const status = run('dotnet', [...common, ...extra], { timeout: 20 * 60 * 1000 });
  console.log(`dotnet publish (${mode}): ${((performance.now() - before) / 1000).toFixed(1)} s, exit ${status}`);
  return status === 0 && existsSync(path.join(serverOut, rid.startsWith('win') ? 'cachespec.exe' : 'cachespec'));
}

const MODES = { aot: 'Native AOT', r2r: 'ReadyToRun self-contained', single: 'self-contained single file (trimmed)' };
const built = {};
for (const target of targets) {
  const rid = TARGETS[target];
  const staging = path.join(repo, 'artifacts', 'vsix', target);
  const serverOut = path.join(staging, 'server');
  const vsixName = `${manifest.name}-${target}-${version}.vsix`;

  step(`${target}: stage the extension files`);
  stage(staging);

  step(`${target}: publish the server for ${rid}`);
  let mode;
  if (target === 'linux-x64') {
    mode = serverMode === 'r2r' ? undefined : publish(rid, serverOut, 'aot') ? 'aot' : undefined;
    if (!mode) {
      if (serverMode === 'aot') fail('the Native AOT publish failed (and --server aot allows no fallback).');
      if (serverMode === 'auto') console.log('Native AOT did not build; publishing ReadyToRun self-contained instead.');
      mode = publish(rid, serverOut, 'r2r') ? 'r2r' : undefined;
    }
  } else if (target === 'linux-arm64' && ensureArm64Toolchain() && publish(rid, serverOut, 'aot')) {
    mode = 'aot';
  } else {
    if (target === 'linux-arm64') console.log('Native AOT did not build for linux-arm64; publishing a trimmed single file instead.');
    mode = publish(rid, serverOut, 'single') ? 'single' : undefined;
  }
  if (!mode) fail(`dotnet publish failed for ${rid}.`);
  // Debug symbols and the libraries' XML documentation are of no use to a user.
  for (const name of readdirSync(serverOut)) {
    if (/\.(pdb|dbg|xml)$/.test(name)) rmSync(path.join(serverOut, name));
  }
  built[target] = MODES[mode];
  console.log(`server: ${MODES[mode]}`);

  step(`${target}: vsce package --target ${target}`);
  const vsce = path.join(repo, 'node_modules', '@vscode', 'vsce', 'vsce');
  const vsceArgs = [vsce, 'package', '--target', target, '--no-dependencies', '--out', path.join(release, vsixName)];
  if (!files.some((file) => file.startsWith('LICENSE'))) vsceArgs.push('--skip-license');
  if (run(process.execPath, vsceArgs, { cwd: staging }) !== 0) fail('vsce package failed.');

  step(`${target}: check the .vsix contents`);
  const contents = run(process.execPath, ['--test', '--test-reporter=spec', 'client-vscode/test/vsix.test.mjs'], {
    env: { ...process.env, CACHESPEC_REQUIRE_VSIX: '1', CACHESPEC_VSIX: path.join(release, vsixName), CACHESPEC_TARGET: target },
  });
  if (contents !== 0) fail('the .vsix does not hold what it should (client-vscode/test/vsix.test.mjs).');

  step(`${target}: release archive`);
  const archiveFolder = path.join(repo, 'artifacts', 'archive', `cachespec-${version}-${rid}`);
  rmSync(path.dirname(archiveFolder), { recursive: true, force: true });
  cpSync(serverOut, archiveFolder, { recursive: true });
  for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE']) cpSync(file, path.join(archiveFolder, file));
  const archive = path.join(release, `cachespec-${version}-${rid}${rid.startsWith('win') ? '.zip' : '.tar.gz'}`);
  await (rid.startsWith('win') ? writeZip : writeTarGz)(archiveFolder, archive, epoch);
  rmSync(path.dirname(archiveFolder), { recursive: true, force: true });
  console.log(`${path.basename(archive)}: ${(statSync(archive).size / 1024 / 1024).toFixed(1)} MiB`);

  const executable = path.join(serverOut, rid.startsWith('win') ? 'cachespec.exe' : 'cachespec');
  if (process.platform === 'linux' && target.startsWith('linux') && process.arch === target.split('-')[1]) {
    step(`${target}: check the packaged server`);
    const { measure } = await import('../tests/editors/vscode/lsp-smoke.mjs');
    const { median, times, last } = await measure(executable, 5, path.join(repo, 'examples/broken/mistakes.cachespec.yaml'));
    console.log(`packaged server (${MODES[mode]}): process start to initialize reply, median ${median.toFixed(1)} ms (${times.map((t) => t.toFixed(1)).join(', ')} ms)`);
    console.log(`it answers: ${last.codes.length} diagnostics on examples/broken/mistakes.cachespec.yaml, hover ${last.hover ? 'yes' : 'no'}`);
    if (last.codes.length === 0 || !last.hover) fail('the packaged server does not answer as it should.');
  } else {
    console.log(`not run here: ${target} is not this ${process.platform}-${process.arch} machine (tests/packaging runs it under qemu or wine)`);
  }
}

const toolBuilt = {};
if (buildTool) {
  step('the .NET tool (dotnet pack): one package per RID and the pointer package');
  for (const name of readdirSync(release).filter((name) => /^CacheSpec\..*\.nupkg$/.test(name))) rmSync(path.join(release, name));
  // The RIDs are the project's ToolPackageRuntimeIdentifiers: the pointer package names them, so every one must be packed.
  const listed = spawnSync('dotnet', ['msbuild', 'server/CacheSpec.Server', '-getProperty:ToolPackageRuntimeIdentifiers'], { encoding: 'utf8' });
  const toolRids = listed.stdout?.trim().split(';').filter(Boolean) ?? [];
  if (listed.status !== 0 || !toolRids.includes('any')) fail(`cannot read ToolPackageRuntimeIdentifiers: ${listed.stderr}`);
  // Each RID publishes into a folder of its own, emptied first: the package takes every file of it.
  const publishDir = path.join(repo, 'artifacts', 'tool');
  const pack = (rid, extra) => {
    rmSync(publishDir, { recursive: true, force: true });
    const args = ['pack', 'server/CacheSpec.Server', '-c', 'Release', '-o', release, '--nologo', '-v', 'quiet', ...extra];
    if (rid) args.push('-r', rid, `-p:PublishDir=${path.join(publishDir, rid)}/`);
    const before = performance.now();
    const status = run('dotnet', args, { timeout: 20 * 60 * 1000 });
    rmSync(publishDir, { recursive: true, force: true });
    const file = path.join(release, `CacheSpec.${rid ? `${rid}.` : ''}${version}.nupkg`);
    console.log(`dotnet pack ${rid ?? '(pointer)'}: ${((performance.now() - before) / 1000).toFixed(1)} s, exit ${status}`);
    return status === 0 && existsSync(file);
  };
  const TOOL_MODES = {
    aot: ['-p:PublishAot=true'],
    single: ['-p:SelfContained=true', '-p:PublishSingleFile=true', '-p:PublishTrimmed=true'],
    framework: [],
  };
  for (const rid of toolRids) {
    let mode = rid === 'any' ? 'framework' : rid.startsWith('linux') ? 'aot' : 'single';
    if (rid === 'linux-arm64' && !ensureArm64Toolchain()) mode = 'single';
    const extra = [...TOOL_MODES[mode], ...(mode === 'aot' && rid === 'linux-arm64' ? ['-p:ObjCopyName=aarch64-linux-gnu-objcopy'] : [])];
    if (!pack(rid, extra)) {
      if (mode !== 'aot') fail(`dotnet pack -r ${rid} failed.`);
      console.log(`Native AOT did not build the ${rid} tool package; packing a trimmed single file instead.`);
      mode = 'single';
      if (!pack(rid, TOOL_MODES.single)) fail(`dotnet pack -r ${rid} failed.`);
    }
    toolBuilt[rid] = mode === 'framework' ? 'framework-dependent (needs the .NET 10 runtime)' : MODES[mode];
  }
  // The pointer holds no server, so it needs no build of its own (--no-build, after the packs above restored and built); PublishAot
  // tells the SDK that the RID packages are packed one by one (above), not by this pack in parallel.
  if (!pack(undefined, ['--no-build', '-p:PublishAot=true'])) fail(`dotnet pack made no CacheSpec.${version}.nupkg.`);
}

step('SBOM and SHA256SUMS');
const sbom = writeSbom(repo, path.join(release, `cachespec-${version}.cdx.json`), epoch, toolBuilt);
console.log(`cachespec-${version}.cdx.json: ${sbom.components.length} components (${sbom.components.map((item) => `${item.name}@${item.version}`).join(', ')})`);
const summed = writeChecksums(release);

console.log(`\nartifacts/release (version ${version}):`);
for (const name of summed) console.log(`  ${name}  ${(statSync(path.join(release, name)).size / 1024 / 1024).toFixed(1)} MiB`);
for (const [target, mode] of Object.entries(built)) console.log(`  server for ${target}: ${mode}`);
for (const [rid, mode] of Object.entries(toolBuilt)) console.log(`  .NET tool package for ${rid}: ${mode}`);
console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
