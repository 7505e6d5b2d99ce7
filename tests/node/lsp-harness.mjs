// Shared helpers for the end-to-end tests: start the real `cachespec serve --stdio` process, talk LSP to it with vscode-jsonrpc,
// collect what it pushes (diagnostics, log messages), and run the CLI checker whose JSON output is the expected diagnostics.
// This file is not a test (its name does not match node's *.test.mjs pattern); the *.test.mjs files import it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root (tests/node/ is two levels below it). */
export const REPO = path.resolve(here, '..', '..');

export const EXAMPLES = path.join(REPO, 'examples');

/** The server executable: CACHESPEC_SERVER, else the Release build the lead's test script produces. */
export const SERVER = process.env.CACHESPEC_SERVER
  ?? path.join(REPO, 'server', 'CacheSpec.Server', 'bin', 'Release', 'net10.0', 'cachespec');

/** How long any single wait may take before the test fails (the server is fast; this only catches hangs). */
export const TIMEOUT_MS = Number(process.env.CACHESPEC_TEST_TIMEOUT_MS ?? 15000);

/** LSP error codes the tests look for. */
export const ErrorCodes = {
  ServerNotInitialized: -32002,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InvalidRequest: -32600,
  RequestCancelled: -32800,
};

/** Severity names of the CLI's JSON output as LSP DiagnosticSeverity numbers. */
export const SEVERITY = { error: 1, warning: 2, info: 3, information: 3, hint: 4 };

export function assertServerExists() {
  if (!existsSync(SERVER)) {
    throw new Error(`The server executable ${SERVER} does not exist: build it, or set CACHESPEC_SERVER to a published cachespec binary.`);
  }
}

/** Every method of HandlerList.cs, read from the handler sources, so a new handler is covered without editing this file. */
export function implementedMethods() {
  const folder = path.join(REPO, 'server', 'CacheSpec.Server', 'Lsp', 'Handlers');
  const list = readFileSync(path.join(folder, 'HandlerList.cs'), 'utf8');
  return [...list.matchAll(/new (\w+Handler)\(\)/g)].map(([, name]) => {
    const source = readFileSync(path.join(folder, `${name}.cs`), 'utf8');
    const method = /(?:Handler<[^(]*>\(\s*|LspHandler\()"([^"]+)"/.exec(source)[1];
    const kind = /: RequestHandler</.test(source) ? 'request' : /: NotificationHandler</.test(source) ? 'notification' : 'lifecycle';
    return { method, kind };
  });
}

export const uriOf = (file) => pathToFileURL(path.resolve(file)).href;

/** Every *.cachespec.yaml (or .yml) file under a folder, sorted, as absolute paths. */
export function specFilesUnder(folder) {
  const found = [];
  for (const name of readdirSync(folder).sort()) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) {
      found.push(...specFilesUnder(full));
    } else if (/\.cachespec\.ya?ml$/.test(name)) {
      found.push(full);
    }
  }
  return found;
}

/**
 * Runs `cachespec check <paths> --format json` from the repository root and returns a Map from file URI to diagnostics in LSP
 * shape ({ code, severity, message, range }), in the checker's order.
 */
export function checkWithCli(...paths) {
  const run = spawnSync(SERVER, ['check', ...paths, '--format', 'json'], { cwd: REPO, encoding: 'utf8' });
  if (run.error) {
    throw run.error;
  }
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch (error) {
    throw new Error(`cachespec check printed no JSON (exit ${run.status}): ${run.stdout}\n${run.stderr}`);
  }
  const byUri = new Map();
  for (const file of report.files) {
    byUri.set(uriOf(path.resolve(REPO, file.path)), file.diagnostics.map((d) => ({
      code: d.code,
      severity: SEVERITY[d.severity],
      message: d.message,
      range: d.range,
    })));
  }
  return byUri;
}

/** The comparable part of an LSP diagnostic. */
export const essentials = (d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range });

/** A stable order for comparing diagnostic lists without depending on the order either side emits them in. */
export function sortDiagnostics(list) {
  const key = (d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.code, d.message];
  return [...list].map(essentials).sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i] < kb[i]) return -1;
      if (ka[i] > kb[i]) return 1;
    }
    return 0;
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts the server. With `initialize: true` (the default) it also sends initialize + initialized, with diagnosticsDelayMs 0 unless
 * other initializationOptions are given. Returns a handle with the connection, the process, and helpers.
 */
