// Unit tests of the client's own logic: server resolution, settings, workspace trust, status text and rule lookup.
// `npm run test:client` compiles src/serverPath.ts to out/test/serverPath.mjs first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bundledServerPath,
  configuredServerPath,
  effectiveGuidance,
  guidanceOfSpec,
  initializationOptions,
  isFailure,
  isRuleId,
  normalizeConfiguredPath,
  normalizeGuidance,
  normalizeTrace,
  resolveServer,
  ruleAt,
  ruleDocPath,
  statusView,
} from '../out/test/serverPath.mjs';

const EXT = '/home/user/.vscode/extensions/cachespec.cachespec-0.1.0-linux-x64';
const BUNDLED = `${EXT}/server/cachespec`;

function host(executables = [], overrides = {}) {
  const set = new Set(executables);
  return { platform: 'linux', arch: 'x64', homeDir: '/home/user', isExecutableFile: (p) => set.has(p), pathVariable: '', ...overrides };
}

test('the bundled server is used when nothing is configured', () => {
  const result = resolveServer({ extensionPath: EXT, serverPathSetting: { defaultValue: '' }, workspaceTrusted: true }, host([BUNDLED]));
  assert.equal(isFailure(result), false);
  assert.equal(result.command, BUNDLED);
  assert.equal(result.source, 'bundled');
  assert.deepEqual(result.args, ['serve'], 'the client adds --stdio itself');
  assert.deepEqual(result.notes, []);
});

test('the bundled server path is <extension>/server/cachespec (cachespec.exe on Windows)', () => {
  assert.equal(bundledServerPath('/ext', 'linux'), '/ext/server/cachespec');
  assert.equal(bundledServerPath('C:\\ext', 'win32'), 'C:\\ext\\server\\cachespec.exe');
});

test('a user-level server path is used in a trusted workspace', () => {
  const result = resolveServer(
    { extensionPath: EXT, serverPathSetting: { globalValue: '/opt/dev/cachespec' }, workspaceTrusted: true },
    host([BUNDLED, '/opt/dev/cachespec']),
  );
  assert.equal(result.command, '/opt/dev/cachespec');
  assert.equal(result.source, 'setting');
});

test('no configured server path is ever used in an untrusted workspace', () => {
  for (const setting of [{ globalValue: '/opt/dev/cachespec' }, { workspaceValue: '/tmp/evil' }, { workspaceFolderValue: '/tmp/evil' }]) {
    const result = resolveServer(
      { extensionPath: EXT, serverPathSetting: setting, workspaceTrusted: false },
      host([BUNDLED, '/opt/dev/cachespec', '/tmp/evil']),
    );
    assert.equal(result.command, BUNDLED, JSON.stringify(setting));
    assert.equal(result.source, 'bundled');
    assert.match(result.notes.join('\n'), /not trusted/);
  }
});

test('an untrusted workspace with no setting gets no note', () => {
  assert.deepEqual(configuredServerPath({ defaultValue: '' }, false), {});
  assert.deepEqual(configuredServerPath(undefined, false), {});
});

test('in a trusted workspace the narrowest scope wins, blank values are skipped', () => {
  assert.equal(configuredServerPath({ globalValue: '/a', workspaceValue: '/b', workspaceFolderValue: '/c' }, true).value, '/c');
  assert.equal(configuredServerPath({ globalValue: '/a', workspaceValue: '/b', workspaceFolderValue: '  ' }, true).value, '/b');
  assert.equal(configuredServerPath({ globalValue: ' /a ', workspaceValue: '' }, true).value, '/a');
  assert.equal(configuredServerPath({ defaultValue: '' }, true).value, undefined);
});

test('a relative configured path is refused and the bundled server is used', () => {
  const result = resolveServer(
    { extensionPath: EXT, serverPathSetting: { globalValue: 'bin/cachespec' }, workspaceTrusted: true },
    host([BUNDLED, 'bin/cachespec']),
  );
  assert.equal(result.source, 'bundled');
  assert.match(result.notes[0], /absolute path/);
});

test('a configured path that is not an executable file is reported and skipped', () => {
  const result = resolveServer(
    { extensionPath: EXT, serverPathSetting: { globalValue: '/nowhere/cachespec' }, workspaceTrusted: true },
    host([BUNDLED]),
  );
  assert.equal(result.source, 'bundled');
  assert.match(result.notes[0], /not an executable file/);
});

test('~ expands to the home folder', () => {
  assert.equal(normalizeConfiguredPath('~/bin/cachespec', { platform: 'linux', homeDir: '/home/user' }), '/home/user/bin/cachespec');
  assert.equal(normalizeConfiguredPath('/usr/../opt/cachespec', { platform: 'linux', homeDir: '/h' }), '/opt/cachespec');
  assert.equal(normalizeConfiguredPath('cachespec', { platform: 'linux', homeDir: '/h' }), undefined);
  assert.equal(normalizeConfiguredPath('C:\\tools\\cachespec.exe', { platform: 'win32', homeDir: 'C:\\Users\\u' }), 'C:\\tools\\cachespec.exe');
});

