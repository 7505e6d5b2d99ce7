// A misbehaving client against the real server process: broken frames, invalid JSON, batches, unknown methods, params of the wrong
// shape for every method the server implements, positions out of range, edits that must be ignored, a flood of requests, a burst of
// cancellations, and the lifecycle's refusals. Each case checks the answer the LSP and JSON-RPC 2.0 specifications ask for, then that
// the server still answers a normal request correctly. Frames are written byte by byte (raw-client.mjs), since vscode-jsonrpc cannot
// send a broken one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { EXAMPLES, implementedMethods, positionOf, uriOf } from './lsp-harness.mjs';
import { ErrorCodes, frame, startRawServer } from './raw-client.mjs';

const ParseError = -32700;

const DOC_FILE = path.join(EXAMPLES, 'vnet-injection.cachespec.yaml');
const DOC_TEXT = readFileSync(DOC_FILE, 'utf8');
const DOC_URI = uriOf(DOC_FILE);
const HOVER_AT = positionOf(DOC_TEXT, 'vnetInjection', 2);
const TIER_AT = positionOf(DOC_TEXT, 'tier: ', 6);

const METHODS = implementedMethods();
const REQUESTS = METHODS.filter((m) => m.kind === 'request' && m.method !== 'initialize').map((m) => m.method).concat('shutdown');
const NOTIFICATIONS = METHODS.filter((m) => m.kind === 'notification' && m.method !== 'initialized').map((m) => m.method);

/** Params that are valid for each request method, on the example document; the wrong shapes are mutations of these. */
function validParams(method, position = HOVER_AT) {
  const textDocument = { uri: DOC_URI };
  const range = { start: position, end: position };
  switch (method) {
    case 'shutdown': return undefined;
    case 'workspace/symbol': return { query: 'kestrel' };
    case 'textDocument/rename': return { textDocument, position, newName: 'renamed' };
    case 'textDocument/references': return { textDocument, position, context: { includeDeclaration: true } };
    case 'textDocument/codeAction': return { textDocument, range, context: { diagnostics: [] } };
    case 'textDocument/inlayHint': return { textDocument, range: { start: { line: 0, character: 0 }, end: position } };
    case 'textDocument/diagnostic':
    case 'textDocument/documentSymbol':
    case 'textDocument/foldingRange': return { textDocument };
    default: return { textDocument, position };
  }
}

const started = [];
after(() => started.forEach((server) => server.kill()));

/** A server with the example document open. */
async function start(options) {
  const server = await startRawServer(options);
  started.push(server);
  if (options?.initialize !== false) {
    server.notify('textDocument/didOpen', { textDocument: { uri: DOC_URI, languageId: 'cachespec', version: 1, text: DOC_TEXT } });
  }
  return server;
}

/** The server is alive, its output is well framed, and it answers hover, completion and document symbols correctly. */
async function assertServes(server) {
  const hover = await server.request('textDocument/hover', { textDocument: { uri: DOC_URI }, position: HOVER_AT });
  assert.match(hover.result?.contents?.value ?? '', /isolation\.vnetInjection/, `hover: ${JSON.stringify(hover)}`);
  const completion = await server.request('textDocument/completion', { textDocument: { uri: DOC_URI }, position: TIER_AT });
  assert.ok(completion.result?.items?.some((item) => item.label === 'Premium'), `completion: ${JSON.stringify(completion).slice(0, 300)}`);
  const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: DOC_URI } });
  assert.ok(symbols.result?.some((symbol) => symbol.name === 'kestrel-shipments'), `symbols: ${JSON.stringify(symbols).slice(0, 300)}`);
  assert.deepEqual(server.violations, [], 'the server wrote something other than Content-Length frames of JSON objects');
  assert.ok(server.alive(), 'the server process ended');
  assert.doesNotMatch(server.stderr, /Unhandled exception/);
}

async function assertStops(server) {
  assert.equal(await server.stop(), 0, `shutdown and exit must end the process with code 0; stderr: ${server.stderr.slice(-2000)}`);
}

/** The error of a response, checked for a code (and an id when one is given). */
function assertError(response, code, what) {
  assert.ok(response.error, `${what}: expected error ${code}, got ${JSON.stringify(response).slice(0, 300)}`);
  assert.equal(response.error.code, code, `${what}: ${JSON.stringify(response.error)}`);
  assert.equal(typeof response.error.message, 'string');
}

