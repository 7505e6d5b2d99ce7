// The README's test command: build everything once, then run every suite against that build:
// xunit (engine, rules, CLI, in-process LSP, the server process), node's test runner over the real server on stdio (abuse tests and
// the protocol fuzz among them: tests/node/fuzz.test.mjs runs 30 s, CACHESPEC_FUZZ_SECONDS lengthens it),
// headless Neovim and Emacs (eglot) sessions, the VS Code client's unit tests, the extension in a real VS Code, and the release
// (tests/packaging: every platform's .vsix and archive opened, the linux-arm64 and win-x64 servers run under qemu-user and wine,
// the .NET tool installed and run). The last line sums them all as "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { aptInstall, capture, run, requireTool } from './run.mjs';

requireTool('dotnet', 'install the .NET 10 SDK (https://dot.net).');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const server = path.join(root, 'server/CacheSpec.Server/bin/Release/net10.0/cachespec');
const env = { ...process.env, CACHESPEC_SERVER: server };
const suites = [];

function record(name, passed, failed, note = '') {
  suites.push({ name, passed, failed });
  console.log(`== ${name}: ${passed} passed, ${failed} failed${note}`);
}

/**
 * The xunit security tests trace the real server with strace; install it with apt-get when it is missing (as the editor tests
 * install Neovim and Emacs). Without it those tests print why and do not run.
 */
function ensureStrace() {
  if (!spawnSync('strace', ['-V']).error) {
    return;
  }
  if (!aptInstall(['strace'])) {
    console.log('strace could not be installed: the system call tests will not run');
  }
}

/**
 * The packaging tests run the linux-arm64 server under qemu-user (called directly with Debian's arm64 cross libraries, so no
 * binfmt_misc registration is needed) and the win-x64 server under wine; install what is missing. Without them those runs are skipped.
 */
function ensureEmulators() {
  const missing = [];
  if (!existsSync('/usr/bin/qemu-aarch64-static')) missing.push('qemu-user-static');
  if (!existsSync('/usr/aarch64-linux-gnu/lib/libstdc++.so.6')) missing.push('libc6-arm64-cross', 'libstdc++6-arm64-cross', 'libgcc-s1-arm64-cross');
  if (!['/usr/lib/wine/wine64', '/usr/bin/wine64', '/usr/bin/wine'].some((file) => existsSync(file))) missing.push('wine64');
  if (missing.length > 0 && !aptInstall(missing)) {
    console.log(`${missing.join(', ')} could not be installed: the packaging tests will not run those servers`);
  }
}

/**
 * The release: the VS Code end-to-end test has packaged linux-x64 (and only that, so it is no slower); this builds the other four
 * platforms, the archives and the .NET tool, then tests/packaging opens every file and runs what can run on this machine.
 */
function packagingTests() {
  ensureEmulators();
  const others = ['linux-arm64', 'win32-x64', 'darwin-x64', 'darwin-arm64'];
  if (run(process.execPath, ['scripts/package.mjs', '--target', others.join(','), '--tool'], { cwd: root }) !== 0) {
    record('packaging', 0, 1, ' (npm run package failed for the other platforms)');
    return;
  }
  nodeScriptTests('packaging', ['--test', '--test-reporter=tap', 'tests/packaging/'], { CACHESPEC_EXPECT_TARGETS: ['linux-x64', ...others].join(',') });
}

function dotnetTests() {
  const { status, output } = capture('dotnet', ['test', 'LanguageServer.sln', '-c', 'Release', '--no-build', '--nologo'], { cwd: root });
  const summaries = [...output.matchAll(/Failed:\s+(\d+), Passed:\s+(\d+), Skipped:\s+\d+, Total:\s+\d+/g)];
  const failed = summaries.reduce((sum, match) => sum + Number(match[1]), 0);
  const passed = summaries.reduce((sum, match) => sum + Number(match[2]), 0);
  // A run that printed no summary, or failed without failing tests, broke before or around the tests: count it as a failure.
  record('xunit', passed, failed + (summaries.length === 0 || (status !== 0 && failed === 0) ? 1 : 0));
}

/** The root npm packages (the extension's client, its bundler, vsce, playwright-core) are installed on first use. */
function ensureRootPackages() {
  if (existsSync(path.join(root, 'node_modules'))) {
    return true;
  }
  return run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root }) === 0;
}

/** A suite run by node's test runner; TAP's "# pass" and "# fail" lines give the counts. */
function nodeScriptTests(name, args, extraEnv = {}) {
  const { status, output } = capture(process.execPath, args, { cwd: root, env: { ...env, ...extraEnv } });
  const passed = [...output.matchAll(/^# pass (\d+)/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
  const failed = [...output.matchAll(/^# fail (\d+)/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
  record(name, passed, failed + (status !== 0 && failed === 0 ? 1 : 0));
}

/** The extension end to end in a real VS Code (code-server and headless chromium); it prints "vscode-e2e: N passed, M failed". */
function vscodeTests() {
  const { output } = capture(process.execPath, ['scripts/vscode-e2e.mjs'], { cwd: root, env });
  const match = /vscode-e2e: (\d+) passed, (\d+) failed/.exec(output);
  record('vscode', Number(match?.[1] ?? 0), match ? Number(match[2]) : 1);
}

function nodeTests() {
  const folder = path.join(root, 'tests/node');
  if (!existsSync(path.join(folder, 'node_modules'))) {
    if (run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: folder }) !== 0) {
      record('node', 0, 1, ' (npm ci failed)');
      return;
    }
  }
  const { status, output } = capture(process.execPath, ['--test', '--test-reporter=tap', '.'], { cwd: folder, env });
  const passed = Number(/^# pass (\d+)/m.exec(output)?.[1] ?? 0);
  const failed = Number(/^# fail (\d+)/m.exec(output)?.[1] ?? 0);
  record('node', passed, failed + (status !== 0 && failed === 0 ? 1 : 0));
}

/** A real editor's test: its script's last line is "<name>: N passed, M failed". */
function editorTests(name) {
  const { output } = capture('bash', [path.join(root, `tests/editors/${name}/run.sh`)], { cwd: root, env });
  const match = new RegExp(`${name}: (\\d+) passed, (\\d+) failed`).exec(output);
  record(name, Number(match?.[1] ?? 0), match ? Number(match[2]) : 1);
}

if (run('dotnet', ['build', 'LanguageServer.sln', '-c', 'Release', '--nologo', '-v', 'quiet'], { cwd: root }) !== 0) {
  record('build', 0, 1);
} else {
  ensureStrace();
  dotnetTests();
  nodeTests();
  editorTests('neovim');
  editorTests('emacs');
  if (ensureRootPackages()) {
    // The end-to-end test packages the .vsix first, so the client's tests can then check its contents too.
    vscodeTests();
    if (run(process.execPath, ['client-vscode/build.mjs', '--tests'], { cwd: root }) === 0) {
      nodeScriptTests('client', ['--test', '--test-reporter=tap', 'client-vscode/test/']);
    } else {
      record('client', 0, 1, ' (the client did not build)');
    }
    packagingTests();
  } else {
    record('client', 0, 1, ' (npm ci failed)');
  }
}

const passed = suites.reduce((sum, suite) => sum + suite.passed, 0);
const failed = suites.reduce((sum, suite) => sum + suite.failed, 0);
for (const suite of suites) {
  console.log(`${suite.name}: ${suite.passed} passed, ${suite.failed} failed`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
