// The extension's manifest (the root package.json) keeps the promises SECURITY.md makes about the server path setting:
// machine-scoped, so no workspace or folder settings file can set it, and restricted, so an untrusted workspace never uses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const settings = [manifest.contributes.configuration].flat().reduce((all, section) => ({ ...all, ...section.properties }), {});

test('cachespec.server.path is a machine-scoped setting', () => {
  assert.equal(settings['cachespec.server.path']?.scope, 'machine');
});

test('an untrusted workspace gets limited support, with cachespec.server.path restricted', () => {
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.deepEqual(untrusted.restrictedConfigurations, ['cachespec.server.path']);
});

test('no other setting names a program, a path or a command to run', () => {
  const risky = Object.keys(settings).filter((name) => name !== 'cachespec.server.path' && /path|command|exec|program|args|env/i.test(name));
  assert.deepEqual(risky, []);
});