test('without a bundled server, cachespec on PATH is used; relative PATH entries are skipped', () => {
  const result = resolveServer(
    { extensionPath: EXT, serverPathSetting: undefined, workspaceTrusted: false },
    host(['./tools/cachespec', '/usr/local/bin/cachespec'], { pathVariable: 'tools:/usr/bin:/usr/local/bin' }),
  );
  assert.equal(result.command, '/usr/local/bin/cachespec');
  assert.equal(result.source, 'path');
});

test('with no server anywhere, resolution fails with an explanation', () => {
  const result = resolveServer({ extensionPath: EXT, serverPathSetting: undefined, workspaceTrusted: true }, host([]));
  assert.equal(isFailure(result), true);
  assert.match(result.error, /linux-x64/);
  assert.match(result.error, /cachespec\.server\.path/);
});

test('guidance and trace settings are normalized', () => {
  assert.equal(normalizeGuidance('2020-10'), '2020-10');
  assert.equal(normalizeGuidance('current'), 'current');
  assert.equal(normalizeGuidance('2019'), 'current');
  assert.equal(normalizeGuidance(undefined), 'current');
  assert.deepEqual(initializationOptions('2020-10'), { guidance: '2020-10' });
  assert.deepEqual(initializationOptions(42), { guidance: 'current' });
  assert.equal(normalizeTrace('verbose'), 'verbose');
  assert.equal(normalizeTrace('loud'), 'off');
});

test("a spec's own guidance key wins over the setting", () => {
  assert.equal(guidanceOfSpec('apiVersion: cachespec/v1\nguidance: 2020-10\n'), '2020-10');
  assert.equal(guidanceOfSpec('guidance: "current"  # today\n'), 'current');
  assert.equal(guidanceOfSpec("guidance: '2020-10'\n"), '2020-10');
  assert.equal(guidanceOfSpec('metadata:\n  guidance: 2020-10\n'), undefined, 'only the top-level key counts');
  assert.equal(guidanceOfSpec('guidance: 1999\n'), undefined);
  assert.deepEqual(effectiveGuidance('guidance: 2020-10\n', 'current'), { profile: '2020-10', fromSpec: true });
  assert.deepEqual(effectiveGuidance('kind: CacheIsolationSpec\n', '2020-10'), { profile: '2020-10', fromSpec: false });
  assert.deepEqual(effectiveGuidance(undefined, undefined), { profile: 'current', fromSpec: false });
});

test('the status bar shows the server state and the profile', () => {
  const running = statusView('running', { profile: 'current', fromSpec: false }, 'bundled');
  assert.equal(running.text, '$(check) CacheSpec current');
  assert.match(running.tooltip, /running/);
  assert.match(running.tooltip, /bundled server/);
  assert.equal(running.error, false);
  const failed = statusView('failed', { profile: '2020-10', fromSpec: true }, 'setting');
  assert.equal(failed.text, '$(error) CacheSpec 2020-10');
  assert.match(failed.tooltip, /cachespec\.server\.path/);
  assert.match(failed.tooltip, /named by this spec/);
  assert.equal(failed.error, true);
  assert.match(statusView('starting', { profile: 'current', fromSpec: false }).text, /sync~spin/);
});

test('rule ids are validated before they become file paths', () => {
  assert.equal(isRuleId('vnet-injection-requires-premium'), true);
  assert.equal(isRuleId('../../etc/passwd'), false);
  assert.equal(isRuleId('Unknown Key'), false);
  assert.equal(ruleDocPath(BUNDLED, 'invalid-cidr', 'linux'), `${EXT}/server/docs/rules/invalid-cidr.md`);
  assert.equal(ruleDocPath(BUNDLED, '../x', 'linux'), undefined);
});

test('the rule under the cursor is the narrowest CacheSpec diagnostic there', () => {
  const range = (sl, sc, el, ec) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
  const diagnostics = [
    { source: 'cachespec', code: 'vnet-injection-requires-premium', range: range(54, 6, 56, 0) },
    { source: 'cachespec', code: { value: 'invalid-cidr', target: { toString: () => 'file:///x/invalid-cidr.md' } }, range: range(55, 8, 55, 20) },
    { source: 'yaml', code: 'other', range: range(55, 0, 55, 40) },
  ];
  assert.deepEqual(ruleAt(diagnostics, 55, 10), { ruleId: 'invalid-cidr', target: 'file:///x/invalid-cidr.md' });
  assert.deepEqual(ruleAt(diagnostics, 54, 7), { ruleId: 'vnet-injection-requires-premium', target: undefined });
  assert.equal(ruleAt(diagnostics, 10, 0), undefined);
});
