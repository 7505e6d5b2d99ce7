// Editing through incremental didChange: a keystroke-by-keystroke replay of an example, and edits in a CRLF document with
// characters outside the Basic Multilingual Plane (UTF-16 surrogate pairs), checked against a fresh didOpen and the CLI.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { EXAMPLES, checkWithCli, endPosition, positionAt, sortDiagnostics, uriOf } from './lsp-harness.mjs';
import { serverStarter } from './started-servers.mjs';

const start = serverStarter();

/** The offset of an LSP position in a text whose lines end with LF or CRLF (columns in UTF-16 code units, like JS strings). */
function offsetAt(text, position) {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    assert.ok(next >= 0, `line ${position.line} is past the end`);
    offset = next + 1;
  }
  return offset + position.character;
}

function applyChange(text, { range, text: newText }) {
  return text.slice(0, offsetAt(text, range.start)) + newText + text.slice(offsetAt(text, range.end));
}

function assertRangesInside(diagnostics, text, where) {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  for (const { range, code } of diagnostics) {
    for (const end of [range.start, range.end]) {
      assert.ok(end.line >= 0 && end.line < lines.length, `${where}: ${code} has a line out of the document: ${JSON.stringify(range)}`);
      assert.ok(end.character >= 0 && end.character <= lines[end.line].length, `${where}: ${code} has a column past its line's end: ${JSON.stringify(range)}`);
    }
  }
}

describe('typing replay', () => {
  test('typing examples/private-link.cachespec.yaml one character at a time', { timeout: 180000 }, async (t) => {
    const file = path.join(EXAMPLES, 'private-link.cachespec.yaml');
    const full = readFileSync(file, 'utf8');
    const expected = checkWithCli('examples/').get(uriOf(file));
    const server = await start({ rootUri: uriOf(EXAMPLES) });
    // The workspace scan must be done before the file is opened, so the replay starts from a settled workspace.
    await server.waitForDiagnostics(uriOf(file));
    const uri = uriOf(file);
    let version = 1;
    let text = '';
    // The editor opens the file empty, and the user types it in.
    await server.open(file, text, version);

    let keyPositions = 0;
    let indentPositions = 0;
    let pulls = 0;
    const complete = async () => {
      const position = endPosition(text);
      const list = await server.request('textDocument/completion', { textDocument: { uri }, position });
      return Array.isArray(list) ? list : list?.items ?? [];
    };

    for (let index = 0; index <= full.length; index++) {
      // After each keystroke: where the line typed so far is only indentation, completion must answer.
      const lineSoFar = text.slice(text.lastIndexOf('\n') + 1);
      if (/^ *$/.test(lineSoFar)) {
        indentPositions++;
        const items = await complete();
        // A key position: the rest of this line (as the file will have it) starts a mapping key. There, the key about to be
        // typed is not in the document yet, so completion must offer something.
        const restOfLine = full.slice(text.length).split('\n')[0];
        if (/^[A-Za-z_]/.test(restOfLine)) {
          keyPositions++;
          assert.ok(items.length > 0, `no completion at ${JSON.stringify(endPosition(text))} before '${restOfLine.trim()}' (version ${version})`);
        }
      }
      if (index === full.length) {
        break;
      }
      // At every line end, pull diagnostics: the partial document must be analysed without internal errors.
      if (full[index] === '\n') {
        const report = await server.request('textDocument/diagnostic', { textDocument: { uri } });
        pulls++;
        assert.equal(report.kind, 'full');
        assert.ok(!report.items.some((d) => d.code === 'internal-error'), `internal-error at version ${version}: ${JSON.stringify(report.items)}`);
        assertRangesInside(report.items, text, `version ${version}`);
      }
      const position = endPosition(text);
      version++;
      await server.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: position, end: position }, text: full[index] }],
      });
      text += full[index];
    }
    t.diagnostic(`${full.length} keystrokes, ${indentPositions} completions at indentation (${keyPositions} key positions), ${pulls} pulls`);
    assert.ok(keyPositions > 40, 'the replay must visit the key positions');

    const typed = await server.waitForVersion(uri, version);
    assertRangesInside(typed.diagnostics, full, 'the typed document');
    assert.deepEqual(
      server.logs.filter((log) => log.type <= 2),
      [],
      'the server logged warnings or errors while the document was typed (e.g. a change it ignored)');
    assert.ok(
      !server.publications.some((params) => params.diagnostics.some((d) => d.code === 'internal-error')),
      'an internal-error diagnostic was published during the replay');

    // The same text, opened in one piece, must give the same diagnostics (and those are the CLI's).
    await server.notify('textDocument/didClose', { textDocument: { uri } });
    const reopenVersion = version + 1000;
    await server.open(file, full, reopenVersion);
    const fresh = await server.waitForVersion(uri, reopenVersion);
    assert.deepEqual(sortDiagnostics(typed.diagnostics), sortDiagnostics(fresh.diagnostics), 'typed and freshly opened text differ');
    assert.deepEqual(sortDiagnostics(fresh.diagnostics), sortDiagnostics(expected), 'the server differs from the CLI');
    assert.equal(await server.stop(), 0);
  });
});