/** Mutations of valid params that no method accepts: no params, scalars, arrays, and each member given a wrong type or left out. */
function wrongShapes(valid) {
  const optional = new Set(['context']);
  const shapes = [undefined, null, 42, 'text', true, [1, 2], [], {}];
  for (const key of Object.keys(valid)) {
    shapes.push({ ...valid, [key]: 5 }, { ...valid, [key]: true }, { ...valid, [key]: [] });
    if (!optional.has(key)) {
      const { [key]: _, ...rest } = valid;
      shapes.push(rest);
    }
  }
  if (valid.textDocument) {
    shapes.push({ ...valid, textDocument: {} }, { ...valid, textDocument: { uri: 42 } });
  }
  if (valid.position) {
    shapes.push({ ...valid, position: { line: '0', character: 0 } }, { ...valid, position: { line: 0 } }, { ...valid, position: { line: 0, character: null } });
  }
  if (valid.range) {
    shapes.push({ ...valid, range: { start: valid.range.start } }, { ...valid, range: { start: 0, end: 0 } });
  }
  if (valid.context?.diagnostics) {
    // Items of an array are not checked by the serializer's nullability rules: [null] once reached the handler as a null.
    shapes.push({ ...valid, context: { diagnostics: [null] } }, { ...valid, context: { diagnostics: [], only: [null] } }, { ...valid, context: { only: ['quickfix', 5] } });
  }
  return shapes;
}

const hoverMessage = (id) => ({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri: DOC_URI }, position: HOVER_AT } });

/** Sends raw bytes that must draw exactly one error with id null, then a normal frame that must be answered. */
async function assertOneUnattributedError(server, bytes, code, what) {
  const before = server.unattributed.length;
  server.write(bytes);
  const next = server.nextId++;
  server.send(hoverMessage(next));
  const answer = await server.response(next);
  assert.ok(answer.result, `${what}: the frame after it must be answered: ${JSON.stringify(answer)}`);
  assert.equal(server.unattributed.length, before + 1, `${what}: expected one error with id null, got ${JSON.stringify(server.unattributed.slice(before))}`);
  const error = server.unattributed[before];
  assert.equal(error.id, null);
  assertError(error, code, what);
  return error;
}

