// Hover, completion, document symbols and folding ranges on the example specs, through the real server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { EXAMPLES, positionOf, specFilesUnder, startServer, uriOf } from './lsp-harness.mjs';

const ISOLATION_KEYS = ['publicNetworkAccess', 'privateEndpoints', 'firewallRules', 'vnetInjection'];

let server;
before(async () => {
  server = await startServer({ rootUri: uriOf(EXAMPLES) });
});
after(() => server?.kill());

let version = 10;
async function openExample(relative) {
  const file = path.join(EXAMPLES, relative);
  const text = readFileSync(file, 'utf8');
  const uri = uriOf(file);
  version++;
  await server.open(file, text, version);
  await server.waitForVersion(uri, version);
  return { file, text, uri };
}

/** The names of the caches in a spec, read from the text: the `- name:` items of every top-level `caches:` list (a file may
 * hold several YAML documents). */
function cacheNames(text) {
  const names = [];
  let inCaches = false;
  for (const line of text.split('\n')) {
    if (/^[^\s#]/.test(line)) {
      inCaches = /^caches:\s*$/.test(line);
      continue;
    }
    const match = /^ {2}- name: (\S+)/.exec(line);
    if (inCaches && match) {
      names.push(match[1]);
    }
  }
  return names;
}

/** The keys present in the mapping that starts on the line after `header` (a line such as "    isolation:"). */
function keysUnder(lines, headerIndex) {
  const indent = /^ */.exec(lines[headerIndex])[0].length;
  const keys = [];
  let childIndent = null;
  for (const line of lines.slice(headerIndex + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) {
      continue;
    }
    const lineIndent = /^ */.exec(line)[0].length;
    if (lineIndent <= indent) {
      break;
    }
    childIndent ??= lineIndent;
    const match = /^ *([A-Za-z]+):/.exec(line);
    if (lineIndent === childIndent && match) {
      keys.push(match[1]);
    }
  }
  return keys;
}

describe('hover', () => {
  test('hover on vnetInjection explains that VNet injection needs Premium', async () => {
    const { text, uri } = await openExample('vnet-injection.cachespec.yaml');
    const position = positionOf(text, 'vnetInjection:', 3);
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(hover, 'no hover on vnetInjection');
    const value = typeof hover.contents === 'string' ? hover.contents : hover.contents.value;
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(value, /Premium/);
    assert.match(value, /vnetInjection/);
    if (hover.range) {
      // The range covers the key the cursor is on.
      assert.equal(hover.range.start.line, position.line);
      assert.ok(hover.range.start.character <= position.character && position.character <= hover.range.end.character);
    }
  });

  test('hover on a comment or past the end of the document is empty, not an error', async () => {
    const { text, uri } = await openExample('vnet-injection.cachespec.yaml');
    const lines = text.split('\n').length;
    assert.equal(await server.request('textDocument/hover', { textDocument: { uri }, position: { line: lines + 50, character: 0 } }), null);
    const onComment = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.ok(onComment === null || typeof onComment.contents === 'object');
  });
});

describe('completion', () => {
  for (const relative of ['private-link.cachespec.yaml', 'firewall.cachespec.yaml', 'vnet-injection.cachespec.yaml', 'broken/mistakes.cachespec.yaml']) {
    test(`an empty line inside an isolation mapping offers the missing isolation keys (${relative})`, async () => {
      const { text, uri } = await openExample(relative);
      const lines = text.split('\n');
      const header = lines.findIndex((line) => /^ {4}isolation:\s*$/.test(line));
      assert.ok(header >= 0, `no isolation mapping in ${relative}`);
      const present = keysUnder(lines, header);
      assert.ok(present.length > 0, 'the isolation mapping has keys');
      const expected = ISOLATION_KEYS.filter((key) => !present.includes(key)).sort();

      // Insert an empty, indented line right below "    isolation:" and complete at its end.
      const insertAt = { line: header + 1, character: 0 };
      version++;
      await server.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: insertAt, end: insertAt }, text: '      \n' }],
      });
      const position = { line: header + 1, character: 6 };
      const list = await server.request('textDocument/completion', { textDocument: { uri }, position });
      const items = Array.isArray(list) ? list : list.items;
      const labels = items.map((item) => item.label).sort();
      assert.deepEqual(labels, expected, `present keys: ${present.join(', ')}`);
      for (const item of items) {
        if (item.textEdit) {
          const range = item.textEdit.range ?? item.textEdit.insert;
          assert.equal(range.start.line, position.line, 'the edit is on the completion line');
          assert.deepEqual(range.end, position, 'on an empty line the edit ends at the cursor');
        }
      }
    });
  }

  test('completion in a document the server does not know is empty, not an error', async () => {
    const list = await server.request('textDocument/completion', {
      textDocument: { uri: 'file:///nowhere/unknown.cachespec.yaml' },
      position: { line: 0, character: 0 },
    });
    const items = Array.isArray(list) ? list : list?.items ?? [];
    assert.equal(items.length, 0);
  });
});

describe('documentSymbol', () => {
  for (const file of specFilesUnder(EXAMPLES)) {
    const relative = path.relative(EXAMPLES, file);
    test(`returns the caches of ${relative}`, async () => {
      const { text, uri } = await openExample(relative);
      const expected = cacheNames(text);
      const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(Array.isArray(symbols));
      const caches = symbols.filter((symbol) => symbol.kind === 5); // SymbolKind.Class
      assert.deepEqual(caches.map((symbol) => symbol.name), expected);
      for (const cache of caches) {
        // The selection range is the name, and lies within the full range.
        const at = positionOf(text, `- name: ${cache.name}\n`, '- name: '.length);
        assert.deepEqual(cache.selectionRange.start, at, `selectionRange of ${cache.name}`);
        assert.deepEqual(cache.selectionRange.end, { line: at.line, character: at.character + cache.name.length });
        const inside = (p) => (p.line > cache.range.start.line || (p.line === cache.range.start.line && p.character >= cache.range.start.character))
          && (p.line < cache.range.end.line || (p.line === cache.range.end.line && p.character <= cache.range.end.character));
        assert.ok(inside(cache.selectionRange.start) && inside(cache.selectionRange.end), `the selection range of ${cache.name} is outside its range`);
      }
    });
  }
});

describe('foldingRange', () => {
  test('returns ranges, including the caches section', async () => {
    const { text, uri } = await openExample('private-link.cachespec.yaml');
    const ranges = await server.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(Array.isArray(ranges) && ranges.length > 0, 'no folding ranges');
    const lineCount = text.split('\n').length;
    for (const range of ranges) {
      assert.ok(Number.isInteger(range.startLine) && Number.isInteger(range.endLine));
      assert.ok(range.startLine < range.endLine, `a folding range must span lines: ${JSON.stringify(range)}`);
      assert.ok(range.endLine < lineCount, `a folding range ends past the document: ${JSON.stringify(range)}`);
      if (range.kind !== undefined) {
        assert.ok(['comment', 'region', 'imports'].includes(range.kind));
      }
    }
    const cachesLine = positionOf(text, '\ncaches:', 1).line;
    assert.ok(ranges.some((range) => range.startLine === cachesLine), 'the caches section folds');
    assert.ok(ranges.some((range) => range.startLine === 0 && range.kind === 'comment'), 'the header comment folds');
  });
});
