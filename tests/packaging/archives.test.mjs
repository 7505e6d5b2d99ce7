// The archive writers of scripts/release-files.mjs (node-tar and yazl) on a small folder: the same bytes whatever the time zone and
// the files' own modes and times, one top-level folder, entries sorted, every time the epoch's, the server executable and the
// other files not, no owner. Needs no release: it runs before `npm run package` has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readZip, repo } from './support.mjs';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'cachespec-archives-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const epoch = 1764158400; // 2025-11-26T12:00:00Z
const top = 'cachespec-9.9.9-linux-x64';
const folder = path.join(scratch, top);
mkdirSync(path.join(folder, 'docs', 'rules'), { recursive: true });
writeFileSync(path.join(folder, 'cachespec'), '#!/bin/sh\necho cachespec\n'); // stands for the server
chmodSync(path.join(folder, 'cachespec'), 0o775);
writeFileSync(path.join(folder, 'README.md'), '# CacheSpec\n');
writeFileSync(path.join(folder, 'docs', 'rules', 'b.md'), 'b\n');
writeFileSync(path.join(folder, 'docs', 'rules', 'a.md'), 'a\n');
const sorted = ['README.md', 'cachespec', 'docs/rules/a.md', 'docs/rules/b.md'].map((name) => `${top}/${name}`);

/** Writes the folder's archive in a child process with the given time zone, as scripts/package.mjs does. */
function write(kind, out, timeZone) {
  const module = pathToFileURL(path.join(repo, 'scripts', 'release-files.mjs')).href;
  const script = `const m = await import(${JSON.stringify(module)}); await m.${kind === 'zip' ? 'writeZip' : 'writeTarGz'}(${JSON.stringify(folder)}, ${JSON.stringify(out)}, ${epoch});`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, TZ: timeZone } });
  assert.equal(result.status, 0, result.stderr);
  return readFileSync(out);
}

/** Writes twice, changing in between what must not matter: the time zone, the files' times and a document's mode. */
function writeTwice(kind) {
  const first = write(kind, path.join(scratch, `first.${kind}`), 'UTC');
  chmodSync(path.join(folder, 'README.md'), 0o664);
  utimesSync(path.join(folder, 'docs', 'rules', 'a.md'), new Date(), new Date());
  const second = write(kind, path.join(scratch, `second.${kind}`), 'Asia/Kolkata');
  chmodSync(path.join(folder, 'README.md'), 0o644);
  return { first, second };
}

test('the .tar.gz (node-tar) is reproducible: sorted, one top folder, epoch times, owner 0, the server executable', () => {
  const { first, second } = writeTwice('tar.gz');
  assert.ok(first.equals(second), 'two writes of one folder differ');
  assert.equal(first.readUInt32LE(4), 0, 'gzip header: no time');
  const listing = spawnSync('tar', ['-tzv', '--full-time', '-f', path.join(scratch, 'first.tar.gz')], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  assert.equal(listing.status, 0, listing.stderr);
  const lines = listing.stdout.trim().split('\n').map((line) => line.split(/\s+/));
  const names = lines.map((fields) => fields.slice(5).join(' ').replace(/\/$/, ''));
  assert.deepEqual(names, [top, ...sorted.slice(0, 2), `${top}/docs`, `${top}/docs/rules`, ...sorted.slice(2)]);
  for (const fields of lines) {
    assert.equal(fields[1], '0/0', `${fields[5]}: an owner`);
    assert.equal(`${fields[3]} ${fields[4]}`, '2025-11-26 12:00:00', `${fields[5]}: not the epoch's time`);
    const expected = fields[0].startsWith('d') ? 'drwxr-xr-x' : fields[5].endsWith('/cachespec') ? '-rwxr-xr-x' : '-rw-r--r--';
    assert.equal(fields[0], expected, `${fields[5]}: mode`);
  }
});

test('the .zip (yazl) is reproducible: sorted files in one top folder, the epoch as DOS time in UTC, Unix modes', () => {
  const { first, second } = writeTwice('zip');
  assert.ok(first.equals(second), 'two writes of one folder differ');
  const entries = readZip(first);
  assert.deepEqual([...entries.keys()], sorted);
  for (const entry of entries.values()) {
    assert.equal(entry.method, 8, `${entry.name}: not deflated`);
    assert.equal(entry.mode, entry.name.endsWith('/cachespec') ? 0o100755 : 0o100644, `${entry.name}: mode ${entry.mode.toString(8)}`);
    const { dosTime: time, dosDate: date } = entry;
    assert.deepEqual([(date >> 9) + 1980, (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2], [2025, 11, 26, 12, 0, 0]);
  }
  const listing = spawnSync('unzip', ['-Z', path.join(scratch, 'first.zip')], { encoding: 'utf8' });
  if (!listing.error) assert.match(listing.stdout, /^-rwxr-xr-x .* unx .* cachespec-9\.9\.9-linux-x64\/cachespec$/m);
});