describe('broken frames: -32700 with id null, and reading resumes at the next frame', () => {
  test('a Content-Length shorter than the body', async () => {
    const server = await start();
    const body = JSON.stringify(hoverMessage(101));
    await assertOneUnattributedError(server, `Content-Length: ${body.length - 10}\r\n\r\n${body}`, ParseError, 'too short');
    assert.ok(!server.responses.has('101'), 'the truncated request must not be answered as if it were whole');
    await assertServes(server);
    await assertStops(server);
  });

  test('a Content-Length longer than the body, followed by more frames', async () => {
    const server = await start();
    for (const extra of [40, 400]) {
      const body = JSON.stringify(hoverMessage(100 + extra));
      const following = [1, 2, 3].map((n) => extra + n + 100);
      server.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length + extra}\r\n\r\n${body}`), ...following.map((id) => frame(hoverMessage(id)))]));
      for (const id of following) {
        assert.ok((await server.response(id)).result, `frame ${id}, after a body ${extra} bytes too long, must be answered`);
      }
      assert.ok(!server.responses.has(String(100 + extra)));
    }
    assert.equal(server.unattributed.length, 2, JSON.stringify(server.unattributed));
    for (const error of server.unattributed) {
      assertError(error, ParseError, 'too long');
    }
    await assertServes(server);
    await assertStops(server);
  });

  test('no Content-Length header', async () => {
    const server = await start();
    const body = JSON.stringify(hoverMessage(102));
    await assertOneUnattributedError(server, `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`, ParseError, 'no Content-Length');
    assert.ok(!server.responses.has('102'), 'a body without a length is not a message');
    await assertServes(server);
    await assertStops(server);
  });

  test('a Content-Length that is not a byte count', async () => {
    const server = await start();
    const body = JSON.stringify(hoverMessage(103));
    for (const value of ['twelve', '12abc', '-5', '', '1e3', '0x10', '3.5']) {
      const error = await assertOneUnattributedError(server, `Content-Length: ${value}\r\n\r\n${body}`, ParseError, `Content-Length '${value}'`);
      assert.match(error.error.message, /Content-Length/);
    }
    assert.ok(!server.responses.has('103'));
    await assertServes(server);
    await assertStops(server);
  });

  test('header lines that are not headers: no colon, bare line feeds', async () => {
    const server = await start();
    const body = JSON.stringify(hoverMessage(104));
    await assertOneUnattributedError(server, `this is not a header\r\n\r\n${body}`, ParseError, 'no colon');
    await assertOneUnattributedError(server, `Content-Length: ${body.length}\n\n${body}`, ParseError, 'bare line feeds');
    await assertServes(server);
    await assertStops(server);
  });

  test('a huge Content-Length (2^31) is refused without allocating it, and the bytes after it are skipped, not kept', async (t) => {
    const server = await start();
    await assertServes(server);
    const before = server.memory();
    // 2^31 does not fit an int; 2^31 - 1 does, and is still far above the 32 MiB limit; then 64 MiB of body follow, which the server
    // must discard as it reads them rather than buffer.
    for (const declared of ['2147483648', '2147483647', '99999999999999999999']) {
      const error = await assertOneUnattributedError(server, `Content-Length: ${declared}\r\n\r\n`, ParseError, `Content-Length ${declared}`);
      assert.match(error.error.message, /limit|byte count/);
    }
    server.write(`Content-Length: 2147483647\r\n\r\n{"jsonrpc":"2.0","id":105,"method":"textDocument/hover","params":{"pad":"`);
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    for (let i = 0; i < 64; i++) {
      if (!server.proc.stdin.write(chunk)) {
        await new Promise((resolve) => server.proc.stdin.once('drain', resolve));
      }
    }
    server.write('"}}');
    await assertServes(server);
    const afterwards = server.memory();
    const growthMb = (afterwards.hwmKb - before.hwmKb) / 1024;
    t.diagnostic(`VmHWM ${(before.hwmKb / 1024).toFixed(1)} MB before, ${(afterwards.hwmKb / 1024).toFixed(1)} MB after 64 MiB of skipped body`);
    // The skipped 64 MiB must not have been held: allow the runtime's own growth, far less than the bytes sent.
    assert.ok(growthMb < 24, `peak memory grew by ${growthMb.toFixed(1)} MB while skipping`);
    assert.ok(!server.responses.has('105'));
    await assertStops(server);
  });

  test('an empty body, and a body that is not UTF-8', async () => {
    const server = await start();
    await assertOneUnattributedError(server, 'Content-Length: 0\r\n\r\n', ParseError, 'empty body');
    const invalid = Buffer.concat([Buffer.from('{"jsonrpc":"2.0","id":106,"method":"textDocument/hover","params":{"textDocument":{"uri":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}}}')]);
    await assertOneUnattributedError(server, frame(invalid), ParseError, 'invalid UTF-8');
    assert.ok(!server.responses.has('106'));
    await assertServes(server);
    await assertStops(server);
  });

  test('the input ending inside a frame ends the server with code 1, without a crash', async () => {
    const server = await start();
    await assertServes(server);
    server.proc.stdin.end('Content-Length: 500\r\n\r\n{"jsonrpc":"2.0","id":107,');
    const { code, signal } = await server.exited;
    assert.equal(signal, null);
    assert.equal(code, 1, 'the connection ended without exit: code 1, as the specification says');
    assert.doesNotMatch(server.stderr, /Unhandled exception|at System\./);
  });
});

describe('JSON that is not a request: -32700 or -32600, as JSON-RPC 2.0 says', () => {
  test('malformed JSON gets Parse error with id null', async () => {
    const server = await start();
    for (const text of ['{"jsonrpc": "2.0", "id": 201, "method": "textDocument/hover", ', '{"jsonrpc":"2.0","id":201,}', '{foo}', 'nul', '{"jsonrpc":"2.0","id":201,"method":"shutdown"} trailing',
      '{"jsonrpc":"2.0","id":201,"method":"shutdown"}{"jsonrpc":"2.0","id":202,"method":"shutdown"}']) {
      await assertOneUnattributedError(server, frame(text), ParseError, `body ${text}`);
    }
    assert.ok(!server.responses.has('201') && !server.responses.has('202'), 'a request inside a body that is not JSON must not run (here: shutdown)');
    await assertServes(server);
    await assertStops(server);
  });

  test('JSON that is not an object, or an object that is not a request, gets Invalid Request', async () => {
    const server = await start();
    for (const text of ['"hello"', '42', 'null', 'true', '{}', '{"jsonrpc":"2.0","method":7}', '{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover"}',
      '{"jsonrpc":"2.0","id":[1],"method":"textDocument/hover"}', '{"jsonrpc":"2.0","id":true,"method":"textDocument/hover"}']) {
      await assertOneUnattributedError(server, frame(text), ErrorCodes.InvalidRequest, `body ${text}`);
    }
    await assertServes(server);
    await assertStops(server);
  });

  test('an id of a valid type is echoed in the Invalid Request error', async () => {
    const server = await start();
    server.write(frame('{"jsonrpc":"2.0","id":204}'));
    assertError(await server.response(204), ErrorCodes.InvalidRequest, 'no method');
    server.write(frame('{"jsonrpc":"2.0","id":"two-oh-five","method":42}'));
    assertError(await server.response('two-oh-five'), ErrorCodes.InvalidRequest, 'numeric method');
    server.write(frame(JSON.stringify({ id: 206, method: 'textDocument/hover', params: validParams('textDocument/hover') })));
    assertError(await server.response(206), ErrorCodes.InvalidRequest, 'no jsonrpc member');
    server.write(frame(JSON.stringify({ jsonrpc: '1.0', id: 207, method: 'textDocument/hover', params: validParams('textDocument/hover') })));
    assertError(await server.response(207), ErrorCodes.InvalidRequest, 'jsonrpc 1.0');
    // StreamJsonRpc reads at most 64 levels; deeper params are refused with the id instead of ending the connection.
    server.write(frame(`{"jsonrpc":"2.0","id":208,"method":"textDocument/hover","params":{"deep":${'['.repeat(200)}${']'.repeat(200)}}}`));
    assertError(await server.response(208), ErrorCodes.InvalidRequest, 'nesting deeper than 64');
    // A string id works like a number.
    const byString = await server.request('textDocument/hover', validParams('textDocument/hover'), 'string-id');
    assert.match(byString.result.contents.value, /vnetInjection/);
    assert.equal(server.unattributed.length, 0, JSON.stringify(server.unattributed));
    await assertServes(server);
    await assertStops(server);
  });

  test('a batch gets one array of Invalid Request errors, one per member that expected an answer; its members do not run', async () => {
    const server = await start();
    const other = 'file:///tmp/batch-member.cachespec.yaml';
    const batch = [
      hoverMessage(301),
      { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: other, languageId: 'cachespec', version: 1, text: 'caches:\n  - name: batch-cache\n' } } },
      { jsonrpc: '2.0', id: 'three-oh-two', method: 'shutdown' },
      5,
      { foo: 1 },
    ];
    server.write(frame(JSON.stringify(batch)));
    await server.waitUntil(() => server.batches.length === 1, 'the batch response');
    const answer = server.batches[0];
    assert.deepEqual(answer.map((response) => response.id), [301, 'three-oh-two', null, null]);
    for (const response of answer) {
      assertError(response, ErrorCodes.InvalidRequest, 'batch member');
    }
    const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: other } });
    assert.deepEqual(symbols.result, [], 'the didOpen inside the batch must not have run');
    // An empty array is one invalid request.
    await assertOneUnattributedError(server, frame('[]'), ErrorCodes.InvalidRequest, 'empty batch');
    // A batch of notifications only gets no answer at all.
    server.write(frame(JSON.stringify([{ jsonrpc: '2.0', method: 'initialized', params: {} }])));
    await assertServes(server);
    assert.equal(server.batches.length, 1);
    await assertStops(server); // shutdown in the batch did not run: this one gets its answer
  });

  test('a request whose id is still in use gets Invalid Request, and the connection stays', async () => {
    const server = await start();
    // Both frames in one write: the second is read while the first is still being answered.
    const hover = (id) => frame({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: validParams('textDocument/hover') });
    server.write(Buffer.concat([hover(777), hover(777), hover('778'), hover('778')]));
    await server.waitUntil(() => server.answered.filter((message) => message.id === 777 || message.id === '778').length === 4,
      'two answers to each id');
    for (const id of [777, '778']) {
      const answers = server.answered.filter((message) => message.id === id);
      assert.equal(answers.filter((message) => message.result).length, 1, JSON.stringify(answers));
      assertError(answers.find((message) => message.error), ErrorCodes.InvalidRequest, `the second request with id ${id}`);
    }
    // Two answers under one id are what the client asked for here; the raw client notes them as such. The two hovers
    // run concurrently, so either may be answered first.
    assert.deepEqual([...server.violations].sort(), ['a second response to id "778"', 'a second response to id 777']);
    server.violations.length = 0;
    await assertServes(server);
    await assertStops(server);
  });

  test('responses to requests the server never sent are dropped', async () => {
    const server = await start();
    server.send({ jsonrpc: '2.0', id: 424242, result: { anything: true } });
    server.send({ jsonrpc: '2.0', id: 'no-such', error: { code: -1, message: 'no' } });
    server.send({ jsonrpc: '2.0', id: 424243, error: {} });
    server.send({ jsonrpc: '2.0', id: null, result: null });
    await assertServes(server);
    assert.equal(server.unattributed.length, 0, 'a response is never answered');
    await assertStops(server);
  });
});

