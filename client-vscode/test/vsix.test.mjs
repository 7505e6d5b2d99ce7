// Checks the contents of a built .vsix (artifacts/release/cachespec-<target>-<version>.vsix, made by `npm run package`; the target is
// CACHESPEC_TARGET, linux-x64 by default; tests/packaging checks every platform's .vsix further):
// the bundle, the server executable with its docs, the schema and the language files are in; sources, tests and node_modules are not.
// Skipped when no .vsix has been built, unless CACHESPEC_REQUIRE_VSIX=1 (scripts/package.mjs sets it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const target = process.env.CACHESPEC_TARGET ?? 'linux-x64';
const executable = target.startsWith('win32') ? 'cachespec.exe' : 'cachespec';
const vsixPath = process.env.CACHESPEC_VSIX ?? path.join(repo, 'artifacts', 'release', `${manifest.name}-${target}-${manifest.version}.vsix`);
const required = process.env.CACHESPEC_REQUIRE_VSIX === '1';
const skip = !existsSync(vsixPath) && !required ? `no ${path.basename(vsixPath)}: run npm run package first` : false;

/** Reads a zip's central directory: name, unix mode, sizes and where each entry's data starts. */
function readZip(buffer) {
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'not a zip file (no end of central directory)');
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(buffer.readUInt32LE(offset), 0x02014b50, 'corrupt central directory');
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const external = buffer.readUInt32LE(offset + 38);
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.set(name, { name, method, compressedSize, size, mode: external >>> 16, local });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function readEntry(buffer, entry) {
  const start = entry.local + 30 + buffer.readUInt16LE(entry.local + 26) + buffer.readUInt16LE(entry.local + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  return entry.method === 0 ? data : inflateRawSync(data);
}

test('the .vsix holds the extension and the server, and nothing else', { skip }, () => {
  assert.ok(existsSync(vsixPath), `${vsixPath} is missing`);
  const buffer = readFileSync(vsixPath);
  const entries = readZip(buffer);
  const names = [...entries.keys()];

  for (const name of [
    'extension.vsixmanifest',
    'extension/package.json',
    'extension/readme.md',
    'extension/client-vscode/out/extension.js',
    'extension/client-vscode/language-configuration.json',
    'extension/client-vscode/syntaxes/cachespec.tmLanguage.json',
    'extension/client-vscode/images/icon.png',
    'extension/schemas/cachespec.schema.json',
    `extension/server/${executable}`,
    'extension/changelog.md',
    'extension/server/docs/rules/vnet-injection-requires-premium.md',
    'extension/server/docs/guidance/overview.md',
  ]) {
    assert.ok(entries.has(name), `${name} is missing from the .vsix`);
  }

  const server = entries.get(`extension/server/${executable}`);
  if (!target.startsWith('win32')) {
    assert.ok(server.mode & 0o100, `the server is not executable in the .vsix (mode ${server.mode.toString(8)})`);
  }
  // Native AOT or a single file: one large executable; ReadyToRun self-contained: a small host beside cachespec.dll and the runtime.
  const selfContained = entries.has('extension/server/cachespec.dll') && entries.has('extension/server/libcoreclr.so');
  assert.ok(server.size > 1024 * 1024 || selfContained, 'the server is neither a Native AOT executable nor a self-contained publish');

  // Every rule page of the repository ships, so diagnostics link to documentation that works offline.
  const rulePages = names.filter((name) => name.startsWith('extension/server/docs/rules/') && name.endsWith('.md'));
  assert.ok(rulePages.length >= 40, `only ${rulePages.length} rule pages`);

  const forbidden = names.filter(
    (name) =>
      /\.(ts|cs|csproj|sln|map|pdb|dbg|mjs)$/.test(name) ||
      /^extension\/server\/[^/]+\.xml$/.test(name) || // the libraries' XML documentation
      /(^|\/)(node_modules|test|tests|src|examples|obj|bin|\.git|\.vscode)\//.test(name) ||
      /^extension\/server\/CacheSpec\.[^/]+\//.test(name) || // the C# project folders
      /(^|\/)package-lock\.json$|(^|\/)tsconfig\.json$|\.vsix$/.test(name),
  );
  assert.deepEqual(forbidden, [], 'sources, tests or build files in the .vsix');

  // Files outside the allowed folders would mean .vscodeignore let something through.
  const allowed = /^(\[Content_Types\]\.xml|extension\.vsixmanifest|extension\/(package\.json|readme\.md|changelog\.md|license(\.(md|txt))?|client-vscode\/(out\/extension\.js|language-configuration\.json|syntaxes\/[^/]+\.json|images\/[^/]+\.png)|schemas\/cachespec\.schema\.json|server\/.+))$/i;
  assert.deepEqual(names.filter((name) => !allowed.test(name)), [], 'unexpected files in the .vsix');

  const packaged = JSON.parse(readEntry(buffer, entries.get('extension/package.json')).toString('utf8'));
  assert.equal(packaged.main, './client-vscode/out/extension.js');
  assert.equal(packaged.publisher, 'cachespec');
  const vsixManifest = readEntry(buffer, entries.get('extension.vsixmanifest')).toString('utf8');
  assert.match(vsixManifest, new RegExp(`TargetPlatform="${target}"`));

  const bundle = readEntry(buffer, entries.get('extension/client-vscode/out/extension.js')).toString('utf8');
  assert.match(bundle, /require\("vscode"\)/, 'the bundle must load vscode from the editor');
  assert.doesNotMatch(bundle, /require\("vscode-languageclient/, 'vscode-languageclient must be bundled, not required');
});