export async function startServer({
  initialize = true,
  rootUri = null,
  initializationOptions = { diagnosticsDelayMs: 0 },
  capabilities = {},
} = {}) {
  assertServerExists();
  const proc = spawn(SERVER, ['serve', '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  proc.stdin.on('error', () => {}); // writing to a server that already exited must not crash the test process

  const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  connection.onError(() => {});

  const server = {
    proc,
    connection,
    exited,
    get stderr() { return stderr; },
    /** Every publishDiagnostics params, in arrival order. */
    publications: [],
    /** The latest publishDiagnostics params per URI. */
    latest: new Map(),
    logs: [],
    /** Requests the server sent to the client (method names). */
    serverRequests: [],
    waiters: new Set(),
  };

  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    server.publications.push(params);
    server.latest.set(params.uri, params);
    for (const waiter of [...server.waiters]) {
      waiter.check(params);
    }
  });
  connection.onNotification('window/logMessage', (params) => server.logs.push(params));
  connection.onNotification('$/progress', () => {});
  connection.onRequest('window/workDoneProgress/create', () => { server.serverRequests.push('window/workDoneProgress/create'); return null; });
  connection.onRequest('client/registerCapability', () => { server.serverRequests.push('client/registerCapability'); return null; });
  connection.listen();

  /**
   * Resolves with the first publication for `uri` (already received or future) that satisfies `predicate`; checks the latest
   * received one first, so a test that waits after the fact still sees it.
   */
  server.waitForDiagnostics = (uri, predicate = () => true, what = `diagnostics for ${uri}`) => {
    const current = server.latest.get(uri);
    if (current && predicate(current)) {
      return Promise.resolve(current);
    }
    let waiter;
    const promise = new Promise((resolve) => {
      waiter = {
        check(params) {
          if (params.uri === uri && predicate(params)) {
            server.waiters.delete(waiter);
            resolve(params);
          }
        },
      };
      server.waiters.add(waiter);
    });
    return withTimeout(promise, TIMEOUT_MS, what).finally(() => server.waiters.delete(waiter));
  };

  /** Waits for the diagnostics of a given document version. */
  server.waitForVersion = (uri, version) =>
    server.waitForDiagnostics(uri, (params) => params.version === version, `diagnostics for ${uri} version ${version}`);

  server.request = (method, params, token) =>
    withTimeout(token ? connection.sendRequest(method, params, token) : connection.sendRequest(method, params), TIMEOUT_MS, `a response to ${method}`);

  server.notify = (method, params) => connection.sendNotification(method, params);

  server.initialize = async () => {
    const result = await server.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'cachespec-node-e2e' },
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: path.basename(fileURLToPath(rootUri)) }] : null,
      capabilities,
      initializationOptions,
    });
    await server.notify('initialized', {});
    return result;
  };

  server.open = (file, text = readFileSync(file, 'utf8'), version = 1, uri = uriOf(file)) =>
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cachespec', version, text } });

  /** shutdown + exit, then waits for the process; returns the exit code. */
  server.stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      try {
        await server.request('shutdown', null);
        await server.notify('exit');
      } catch {
        // already gone
      }
    }
    const { code } = await withTimeout(exited, TIMEOUT_MS, 'the server process to exit').catch((error) => {
      proc.kill('SIGKILL');
      throw error;
    });
    connection.dispose();
    return code;
  };

  /** Last-resort cleanup for after(): never leaves a server process behind. */
  server.kill = () => {
    connection.dispose();
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGKILL');
    }
  };

  if (initialize) {
    server.initializeResult = await server.initialize();
  }
  return server;
}

/** The LSP Position at the end of a string (UTF-16 code units, LF or CRLF line breaks). */
export function endPosition(text) {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** The LSP Position of an offset into a string. */
export function positionAt(text, offset) {
  return endPosition(text.slice(0, offset));
}

/** The LSP Position of the first occurrence of `needle` (plus `delta` characters), or an error when it is missing. */
export function positionOf(text, needle, delta = 0) {
  const offset = text.indexOf(needle);
  if (offset < 0) {
    throw new Error(`'${needle}' is not in the text`);
  }
  return positionAt(text, offset + delta);
}