describe('methods', () => {
  test('an unknown request gets -32601; an unknown notification is ignored; "$/" notifications are ignored, "$/" requests get -32601', async () => {
    const server = await start();
    assertError(await server.request('cachespec/noSuchMethod', { anything: true }), ErrorCodes.MethodNotFound, 'unknown request');
    assertError(await server.request('textDocument/semanticTokens/full', { textDocument: { uri: DOC_URI } }), ErrorCodes.MethodNotFound, 'unimplemented LSP request');
    assertError(await server.request('$/noSuchRequest', {}), ErrorCodes.MethodNotFound, '$/ request');
    assertError(await server.request('$/setTrace', { value: 'off' }), ErrorCodes.MethodNotFound, '$/setTrace as a request');
    assertError(await server.request('$/cancelRequest', { id: 1 }), ErrorCodes.MethodNotFound, '$/cancelRequest as a request');
    assertError(await server.request('$/progress', { token: 1, value: {} }), ErrorCodes.MethodNotFound, '$/progress as a request');
    for (const method of ['cachespec/noSuchNotification', '$/noSuchNotification', '$/setTrace', '$/logTrace', '$/progress']) {
      server.notify(method, { value: 'off', token: 'x', message: 'hi' });
    }
    server.notify('$/cancelRequest', { id: 987654 });
    server.notify('$/cancelRequest', 5);
    server.notify('$/cancelRequest', { id: { nested: true } });
    await assertServes(server);
    assert.equal(server.unattributed.length, 0, `notifications get no answer: ${JSON.stringify(server.unattributed)}`);
    await assertStops(server);
  });

  test('params of the wrong shape get -32602 for every request the server implements', async () => {
    const server = await start();
    const methods = REQUESTS.filter((method) => method !== 'shutdown');
    assert.ok(methods.length >= 13, `found only ${methods.length} request methods in HandlerList.cs`);
    for (const method of methods) {
      for (const params of wrongShapes(validParams(method))) {
        assertError(await server.request(method, params), ErrorCodes.InvalidParams, `${method} with params ${JSON.stringify(params)}`);
      }
      const answer = await server.request(method, validParams(method));
      assert.ok(!answer.error || answer.error.code === -32803, `${method} with valid params: ${JSON.stringify(answer.error)}`);
    }
    assertError(await server.request('shutdown', 42), ErrorCodes.InvalidParams, 'shutdown with scalar params');
    await assertServes(server);
    await assertStops(server);
  });

  test('a notification with params of the wrong shape is dropped; sent as a request it is refused, whatever its params', async () => {
    const server = await start();
    assert.ok(NOTIFICATIONS.includes('textDocument/didChange') && NOTIFICATIONS.includes('textDocument/didOpen'));
    const common = [undefined, null, 42, 'text', [1, 2], [], {}, { textDocument: 5 }, { textDocument: {} }, { textDocument: { uri: 42 } }, { changes: 5 }];
    const specific = {
      'textDocument/didOpen': [{ textDocument: { uri: DOC_URI, languageId: 'cachespec', version: 9, text: 5 } }, { textDocument: { uri: DOC_URI, version: 9, text: 'x: 1' } }],
      'textDocument/didChange': [
        { textDocument: { uri: DOC_URI, version: 'two' }, contentChanges: [{ text: 'x: 1' }] },
        { textDocument: { uri: DOC_URI, version: 9 }, contentChanges: 'all' },
        { textDocument: { uri: DOC_URI, version: 9 }, contentChanges: [{ text: 5 }] },
        { textDocument: { uri: DOC_URI, version: 9 }, contentChanges: [null] },
        { textDocument: { uri: DOC_URI, version: 9 }, contentChanges: [{ text: 'x: 1' }, null] },
        { textDocument: { uri: DOC_URI, version: 9 }, contentChanges: [{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, text: 'x: 1' }] },
      ],
      'workspace/didChangeWatchedFiles': [{ changes: [{ uri: DOC_URI }] }, { changes: [{ uri: 5, type: 1 }] }, { changes: [null] }],
    };
    for (const method of NOTIFICATIONS) {
      for (const params of [...common, ...(specific[method] ?? [])]) {
        server.notify(method, params);
      }
    }
    await assertServes(server); // the document is unchanged: hover, completion and symbols still read the example
    for (const method of NOTIFICATIONS) {
      assertError(await server.request(method, {}), ErrorCodes.InvalidRequest, `${method} as a request with {}`);
      assertError(await server.request(method, 42), ErrorCodes.InvalidRequest, `${method} as a request with 42`);
      for (const params of specific[method] ?? []) {
        assertError(await server.request(method, params), ErrorCodes.InvalidRequest, `${method} as a request with ${JSON.stringify(params)}`);
      }
    }
    // Valid params change nothing either: the example stays open as it was (assertServes below reads it).
    const replacing = { textDocument: { uri: DOC_URI, languageId: 'cachespec', version: 99, text: 'apiVersion: cachespec/v1\n' } };
    assertError(await server.request('textDocument/didOpen', replacing), ErrorCodes.InvalidRequest, 'didOpen as a request with valid params');
    assert.equal(server.unattributed.length, 0, JSON.stringify(server.unattributed));
    await assertServes(server);
    await assertStops(server);
  });
});

