// The released servers run: linux-x64 natively, linux-arm64 under qemu-user, win-x64 under wine (macOS builds are only inspected,
// by release.test.mjs), each from its release archive: `--version`, `check` on the examples with the documented exit codes, and an
// LSP session over stdio. Then the .NET tool is installed from the release folder into a temporary tool path and run the same way
// (on linux-x64 the command installed must be the Native AOT executable), CacheSpec.any too, and the packages for linux-arm64 and
// win-x64 are run under qemu-user and wine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync, createWriteStream, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import {
  TARGETS, binaryKind, isNativeAot, lspSession, readEntry, readZip, release, repo, runCommand, runner, toolPackage, version,
} from './support.mjs';

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

// The .NET tool, installed as a user would: `dotnet tool install CacheSpec --add-source <folder> --tool-path <folder>`.
const noTool = existsSync(toolPackage()) ? false : `no ${path.basename(toolPackage())}: run npm run package first`;
const here = `${{ linux: 'linux', darwin: 'osx', win32: 'win' }[process.platform]}-${process.arch}`;
const commandName = process.platform === 'win32' ? 'cachespec.exe' : 'cachespec';

/** Installs `id` from `source` into a new tool path with a private NuGet cache (a rebuilt package of one version is not reused). */
function installTool(t, id, source, name) {
  const toolPath = path.join(scratch, `tools-${name}`);
  const env = { ...process.env, NUGET_PACKAGES: path.join(scratch, `nuget-${name}`), DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' };
  const started = performance.now();
  const install = spawnSync('dotnet', ['tool', 'install', id, '--add-source', source, '--tool-path', toolPath, '--version', version], {
    cwd: scratch, encoding: 'utf8', env, timeout: 300_000,
  });
  assert.equal(install.status, 0, install.stdout + install.stderr);
  assert.match(install.stdout, /cachespec/);
  const command = path.join(toolPath, commandName);
  const installed = realpathSync(command);
  t.diagnostic(`dotnet tool install ${id}: ${((performance.now() - started) / 1000).toFixed(1)} s; ${commandName} is ${lstatSync(command).isSymbolicLink() ? `a link to ${path.relative(toolPath, installed)}` : 'a file'} (${(statSync(installed).size / 1024 / 1024).toFixed(1)} MiB)`);
  return { command, installed, how: { prefix: [], env } };
}

test('the .NET tool installs from the release folder (dotnet tool install CacheSpec --tool-path) and runs as cachespec', { skip: noTool }, async (t) => {
  const { command, installed, how } = installTool(t, 'CacheSpec', release, 'pointer');
  if (here === 'linux-x64') {
    // The pointer package names CacheSpec.linux-x64, whose command is the Native AOT executable itself (Runner "executable"):
    // the tool path links to it, with no dotnet host and no cachespec.dll.
    assert.ok(lstatSync(command).isSymbolicLink(), 'the command is not a link to the package\'s executable');
    assert.match(installed, /[/\\]cachespec\.linux-x64[/\\].*[/\\]tools[/\\]any[/\\]linux-x64[/\\]cachespec$/);
    const bytes = readFileSync(installed);
    assert.deepEqual([binaryKind(bytes).format, binaryKind(bytes).machine], ['ELF', 'x86-64']);
    assert.ok(isNativeAot(bytes), 'the installed cachespec is not a Native AOT executable');
    assert.deepEqual(readdirSync(path.dirname(installed)).filter((name) => name.endsWith('.dll')), [], 'managed assemblies beside it');
    assert.ok(existsSync(path.join(path.dirname(installed), 'docs', 'rules', 'vnet-injection-requires-premium.md')), 'the rule pages are not beside it');
  }
  checkCommandLine(how, command);
  const session = await lspSession(how, command, spec);
  assert.ok(session.codes.includes('vnet-injection-requires-premium'));
  assert.equal(session.exitCode, 0);
});

test('the framework-dependent CacheSpec.any installs by its own id as a dotnet host over cachespec.dll and runs', { skip: noTool }, (t) => {
  const { command, installed, how } = installTool(t, 'CacheSpec.any', release, 'any');
  assert.ok(!lstatSync(command).isSymbolicLink(), 'a framework-dependent tool gets a host, not a link');
  if (process.platform === 'linux') assert.ok(!isNativeAot(readFileSync(installed)), 'the host is not Native AOT');
  const store = path.join(path.dirname(command), '.store', 'cachespec.any', version, 'cachespec.any', version, 'tools', 'net10.0', 'any');
  assert.ok(existsSync(path.join(store, 'cachespec.dll')), `no cachespec.dll in ${store}`);
  checkCommandLine(how, command);
});

test('on a platform the pointer does not name, dotnet tool install CacheSpec takes CacheSpec.any', { skip: noTool }, async (t) => {
  // The release's pointer with this machine's RID left out of its list, beside CacheSpec.any: what a user on an unlisted platform sees.
  const source = path.join(scratch, 'unlisted');
  mkdirSync(source, { recursive: true });
  copyFileSync(toolPackage('any'), path.join(source, path.basename(toolPackage('any'))));
  const buffer = readFileSync(toolPackage());
  const zip = new yazl.ZipFile();
  for (const entry of readZip(buffer).values()) {
    let data = readEntry(buffer, entry);
    if (entry.name === 'tools/any/any/DotnetToolSettings.xml') {
      const text = data.toString('utf8');
      const without = text.replace(new RegExp(`\\s*<RuntimeIdentifierPackage RuntimeIdentifier="${here}"[^>]*/>`), '');
      assert.notEqual(without, text, `the pointer does not name ${here}`);
      data = Buffer.from(without, 'utf8');
    }
    zip.addBuffer(data, entry.name);
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path.join(source, path.basename(toolPackage()))));
  const { command, how } = installTool(t, 'CacheSpec', source, 'unlisted');
  assert.ok(existsSync(path.join(path.dirname(command), '.store', 'cachespec', version, 'cachespec.any')), 'CacheSpec.any was not the package installed');
  checkCommandLine(how, command);
});

// The platform-specific packages built for other machines run here as they do from the archives: linux-arm64 under qemu-user,
// win-x64 under wine (the macOS ones are only inspected, by release.test.mjs).
for (const [target, rid] of [['linux-arm64', 'linux-arm64'], ['win32-x64', 'win-x64']]) {
  const how = runner(target);
  const skip = noTool || (!existsSync(toolPackage(rid)) ? `no ${path.basename(toolPackage(rid))}` : how.skip ?? false);
  test(`the .NET tool package for ${rid} runs${how.name ? ` under ${how.name}` : ''}: --version, check on the examples (exit 1, 0, 2)`, { skip }, () => {
    const buffer = readFileSync(toolPackage(rid));
    const folder = path.join(scratch, `tool-${rid}`);
    const prefix = `tools/any/${rid}/`;
    for (const entry of readZip(buffer).values()) {
      if (!entry.name.startsWith(prefix)) continue;
      const file = path.join(folder, entry.name.slice(prefix.length));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, readEntry(buffer, entry), { mode: 0o755 });
    }
    checkCommandLine(how, path.join(folder, rid.startsWith('win') ? 'cachespec.exe' : 'cachespec'));
  });
}
