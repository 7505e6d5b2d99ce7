// The LSP lifecycle and error handling of the real server process: initialize, errors before initialize, unknown methods, bad
// params, shutdown/exit codes, stdin closing, and $/cancelRequest.
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { EXAMPLES, ErrorCodes, TIMEOUT_MS, positionOf, uriOf } from './lsp-harness.mjs';
import { serverStarter } from './started-servers.mjs';

const start = serverStarter();

/** Runs a request that must fail, and returns the ResponseError. */
async function expectError(promise) {
  try {
    const result = await promise;
    assert.fail(`expected an error response, got the result ${JSON.stringify(result)}`);
  } catch (error) {
    if (error instanceof assert.AssertionError) {
      throw error;
    }
    assert.equal(typeof error.code, 'number', `expected a JSON-RPC error, got ${error}`);
    return error;
  }
}

async function exitCode(server) {
  let timer;
  const { code } = await Promise.race([
    server.exited,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('the server process did not exit')), TIMEOUT_MS); }),
  ]).finally(() => clearTimeout(timer));
  return code;
}

describe('lifecycle', () => {
  test('initialize returns the capabilities and serverInfo', async () => {
    const server = await start({ rootUri: uriOf(EXAMPLES) });
    const { capabilities, serverInfo } = server.initializeResult;
    assert.equal(serverInfo.name, 'cachespec');
    assert.equal(typeof serverInfo.version, 'string');
    assert.ok(capabilities, 'capabilities are missing');
    // Incremental sync (2), open/close notifications.
    const sync = capabilities.textDocumentSync;
    assert.equal(typeof sync === 'number' ? sync : sync.change, 2, 'the server must ask for incremental changes');
    if (typeof sync === 'object') {
      assert.equal(sync.openClose, true);
    }
    assert.ok(capabilities.completionProvider, 'completionProvider');
    assert.ok(capabilities.hoverProvider, 'hoverProvider');
    assert.ok(capabilities.documentSymbolProvider, 'documentSymbolProvider');
    assert.ok(capabilities.foldingRangeProvider, 'foldingRangeProvider');
    // This client declares no pull support, so the server pushes and does not offer pull diagnostics.
    assert.equal(capabilities.diagnosticProvider, undefined, 'no diagnosticProvider for a client that does not pull');
    if (capabilities.positionEncoding !== undefined) {
      assert.equal(capabilities.positionEncoding, 'utf-16', 'the client offered no encodings, so the server must use UTF-16');
    }
    assert.equal(await server.stop(), 0);
  });

  test('a client that pulls diagnostics is offered pull diagnostics', async () => {
    const server = await start({ rootUri: uriOf(EXAMPLES), capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
    const provider = server.initializeResult.capabilities.diagnosticProvider;
    assert.ok(provider, 'diagnosticProvider (pull diagnostics)');
    assert.equal(provider.interFileDependencies, true);
    assert.equal(await server.stop(), 0);
  });

  test('a request before initialize gets ServerNotInitialized (-32002)', async () => {
    const server = await start({ initialize: false });
    const file = path.join(EXAMPLES, 'firewall.cachespec.yaml');
    const error = await expectError(server.request('textDocument/hover', {
      textDocument: { uri: uriOf(file) },
      position: { line: 0, character: 0 },
    }));
    assert.equal(error.code, ErrorCodes.ServerNotInitialized);
    const shutdownError = await expectError(server.request('shutdown', null));
    assert.equal(shutdownError.code, ErrorCodes.ServerNotInitialized);
    // The server is still usable: initialize now works.
    const result = await server.initialize();
    assert.equal(result.serverInfo.name, 'cachespec');
    assert.equal(await server.stop(), 0);
  });

  test('an unknown method gets MethodNotFound (-32601)', async () => {
    const server = await start();
    const error = await expectError(server.request('cachespec/noSuchMethod', { anything: true }));
    assert.equal(error.code, ErrorCodes.MethodNotFound);
    // Unknown notifications are ignored, and the connection keeps working.
    await server.notify('cachespec/noSuchNotification', {});
    const error2 = await expectError(server.request('textDocument/noSuchRequest', {}));
    assert.equal(error2.code, ErrorCodes.MethodNotFound);
    assert.equal(await server.stop(), 0);
  });

  test('params of the wrong shape get InvalidParams (-32602)', async () => {
    const server = await start();
    const error = await expectError(server.request('textDocument/hover', { textDocument: 5 }));
    assert.equal(error.code, ErrorCodes.InvalidParams);
    const missing = await expectError(server.request('textDocument/completion', { textDocument: { uri: 'file:///x.cachespec.yaml' } }));
    assert.equal(missing.code, ErrorCodes.InvalidParams, 'a missing position must be InvalidParams');
    const wrongType = await expectError(server.request('textDocument/documentSymbol', { textDocument: { uri: 42 } }));
    assert.equal(wrongType.code, ErrorCodes.InvalidParams);
    // A second initialize is refused, but not as InvalidParams.
    const again = await expectError(server.request('initialize', { processId: null, rootUri: null, capabilities: {} }));
    assert.equal(again.code, ErrorCodes.InvalidRequest);
    // Still alive after all of that.
    const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///not/open.cachespec.yaml' } });
    assert.ok(Array.isArray(symbols));
    assert.equal(await server.stop(), 0);
  });

  test('requests after shutdown are refused with InvalidRequest (-32600)', async () => {
    const server = await start();
    assert.equal(await server.request('shutdown', null), null);
    const error = await expectError(server.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///x.cachespec.yaml' } }));
    assert.equal(error.code, ErrorCodes.InvalidRequest);
    await server.notify('exit');
    assert.equal(await exitCode(server), 0);
  });

  test('shutdown then exit ends the process with code 0', async () => {
    const server = await start({ rootUri: uriOf(EXAMPLES) });
    const result = await server.request('shutdown', null);
    assert.equal(result, null, 'shutdown returns null');
    await server.notify('exit');
    assert.equal(await exitCode(server), 0);
  });

  test('exit without shutdown ends the process with code 1', async () => {
    const server = await start({ rootUri: uriOf(EXAMPLES) });
    await server.notify('exit');
    assert.equal(await exitCode(server), 1);
  });

  test('exit before initialize ends the process with code 1', async () => {
    const server = await start({ initialize: false });
    await server.notify('exit');
    assert.equal(await exitCode(server), 1);
  });

  test('the server exits by itself when its stdin closes', async () => {
    const server = await start({ rootUri: uriOf(EXAMPLES) });
    server.proc.stdin.end();
    const code = await exitCode(server);
    assert.notEqual(code, null, 'the process must exit, not be killed');
  });
});

describe('$/cancelRequest', () => {
  test('a cancelled request is answered (result or RequestCancelled) and the connection keeps working', async (t) => {
    const server = await start({ rootUri: uriOf(EXAMPLES) });
    const file = path.join(EXAMPLES, 'vnet-injection.cachespec.yaml');
    const text = readFileSync(file, 'utf8');
    const uri = uriOf(file);
    await server.open(file, text, 1);
    await server.waitForVersion(uri, 1);
    const position = positionOf(text, 'vnetInjection', 2);
    const requests = [
      ['textDocument/hover', { textDocument: { uri }, position }],
      ['textDocument/completion', { textDocument: { uri }, position }],
      ['textDocument/documentSymbol', { textDocument: { uri } }],
      ['textDocument/foldingRange', { textDocument: { uri } }],
      ['textDocument/diagnostic', { textDocument: { uri } }],
    ];
    let cancelled = 0;
    let answered = 0;
    for (let round = 0; round < 4; round++) {
      for (const [method, params] of requests) {
        const source = new CancellationTokenSource();
        // Odd rounds cancel before sending (the $/cancelRequest follows the request at once), even rounds right after.
        const early = round % 2 === 1;
        if (early) {
          source.cancel();
        }
        const pending = server.request(method, params, source.token);
        if (!early) {
          source.cancel();
        }
        try {
          await pending;
          answered++;
        } catch (error) {
          assert.equal(error.code, ErrorCodes.RequestCancelled, `${method}: a cancelled request may only fail with -32800, got ${error.code} ${error.message}`);
          cancelled++;
        }
        source.dispose();
      }
    }
    assert.equal(cancelled + answered, 4 * requests.length);
    t.diagnostic(`${cancelled} request(s) cancelled by the server, ${answered} answered before the cancellation arrived`);
    // Cancelling an id that was never sent (or already answered) is harmless.
    await server.notify('$/cancelRequest', { id: 987654 });
    await server.notify('$/cancelRequest', { id: 'no-such-request' });
    // The connection still works, and answers correctly.
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position });
    assert.match(hover.contents.value, /Premium/);
    const pulled = await server.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(pulled.kind, 'full');
    assert.equal(await server.stop(), 0);
  });
});