describe('positions', () => {
  const far = [{ line: 1_000_000, character: 1_000_000 }, { line: 0, character: 1_000_000 }, { line: 1_000_000, character: 0 }, { line: 2_147_483_647, character: 2_147_483_647 }];
  const positional = REQUESTS.filter((method) => validParams(method) && ('position' in validParams(method) || 'range' in validParams(method)));

  test('positions past the end of a line or of the document clamp: every position request answers without error', async () => {
    const server = await start();
    assert.ok(positional.length >= 8, positional.join(', '));
    for (const method of positional) {
      for (const position of far) {
        const answer = await server.request(method, validParams(method, position));
        // Rename may refuse with RequestFailed (-32803) when there is nothing to rename at the end; nothing else may fail.
        assert.ok(!answer.error || (answer.error.code === -32803 && /rename/i.test(method)), `${method} at ${JSON.stringify(position)}: ${JSON.stringify(answer.error)}`);
      }
    }
    const completion = await server.request('textDocument/completion', validParams('textDocument/completion', far[0]));
    assert.ok(Array.isArray(completion.result.items));
    // The largest uinteger clamps to the line's end like any other overlong character (no overflow to the line's start).
    for (const line of [TIER_AT.line, HOVER_AT.line]) {
      for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/documentHighlight']) {
        const near = await server.request(method, validParams(method, { line, character: 1_000_000 }));
        const farthest = await server.request(method, validParams(method, { line, character: 2_147_483_647 }));
        assert.deepEqual(farthest, { ...near, id: farthest.id }, `${method} on line ${line}`);
      }
    }
    await assertServes(server);
    await assertStops(server);
  });

  test('negative positions, and numbers beyond uinteger, get -32602', async () => {
    const server = await start();
    const invalid = [{ line: -1, character: 0 }, { line: 0, character: -1 }, { line: -1_000_000, character: -1_000_000 }, { line: 2_147_483_648, character: 0 }, { line: 1.5, character: 0 }];
    for (const method of positional) {
      for (const position of invalid) {
        assertError(await server.request(method, validParams(method, position)), ErrorCodes.InvalidParams, `${method} at ${JSON.stringify(position)}`);
      }
    }
    await assertServes(server);
    await assertStops(server);
  });

  test('an edit past the end of the document applies at the end', async () => {
    const server = await start();
    const lines = DOC_TEXT.split('\n').length;
    server.notify('textDocument/didChange', {
      textDocument: { uri: DOC_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 1_000_000, character: 5 }, end: { line: 2_000_000, character: 0 } }, text: '\nbogusTopLevelKey: 1\n' }],
    });
    const pulled = await server.request('textDocument/diagnostic', { textDocument: { uri: DOC_URI } });
    const unknown = pulled.result.items.filter((d) => d.code === 'unknown-key');
    assert.equal(unknown.length, 1, JSON.stringify(pulled.result.items));
    assert.equal(unknown[0].range.start.line, lines, 'the appended key is on the line after the last one');
    await assertStops(server);
  });
});