describe('CRLF and characters outside the BMP', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'cachespec-utf16-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  const original = [
    '# Rocket \u{1F680} cache, saved with CRLF line endings',
    'apiVersion: cachespec/v1',
    'kind: CacheIsolationSpec',
    'guidance: current',
    'metadata: { name: rocket, description: "launch \u{1F680} pad", ownr: team }',
    'caches:',
    '  - name: rocket-cache',
    '    tier: Premium',
    '    size: P1',
    '    region: westeurope',
    '    tls: { minimumVersion: "1.3" }',
    '    isolation:',
    '      publicNetworkAccess: Enabled',
    '',
  ].join('\r\n');

  /** The diagnostics `cachespec check` gives for a text, written byte for byte to a temporary file. */
  function cliDiagnostics(text, name) {
    const file = path.join(folder, name);
    writeFileSync(file, text, 'utf8');
    return checkWithCli(file).get(uriOf(file));
  }

  /** Where `needle` is, as an LSP position counted in UTF-16 code units (what JS string indices are). */
  const at = (text, needle, delta = 0) => {
    const offset = text.indexOf(needle);
    assert.ok(offset >= 0, `'${needle}' is missing`);
    return positionAt(text, offset + delta);
  };

  test('incremental edits after an emoji keep UTF-16 columns, as a fresh didOpen and the CLI see them', async () => {
    const server = await start({ rootUri: null });
    const uri = uriOf(path.join(folder, 'edited.cachespec.yaml'));
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cachespec', version: 1, text: original } });
    const first = await server.waitForVersion(uri, 1);

    // Before any edit: CLI parity, and the unknown key after the emoji sits at its UTF-16 column.
    assert.deepEqual(sortDiagnostics(first.diagnostics), sortDiagnostics(cliDiagnostics(original, 'original.cachespec.yaml')));
    const unknown = first.diagnostics.find((d) => d.code === 'unknown-key');
    assert.ok(unknown, 'expected unknown-key for ownr');
    assert.deepEqual(unknown.range, { start: at(original, 'ownr'), end: at(original, 'ownr', 4) });

    // Edits, each expressed in UTF-16 positions of the text the server has at that moment.
    let text = original;
    let version = 1;
    const send = async (changes) => {
      version++;
      for (const change of changes) {
        text = applyChange(text, change);
      }
      await server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    };

    // 1. Insert right after the description's emoji: same line as the unknown key, before it.
    const afterEmoji = at(text, '\u{1F680} pad', 2);
    await send([{ range: { start: afterEmoji, end: afterEmoji }, text: ' \u{1F6F0}\u{FE0F} orbital' }]);
    // 2. Replace the emoji of the header comment (two code units) with a word.
    await send([{ range: { start: at(text, '\u{1F680} cache'), end: at(text, '\u{1F680} cache', 2) }, text: 'rocket' }]);
    // 3. Two changes in one notification: a new CRLF line with emoji above caches:, then the TLS fix below it.
    const cachesLine = at(text, '\ncaches:', 1);
    const change1 = { range: { start: cachesLine, end: cachesLine }, text: '# \u{1F680}\u{1F680} two rockets, then the TLS fix\r\n' };
    const afterFirst = applyChange(text, change1);
    const change2 = { range: { start: at(afterFirst, '"1.3"', 1), end: at(afterFirst, '"1.3"', 4) }, text: '1.2' };
    await send([change1, change2]);

    assert.ok(text.includes('launch \u{1F680} \u{1F6F0}\u{FE0F} orbital pad", ownr: team'), 'the test applied its own edits wrongly');
    const edited = await server.waitForVersion(uri, version);
    assert.deepEqual(
      server.logs.filter((log) => log.type <= 2),
      [],
      'the server logged warnings or errors while applying the edits');

    // The unknown key moved by exactly the UTF-16 length of the inserted text.
    const moved = edited.diagnostics.find((d) => d.code === 'unknown-key');
    assert.ok(moved, 'unknown-key for ownr is gone after the edits');
    assert.deepEqual(moved.range, { start: at(text, 'ownr'), end: at(text, 'ownr', 4) });
    assert.ok(!edited.diagnostics.some((d) => d.code === 'invalid-value'), 'the TLS fix was not applied where it was meant');

    // The server's text equals the client's: a fresh didOpen of the final text, and the CLI, give the same diagnostics.
    const expected = cliDiagnostics(text, 'final.cachespec.yaml');
    assert.deepEqual(sortDiagnostics(edited.diagnostics), sortDiagnostics(expected), 'edited document vs CLI');
    await server.notify('textDocument/didClose', { textDocument: { uri } });
    const freshUri = uriOf(path.join(folder, 'fresh.cachespec.yaml'));
    await server.notify('textDocument/didOpen', { textDocument: { uri: freshUri, languageId: 'cachespec', version: 1, text } });
    const fresh = await server.waitForVersion(freshUri, 1);
    assert.deepEqual(sortDiagnostics(edited.diagnostics), sortDiagnostics(fresh.diagnostics), 'edited document vs a fresh didOpen');

    // Document symbols also speak UTF-16 over CRLF text.
    const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: freshUri } });
    const cache = symbols.find((symbol) => symbol.name === 'rocket-cache');
    assert.ok(cache, 'rocket-cache symbol');
    assert.deepEqual(cache.selectionRange.start, at(text, 'rocket-cache'));
    assert.equal(await server.stop(), 0);
  });

  test('a lone surrogate in the text is read as U+FFFD, and the edits after it land where the editor put them', async () => {
    const server = await start({ rootUri: null });
    const uri = uriOf(path.join(folder, 'lone-surrogate.cachespec.yaml'));
    // JSON.stringify writes a lone surrogate (half an emoji, cut by an editor or a paste) as the escape \ud800.
    const text = original.replace('launch \u{1F680} pad', 'launch \uD800 pad');
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cachespec', version: 1, text } });
    await server.waitForVersion(uri, 1);
    const ownr = at(text, 'ownr');
    const edited = applyChange(text, { range: { start: ownr, end: at(text, 'ownr', 4) }, text: 'owner' });
    await server.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: ownr, end: at(text, 'ownr', 4) }, text: 'owner' }],
    });
    const published = await server.waitForVersion(uri, 2);
    const expected = cliDiagnostics(edited.replace('\uD800', '\uFFFD'), 'lone-surrogate-expected.cachespec.yaml');
    assert.deepEqual(sortDiagnostics(published.diagnostics), sortDiagnostics(expected));
    const unknown = published.diagnostics.find((d) => d.code === 'unknown-key');
    assert.deepEqual(unknown?.range, { start: at(edited, 'owner'), end: at(edited, 'owner', 5) }, 'the edit landed at its column');
  });

  test('an edit that cannot be read marks the document out of sync until a change sends the whole text', async () => {
    const server = await start({ rootUri: null });
    const uri = uriOf(path.join(folder, 'out-of-sync.cachespec.yaml'));
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cachespec', version: 1, text: original } });
    await server.waitForVersion(uri, 1);
    const unreadable = { range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' };
    await server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [unreadable] });
    const lost = await server.waitForVersion(uri, 2);
    assert.equal(lost.diagnostics[0]?.code, 'document-out-of-sync', JSON.stringify(lost.diagnostics[0]));

    // A ranged edit cannot be placed in text the server no longer shares with the editor: it is not applied.
    const ownr = at(original, 'ownr');
    await server.notify('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: ownr, end: at(original, 'ownr', 4) }, text: 'owner' }],
    });
    const stillLost = await server.waitForVersion(uri, 3);
    assert.equal(stillLost.diagnostics[0]?.code, 'document-out-of-sync');
    assert.ok(stillLost.diagnostics.some((d) => d.code === 'unknown-key'), 'the ranged edit was not applied');

    const repaired = original.replace('ownr', 'owner');
    await server.notify('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: repaired }] });
    const inSync = await server.waitForVersion(uri, 4);
    assert.deepEqual(sortDiagnostics(inSync.diagnostics), sortDiagnostics(cliDiagnostics(repaired, 'repaired.cachespec.yaml')));
  });
});
