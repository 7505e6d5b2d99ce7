// The released servers run: linux-x64 natively, linux-arm64 under qemu-user, win-x64 under wine (macOS builds are only inspected,
// by release.test.mjs), each from its release archive: `--version`, `check` on the examples with the documented exit codes, and an
// LSP session over stdio. Then the .NET tool is installed from the release folder into a temporary tool path and run the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TARGETS, lspSession, readEntry, readZip, release, repo, runCommand, runner, version } from './support.mjs';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'cachespec-packaging-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const spec = path.join(repo, 'examples/broken/mistakes.cachespec.yaml');

/** Unpacks a target's release archive and returns its executable's path. */
function unpack(target) {
  const { rid } = TARGETS[target];
  const archive = path.join(release, `cachespec-${version}-${rid}${rid.startsWith('win') ? '.zip' : '.tar.gz'}`);
  const folder = path.join(scratch, target);
  mkdirSync(folder, { recursive: true });
  if (rid.startsWith('win')) {
    const buffer = readFileSync(archive);
    for (const entry of readZip(buffer).values()) {
      mkdirSync(path.dirname(path.join(folder, entry.name)), { recursive: true });
      writeFileSync(path.join(folder, entry.name), readEntry(buffer, entry));
    }
  } else {
    assert.equal(spawnSync('tar', ['-xzf', archive, '-C', folder]).status, 0);
  }
  return path.join(folder, `cachespec-${version}-${rid}`, rid.startsWith('win') ? 'cachespec.exe' : 'cachespec');
}

/** The summary line and the sorted rule ids of `check examples/`: every build must find the same. */
function findings(result) {
  const summary = /^\d+ errors?, \d+ warnings?, \d+ infos? in \d+ files? checked\.$/m.exec(result.stdout)?.[0];
  const codes = [...result.stdout.matchAll(/^\S.*:\d+:\d+ (?:error|warning|info) (\S+) /gm)].map((match) => match[1]).sort();
  return { summary, codes };
}

let reference;
function checkCommandLine(how, executable) {
  const shown = runCommand(how, executable, ['--version']);
  assert.equal(shown.status, 0, shown.stderr);
  assert.equal(shown.stdout.trim(), `cachespec ${version}`);

  // The documented exit codes: 1 when a finding is at or above --fail-on (examples/broken has errors), 0 with --fail-on none,
  // 2 when the paths hold no spec.
  const failing = runCommand(how, executable, ['check', 'examples/']);
  assert.equal(failing.status, 1, failing.stderr);
  const found = findings(failing);
  assert.ok(found.summary, `no summary line in ${failing.stdout}`);
  assert.ok(found.codes.includes('vnet-injection-requires-premium'));
  reference ??= found;
  assert.deepEqual(found, reference, 'this build finds something else than the first one');
  assert.equal(runCommand(how, executable, ['check', 'examples/', '--fail-on', 'none']).status, 0);
  assert.equal(runCommand(how, executable, ['check', 'examples/private-link.cachespec.yaml']).status, 0);
  const missing = runCommand(how, executable, ['check', 'no-such-folder/']);
  assert.equal(missing.status, 2);
  assert.ok(missing.stderr.trim().length > 0 && !/\bat CacheSpec\./.test(missing.stderr), 'a one-line message, no stack trace');
}

for (const target of ['linux-x64', 'linux-arm64', 'win32-x64']) {
  const { rid } = TARGETS[target];
  const archive = path.join(release, `cachespec-${version}-${rid}${rid.startsWith('win') ? '.zip' : '.tar.gz'}`);
  const how = runner(target);
  const skip = !existsSync(archive) ? `no ${path.basename(archive)}: run npm run package first` : how.skip ?? false;
  const where = how.name ? ` under ${how.name}` : '';

  test(`${target}: the archive's server runs${where}: --version, check on the examples (exit 1, 0, 2), serve --stdio`, { skip }, async () => {
    const executable = unpack(target);
    checkCommandLine(how, executable);
    // A Windows server reads the Unix paths of this machine through wine's drive Z:.
    const uriOf = target.startsWith('win32') ? (file) => `file:///z%3A${file.split('/').map(encodeURIComponent).join('/')}` : undefined;
    const session = await lspSession(how, executable, spec, uriOf);
    assert.ok(session.initialized.result?.capabilities?.textDocumentSync, 'initialize returned no capabilities');
    assert.equal(session.initialized.result?.serverInfo?.version, version);
    assert.ok(session.codes.includes('vnet-injection-requires-premium'), `diagnostics: ${session.codes.join(', ')}`);
    assert.equal(session.exitCode, 0);
  });
}

const nupkg = path.join(release, `CacheSpec.${version}.nupkg`);
test('the .NET tool installs from the release folder (dotnet tool install --tool-path) and runs as cachespec', {
  skip: existsSync(nupkg) ? false : `no ${path.basename(nupkg)}: run npm run package first`,
}, async () => {
  const toolPath = path.join(scratch, 'tools');
  // A private NuGet cache: a package rebuilt with the same version must not be taken from an earlier install.
  const env = { ...process.env, NUGET_PACKAGES: path.join(scratch, 'nuget'), DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' };
  const install = spawnSync('dotnet', ['tool', 'install', '--tool-path', toolPath, '--add-source', release, 'CacheSpec', '--version', version], {
    cwd: scratch, encoding: 'utf8', env, timeout: 300_000,
  });
  assert.equal(install.status, 0, install.stdout + install.stderr);
  assert.match(install.stdout, /cachespec/);
  const executable = path.join(toolPath, process.platform === 'win32' ? 'cachespec.exe' : 'cachespec');
  checkCommandLine({ prefix: [], env }, executable);
  const session = await lspSession({ prefix: [], env }, executable, spec);
  assert.ok(session.codes.includes('vnet-injection-requires-premium'));
  assert.equal(session.exitCode, 0);
});