describe('edits that must be ignored', () => {
  test('changes, saves and closes of a document never opened are ignored', async () => {
    const server = await start();
    const ghost = 'file:///tmp/never-opened.cachespec.yaml';
    server.notify('textDocument/didChange', { textDocument: { uri: ghost, version: 7 }, contentChanges: [{ text: 'caches:\n  - name: ghost-cache\n' }] });
    server.notify('textDocument/didChange', { textDocument: { uri: ghost, version: 8 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
    server.notify('textDocument/didSave', { textDocument: { uri: ghost } });
    server.notify('textDocument/didClose', { textDocument: { uri: ghost } });
    const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: ghost } });
    assert.deepEqual(symbols.result, []);
    const hover = await server.request('textDocument/hover', { textDocument: { uri: ghost }, position: { line: 1, character: 12 } });
    assert.equal(hover.result, null);
    const found = await server.request('workspace/symbol', { query: 'ghost' });
    assert.deepEqual(found.result, []);
    assert.ok(!server.notifications.some((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === ghost), 'no diagnostics for a document never opened');
    await assertServes(server);
    await assertStops(server);
  });

  test('a didChange with a version not newer than the server\'s is ignored', async () => {
    const server = await start();
    const uri = 'file:///tmp/versions.cachespec.yaml';
    const text = (name) => `apiVersion: cachespec/v1\nkind: CacheIsolationSpec\nmetadata:\n  name: versions\ncaches:\n  - name: ${name}\n    tier: Basic\n    size: C0\n`;
    const names = async () => (await server.request('textDocument/documentSymbol', { textDocument: { uri } })).result.flatMap(function flat(s) { return [s.name, ...(s.children ?? []).flatMap(flat)]; });
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cachespec', version: 5, text: text('alpha-cache') } });
    assert.ok((await names()).includes('alpha-cache'));
    const before = await server.request('textDocument/diagnostic', { textDocument: { uri } });
    for (const version of [5, 4, -1, 0]) {
      server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: text('stale-cache') }] });
    }
    const after = await names();
    assert.ok(after.includes('alpha-cache') && !after.includes('stale-cache'), `stale changes were applied: ${after}`);
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 12 } });
    assert.doesNotMatch(JSON.stringify(hover.result), /stale-cache/);
    const pulled = await server.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(pulled.result.items, before.result.items);
    server.notify('textDocument/didChange', { textDocument: { uri, version: 6 }, contentChanges: [{ text: text('beta-cache') }] });
    assert.ok((await names()).includes('beta-cache'), 'a newer version is applied');
    await assertServes(server);
    await assertStops(server);
  });
});

