// The release folder (artifacts/release, made by `npm run package` or, in `npm test`, by scripts/test.mjs) opened and inspected:
// one version everywhere, every .vsix's platform, server binary and docs, the archives, the .NET tool packages, SHA256SUMS and the SBOM.
// CACHESPEC_EXPECT_TARGETS (comma-separated) names the targets that must be there; by default every .vsix found is checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TARGETS, TOOL_RIDS, binaryKind, isNativeAot, readEntry, readZip, release, releaseFiles, repo, toolPackage, version } from './support.mjs';

const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const expected = (process.env.CACHESPEC_EXPECT_TARGETS ?? '').split(',').filter(Boolean);
const present = Object.keys(TARGETS).filter((target) => existsSync(path.join(release, `cachespec-${target}-${version}.vsix`)));
const targets = expected.length > 0 ? expected : present;
const noRelease = targets.length === 0 ? 'no .vsix in artifacts/release: run npm run package first' : false;

test('one version: package.json, Directory.Build.props (dotnet), the .NET tool, the .vsix files and the archives agree', () => {
  const dotnet = spawnSync('dotnet', ['msbuild', 'server/CacheSpec.Server', '-getProperty:Version', '-getProperty:PackageVersion'], {
    cwd: repo, encoding: 'utf8',
  });
  assert.equal(dotnet.status, 0, dotnet.stderr);
  const properties = JSON.parse(dotnet.stdout).Properties;
  assert.equal(properties.Version, version, 'dotnet sees another version than package.json');
  assert.equal(properties.PackageVersion, version);
  assert.match(version, /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'not a semantic version');
  const changelog = readFileSync(path.join(repo, 'CHANGELOG.md'), 'utf8');
  assert.ok(changelog.includes(`## [${version}]`) || changelog.includes('## [Unreleased]'), `CHANGELOG.md has no section for ${version}`);
  const versioned = releaseFiles().filter((name) => /\d+\.\d+\.\d+/.test(name));
  for (const name of versioned) assert.ok(name.includes(version), `${name} in artifacts/release is not version ${version}`);
});