describe('load', () => {
  test('10,000 requests sent without waiting are all answered, with memory bounded', async (t) => {
    const server = await start();
    await assertServes(server);
    const before = server.memory();
    const count = 10_000;
    const first = server.nextId;
    const methods = ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/documentHighlight', 'textDocument/definition'];
    const frames = [];
    for (let i = 0; i < count; i++) {
      const method = methods[i % methods.length];
      frames.push(frame({ jsonrpc: '2.0', id: first + i, method, params: validParams(method, i % 2 ? HOVER_AT : TIER_AT) }));
    }
    server.nextId += count;
    const baseline = server.responses.size;
    const started = Date.now();
    server.write(Buffer.concat(frames));
    await server.waitUntil(() => server.responses.size >= baseline + count, `${count} responses`, 120_000);
    const seconds = (Date.now() - started) / 1000;
    for (let i = 0; i < count; i++) {
      const response = server.responses.get(String(first + i));
      assert.ok(response && !response.error, `request ${first + i}: ${JSON.stringify(response)?.slice(0, 200)}`);
    }
    const afterwards = server.memory();
    t.diagnostic(`${count} requests answered in ${seconds.toFixed(1)} s; VmHWM ${(before.hwmKb / 1024).toFixed(0)} MB before, ${(afterwards.hwmKb / 1024).toFixed(0)} MB after`);
    // About 60 MB after start-up; 10,000 queued requests (2.5 MB of frames) and their answers must not cost more than a few times that.
    assert.ok(afterwards.hwmKb < 250 * 1024, `peak memory ${(afterwards.hwmKb / 1024).toFixed(0)} MB`);
    assert.deepEqual(server.violations, []);
    await assertServes(server);
    await assertStops(server);
  });

  test('a client that never reads its answers stops the server reading, without its memory growing', async (t) => {
    const server = await start();
    await assertServes(server);
    const before = server.memory();
    server.proc.stdout.pause();
    const count = 20_000;
    const first = server.nextId;
    const frames = [];
    for (let i = 0; i < count; i++) {
      frames.push(frame({ jsonrpc: '2.0', id: first + i, method: 'textDocument/documentSymbol', params: validParams('textDocument/documentSymbol') }));
    }
    server.nextId += count;
    const baseline = server.responses.size;
    server.write(Buffer.concat(frames));
    // Long enough to handle every request had it read them all.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const stalled = server.memory();
    t.diagnostic(`VmHWM ${(before.hwmKb / 1024).toFixed(0)} MB before, ${(stalled.hwmKb / 1024).toFixed(0)} MB with ${count} unread answers due`);
    assert.ok(stalled.hwmKb - before.hwmKb < 40 * 1024, `memory grew by ${((stalled.hwmKb - before.hwmKb) / 1024).toFixed(0)} MB`);
    server.proc.stdout.resume();
    await server.waitUntil(() => server.responses.size >= baseline + count, `${count} responses`, 120_000);
    assert.deepEqual(server.violations, []);
    await assertServes(server);
    await assertStops(server);
  });

  test('every request of a cancelled burst gets its result or RequestCancelled (-32800), never nothing', async (t) => {
    const server = await start();
    const methods = ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/diagnostic', 'textDocument/codeAction', 'textDocument/inlayHint', 'textDocument/references'];
    const ids = [];
    const bytes = [];
    // First half: each request is cancelled right behind it; second half: all requests, then all cancellations.
    const count = 2_000;
    for (let i = 0; i < count; i++) {
      const id = server.nextId++;
      ids.push(id);
      const method = methods[i % methods.length];
      bytes.push(frame({ jsonrpc: '2.0', id, method, params: validParams(method) }));
      if (i < count / 2) {
        bytes.push(frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } }));
      }
    }
    for (const id of ids.slice(count / 2)) {
      bytes.push(frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } }));
    }
    const baseline = server.responses.size;
    server.write(Buffer.concat(bytes));
    await server.waitUntil(() => server.responses.size >= baseline + count, `answers to all ${count} cancelled requests`, 60_000);
    let cancelled = 0;
    for (const id of ids) {
      const response = server.responses.get(String(id));
      if (response.error) {
        assertError(response, ErrorCodes.RequestCancelled, `request ${id}`);
        cancelled++;
      }
    }
    t.diagnostic(`${cancelled} of ${count} cancelled, ${count - cancelled} answered before their cancellation arrived`);
    await assertServes(server);
    await assertStops(server);
  });
});

describe('lifecycle', () => {
  test('before initialize: every request gets -32002, known or not; notifications are dropped; initialize with bad params gets -32602', async () => {
    const server = await start({ initialize: false });
    for (const method of [...REQUESTS, 'cachespec/noSuchMethod', '$/noSuchRequest']) {
      assertError(await server.request(method, validParams(method)), ErrorCodes.ServerNotInitialized, `${method} before initialize`);
    }
    for (const method of NOTIFICATIONS) {
      assertError(await server.request(method, {}), ErrorCodes.ServerNotInitialized, `${method} as a request before initialize`);
    }
    server.notify('textDocument/didOpen', { textDocument: { uri: DOC_URI, languageId: 'cachespec', version: 1, text: DOC_TEXT } });
    server.notify('initialized', {});
    for (const params of [42, { processId: 'me' }, { rootUri: 5 }, { workspaceFolders: 'all' }, { workspaceFolders: [null] }]) {
      assertError(await server.request('initialize', params), ErrorCodes.InvalidParams, `initialize with ${JSON.stringify(params)}`);
    }
    const initialized = await server.request('initialize', { processId: process.pid, capabilities: {}, initializationOptions: { diagnosticsDelayMs: 0 } });
    assert.equal(initialized.result.serverInfo.name, 'cachespec');
    server.notify('initialized', {});
    const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: DOC_URI } });
    assert.deepEqual(symbols.result, [], 'a didOpen before initialize must have been dropped');
    assertError(await server.request('initialize', { capabilities: {} }), ErrorCodes.InvalidRequest, 'a second initialize');
    server.notify('textDocument/didOpen', { textDocument: { uri: DOC_URI, languageId: 'cachespec', version: 1, text: DOC_TEXT } });
    await assertServes(server);
    await assertStops(server);
  });

  test('a client that refuses or ignores window/workDoneProgress/create still gets its workspace loaded', async () => {
    for (const answer of [{ error: { code: -32603, message: 'no progress here' } }, null]) {
      const server = await start({
        rootUri: uriOf(EXAMPLES),
        capabilities: { window: { workDoneProgress: true } },
        answerServerRequest: (request) => (request.method === 'window/workDoneProgress/create' ? answer : { result: null }),
      });
      await server.waitUntil(() => server.notifications.some((n) => n.method === 'window/logMessage' && /Loaded \d+ spec file/.test(n.params.message)), 'the workspace load', 15_000);
      // A closed file of the workspace: only the load can have brought it in.
      const found = await server.request('workspace/symbol', { query: 'payments-api' });
      assert.ok(found.result.some((symbol) => symbol.location.uri.endsWith('workspace/network.cachespec.yaml')), `workspace symbols: ${JSON.stringify(found.result).slice(0, 200)}`);
      assert.ok(server.serverRequests.includes('window/workDoneProgress/create'));
      await assertServes(server);
      await assertStops(server);
    }
  });

  test('after shutdown: every request gets -32600, known or not, shutdown included; exit then ends the process with 0', async () => {
    const server = await start();
    await assertServes(server);
    assert.equal((await server.request('shutdown')).result, null);
    for (const method of [...REQUESTS, 'initialize', 'cachespec/noSuchMethod', '$/noSuchRequest']) {
      assertError(await server.request(method, validParams(method)), ErrorCodes.InvalidRequest, `${method} after shutdown`);
    }
    server.notify('textDocument/didChange', { textDocument: { uri: DOC_URI, version: 9 }, contentChanges: [{ text: 'garbage' }] });
    assert.ok(server.alive());
    server.notify('exit');
    const { code } = await server.exited;
    assert.equal(code, 0);
    assert.doesNotMatch(server.stderr, /Unhandled exception/);
  });
});