test('the manifest names the repository, the issue tracker, the license and the icon (vsce needs no --allow-missing-repository)', () => {
  assert.match(manifest.repository?.url ?? '', /^https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
  assert.match(manifest.bugs?.url ?? '', /^https:\/\/github\.com\/[^/]+\/[^/]+\/issues$/);
  assert.equal(manifest.license, 'MIT');
  assert.ok(existsSync(path.join(repo, manifest.icon)), `the icon ${manifest.icon} is missing`);
  assert.doesNotMatch(readFileSync(path.join(repo, 'scripts/package.mjs'), 'utf8'), /'--allow-missing-repository'/);
});

for (const target of targets) {
  test(`${target}: the .vsix targets ${target} and holds a ${TARGETS[target].format} ${TARGETS[target].machine} server and its docs`, { skip: noRelease }, () => {
    const file = path.join(release, `cachespec-${target}-${version}.vsix`);
    assert.ok(existsSync(file), `${path.basename(file)} is missing`);
    const buffer = readFileSync(file);
    const entries = readZip(buffer);
    const vsixManifest = readEntry(buffer, entries.get('extension.vsixmanifest')).toString('utf8');
    assert.match(vsixManifest, new RegExp(`TargetPlatform="${target}"`));
    assert.match(vsixManifest, new RegExp(`<Identity [^>]*Version="${version.replace(/\./g, '\\.')}"`));
    const packaged = JSON.parse(readEntry(buffer, entries.get('extension/package.json')).toString('utf8'));
    assert.equal(packaged.version, version);
    assert.equal(packaged.repository.url, manifest.repository.url);

    const executable = `extension/server/${target.startsWith('win32') ? 'cachespec.exe' : 'cachespec'}`;
    assert.ok(entries.has(executable), `${executable} is missing`);
    const kind = binaryKind(readEntry(buffer, entries.get(executable)));
    assert.equal(kind.format, TARGETS[target].format);
    assert.equal(kind.machine, TARGETS[target].machine);
    assert.equal(kind.bits, 64);
    if (kind.format === 'PE') assert.equal(kind.console, true, 'the Windows server must be a console program (LSP over stdio)');
    if (kind.format === 'Mach-O') assert.equal(kind.signed, true, 'a macOS executable must carry a code signature (ad hoc)');
    if (kind.format !== 'PE') assert.ok(entries.get(executable).mode & 0o100, 'the server is not executable');

    const names = [...entries.keys()];
    assert.ok(names.filter((name) => /^extension\/server\/docs\/rules\/[^/]+\.md$/.test(name)).length >= 40, 'rule pages are missing');
    assert.ok(entries.has('extension/server/docs/guidance/overview.md'));
    for (const name of ['extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt', 'extension/client-vscode/out/extension.js']) {
      assert.ok(entries.has(name), `${name} is missing`);
    }
    assert.deepEqual(names.filter((name) => /\.(pdb|dbg|xml)$/.test(name) && name.startsWith('extension/')), [], 'symbols or XML docs shipped');
  });

  test(`${target}: the release archive holds the same server, its docs, README, CHANGELOG and LICENSE`, { skip: noRelease }, () => {
    const { rid } = TARGETS[target];
    const name = `cachespec-${version}-${rid}${rid.startsWith('win') ? '.zip' : '.tar.gz'}`;
    const file = path.join(release, name);
    assert.ok(existsSync(file), `${name} is missing`);
    const top = `cachespec-${version}-${rid}`;
    const executable = `${top}/${rid.startsWith('win') ? 'cachespec.exe' : 'cachespec'}`;
    let names;
    let bytes;
    if (rid.startsWith('win')) {
      const buffer = readFileSync(file);
      const entries = readZip(buffer);
      names = [...entries.keys()];
      bytes = entries.has(executable) ? readEntry(buffer, entries.get(executable)) : undefined;
    } else {
      const listing = spawnSync('tar', ['-tzvf', file], { encoding: 'utf8' });
      assert.equal(listing.status, 0, listing.stderr);
      names = listing.stdout.trim().split('\n').map((line) => line.split(/\s+/).slice(5).join(' ').replace(/\/$/, ''));
      const mode = listing.stdout.split('\n').find((line) => line.endsWith(` ${executable}`))?.split(/\s+/)[0];
      assert.match(mode ?? '', /^-rwx/, 'the server is not executable in the archive');
      assert.match(listing.stdout, /^\S+ 0\/0 /m, 'owner and group are 0 (no build user in the archive)');
      const scratch = mkdtempSync(path.join(os.tmpdir(), 'cachespec-archive-'));
      try {
        assert.equal(spawnSync('tar', ['-xzf', file, '-C', scratch, executable]).status, 0);
        bytes = readFileSync(path.join(scratch, executable));
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    }
    assert.ok(bytes, `${executable} is missing`);
    assert.ok(names.every((entry) => entry === top || entry.startsWith(`${top}/`)), 'everything is inside one top-level folder');
    for (const entry of ['README.md', 'CHANGELOG.md', 'LICENSE', 'docs/guidance/overview.md', 'docs/rules/vnet-injection-requires-premium.md']) {
      assert.ok(names.includes(`${top}/${entry}`), `${entry} is missing`);
    }
    const kind = binaryKind(bytes);
    assert.deepEqual([kind.format, kind.machine], [TARGETS[target].format, TARGETS[target].machine]);
    const vsix = readFileSync(path.join(release, `cachespec-${target}-${version}.vsix`));
    const vsixEntries = readZip(vsix);
    const inVsix = readEntry(vsix, vsixEntries.get(`extension/server/${path.basename(executable)}`));
    assert.ok(inVsix.equals(bytes), 'the archive and the .vsix ship different servers');
  });
}

const noTool = existsSync(toolPackage()) ? false : `no ${path.basename(toolPackage())}: run npm run package (with --tool)`;
const nupkg = (rid) => {
  const buffer = readFileSync(toolPackage(rid));
  const entries = readZip(buffer);
  const text = (name) => (entries.has(name) ? readEntry(buffer, entries.get(name)).toString('utf8') : undefined);
  return { buffer, entries, text, names: [...entries.keys()] };
};

test('the .NET tool CacheSpec is a pointer: no server inside, one package named per RID, and `any`', { skip: noTool }, () => {
  const { text, names } = nupkg();
  assert.match(text('CacheSpec.nuspec'), /<packageType name="DotnetTool" \/>/);
  assert.match(text('CacheSpec.nuspec'), new RegExp(`<version>${version.replace(/\./g, '\\.')}</version>`));
  assert.deepEqual(names.filter((name) => name.startsWith('tools/')), ['tools/any/any/DotnetToolSettings.xml']);
  const listed = [...text('tools/any/any/DotnetToolSettings.xml').matchAll(/<RuntimeIdentifierPackage RuntimeIdentifier="([^"]+)" Id="([^"]+)"/g)];
  assert.deepEqual(listed.map((match) => match[1]).sort(), [...TOOL_RIDS].sort());
  for (const [, rid, id] of listed) {
    assert.equal(id, `CacheSpec.${rid}`);
    assert.ok(existsSync(toolPackage(rid)), `${path.basename(toolPackage(rid))} is missing`);
  }
});

for (const rid of TOOL_RIDS) {
  const target = Object.entries(TARGETS).find(([, item]) => item.rid === rid);
  const what = rid === 'any' ? 'framework-dependent (cachespec.dll, run by dotnet)' : `a ${target[1].format} ${target[1].machine} executable`;
  test(`the .NET tool package for ${rid}: ${what}, with its docs, no symbols`, { skip: noTool }, () => {
    const { buffer, entries, text, names } = nupkg(rid);
    assert.match(text(`CacheSpec.${rid}.nuspec`), /<packageType name="DotnetToolRidPackage" \/>/);
    const folder = rid === 'any' ? 'tools/net10.0/any' : `tools/any/${rid}`;
    const settings = text(`${folder}/DotnetToolSettings.xml`);
    assert.ok(settings, `${folder}/DotnetToolSettings.xml is missing`);
    if (rid === 'any') {
      assert.match(settings, /<Command Name="cachespec" EntryPoint="cachespec\.dll" Runner="dotnet" \/>/);
      for (const name of ['cachespec.dll', 'cachespec.runtimeconfig.json', 'CacheSpec.Analysis.dll', 'YamlDotNet.dll', 'Markdig.dll']) {
        assert.ok(entries.has(`${folder}/${name}`), `${name} is missing`);
      }
    } else {
      const executable = rid.startsWith('win') ? 'cachespec.exe' : 'cachespec';
      assert.match(settings, new RegExp(`<Command Name="cachespec" EntryPoint="${executable.replace('.', '\\.')}" Runner="executable" />`));
      const bytes = readEntry(buffer, entries.get(`${folder}/${executable}`));
      const kind = binaryKind(bytes);
      assert.deepEqual([kind.format, kind.machine, kind.bits], [target[1].format, target[1].machine, 64]);
      if (kind.format === 'PE') assert.equal(kind.console, true, 'the Windows server must be a console program');
      if (kind.format === 'Mach-O') assert.equal(kind.signed, true, 'a macOS executable must carry a code signature (ad hoc)');
      // Native AOT wherever it links here: linux-x64 always (this machine), linux-arm64 with the cross toolchain.
      if (rid === 'linux-x64') assert.ok(isNativeAot(bytes), 'the linux-x64 tool is not Native AOT');
      assert.ok(!names.some((name) => name.endsWith('.dll')), 'a platform-specific package holds no managed assemblies');
    }
    assert.ok(names.filter((name) => name.startsWith(`${folder}/docs/rules/`) && name.endsWith('.md')).length >= 40, 'rule pages are missing');
    assert.ok(entries.has(`${folder}/docs/guidance/overview.md`));
    const shipped = names.filter((name) => name.startsWith(`${folder}/`) && !name.endsWith('/DotnetToolSettings.xml'));
    assert.deepEqual(shipped.filter((name) => /\.(pdb|dbg|xml)$/.test(name)), [], 'symbols or XML docs shipped');
  });
}

test('SHA256SUMS names every release file with its SHA-256', { skip: noRelease }, () => {
  const sums = readFileSync(path.join(release, 'SHA256SUMS'), 'utf8');
  const listed = new Map(sums.trim().split('\n').map((line) => {
    const match = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
    assert.ok(match, `not a sha256sum line: ${line}`);
    return [match[2], match[1]];
  }));
  assert.deepEqual([...listed.keys()].sort(), releaseFiles().filter((name) => name !== 'SHA256SUMS'));
  for (const [name, digest] of listed) {
    assert.equal(createHash('sha256').update(readFileSync(path.join(release, name))).digest('hex'), digest, `${name} does not match`);
  }
  if (spawnSync('sha256sum', ['--version']).status === 0) {
    const check = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: release, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
  }
});

test('the SBOM is CycloneDX 1.5 JSON naming the server\'s NuGet packages and the extension\'s npm packages', { skip: noRelease }, () => {
  const bom = JSON.parse(readFileSync(path.join(release, `cachespec-${version}.cdx.json`), 'utf8'));
  assert.equal(bom.bomFormat, 'CycloneDX');
  assert.equal(bom.specVersion, '1.5');
  assert.match(bom.serialNumber, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(bom.version, 1);
  assert.ok(!Number.isNaN(Date.parse(bom.metadata.timestamp)));
  assert.equal(bom.metadata.component.name, 'cachespec');
  assert.equal(bom.metadata.component.version, version);
  const types = new Set(['application', 'framework', 'library', 'container', 'platform', 'operating-system', 'device', 'device-driver', 'firmware', 'file', 'machine-learning-model', 'data']);
  const refs = new Set([bom.metadata.component['bom-ref']]);
  for (const component of bom.components) {
    assert.ok(types.has(component.type), `${component.name}: type ${component.type}`);
    assert.ok(component.name && component.version, 'a component without name or version');
    assert.match(component.purl, /^pkg:(nuget|npm)\/[^@]+@[^@]+$/);
    assert.ok(!refs.has(component['bom-ref']), `duplicate bom-ref ${component['bom-ref']}`);
    refs.add(component['bom-ref']);
    for (const hash of component.hashes ?? []) assert.match(hash.content, hash.alg === 'SHA-512' ? /^[0-9a-f]{128}$/ : /^[0-9a-f]+$/);
    for (const license of component.licenses ?? []) assert.ok(license.expression || license.license?.id || license.license?.name);
  }
  for (const dependency of bom.dependencies) {
    assert.ok(refs.has(dependency.ref), `dependency of an unknown ref ${dependency.ref}`);
    for (const ref of dependency.dependsOn) assert.ok(refs.has(ref), `${dependency.ref} depends on an unknown ref ${ref}`);
  }
  const purls = bom.components.map((component) => component.purl);
  // The .NET tool packages of the release, each with the SHA-256 of its file.
  for (const name of releaseFiles().filter((file) => /^CacheSpec\..*\.nupkg$/.test(file))) {
    const id = name.slice(0, -`.${version}.nupkg`.length);
    const component = bom.components.find((item) => item.purl === `pkg:nuget/${id}@${version}`);
    assert.ok(component, `${name} is not in the SBOM`);
    assert.equal(component.hashes?.find((hash) => hash.alg === 'SHA-256')?.content,
      createHash('sha256').update(readFileSync(path.join(release, name))).digest('hex'), `${name}: another SHA-256 in the SBOM`);
  }
  // What the server and the extension ship with, read from their own manifests.
  for (const name of ['Markdig', 'YamlDotNet']) assert.ok(purls.some((purl) => purl.startsWith(`pkg:nuget/${name}@`)), `${name} is missing`);
  for (const name of Object.keys(manifest.dependencies)) assert.ok(purls.some((purl) => purl.startsWith(`pkg:npm/${name}@`)), `${name} is missing`);
  for (const name of Object.keys(manifest.devDependencies)) {
    assert.ok(!purls.some((purl) => purl.startsWith(`pkg:npm/${name.replace('@', '%40')}@`)), `the build tool ${name} is not shipped`);
  }
});
