// A client that writes raw bytes to the real server's stdin and parses its stdout frame by frame, for the tests that must send what
// vscode-jsonrpc cannot: broken headers, wrong lengths, invalid JSON, batches. It checks the server's own output strictly: every frame
// must be "Content-Length: N\r\n\r\n" plus N bytes of one JSON object. Not a test file (its name does not match *.test.mjs).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ErrorCodes, REPO, SERVER, TIMEOUT_MS, assertServerExists } from './lsp-harness.mjs';

export { ErrorCodes };

/** A frame with a correct Content-Length for a message object, a string or bytes. */
export function frame(message) {
  const body = Buffer.isBuffer(message) ? message : Buffer.from(typeof message === 'string' ? message : JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/** Peak and current resident memory of a process in kB, from /proc (Linux). */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { hwmKb: field('VmHWM'), rssKb: field('VmRSS') };
}

/** Parses "Content-Length" frames out of a byte stream; anything else the server writes is a protocol violation. */
class FrameParser {
  buffer = Buffer.alloc(0);

  constructor(onMessage, onViolation) {
    this.onMessage = onMessage;
    this.onViolation = onViolation;
  }

  push(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) {
        return;
      }
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /^Content-Length: (\d+)$/.exec(header);
      if (!match) {
        this.onViolation(`a frame header that is not "Content-Length: N": ${JSON.stringify(header.slice(0, 200))}`);
        this.buffer = Buffer.alloc(0);
        return;
      }
      const length = Number(match[1]);
      if (this.buffer.length < headerEnd + 4 + length) {
        return;
      }
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      let message;
      try {
        message = JSON.parse(body);
      } catch {
        this.onViolation(`a frame whose body is not JSON: ${body.slice(0, 200)}`);
        continue;
      }
      this.onMessage(message);
    }
  }
}

const isResponse = (message) => message && typeof message === 'object' && !Array.isArray(message) && !('method' in message);

/**
 * Starts `cachespec serve --stdio` and, unless `initialize` is false, sends initialize and initialized. The handle sends raw bytes or
 * messages, matches responses to ids, answers the server's own requests (with `answerServerRequest`: { result } or { error }, or nothing
 * when it returns null), and records everything else it receives.
 */
export async function startRawServer({
  initialize = true,
  rootUri = null,
  initializationOptions = { diagnosticsDelayMs: 0 },
  capabilities = {},
  answerServerRequest = () => ({ result: null }),
} = {}) {
  assertServerExists();
  const proc = spawn(SERVER, ['serve', '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-100_000); });
  proc.stdin.on('error', () => {});
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));

  const server = {
    proc,
    exited,
    get stderr() { return stderr; },
    /** Responses by id (JSON-encoded, so 1 and "1" differ). */
    responses: new Map(),
    /** Every response with an id, in the order it arrived. */
    answered: [],
    /** Responses whose id is null or missing: errors the server could not attribute to a request. */
    unattributed: [],
    /** Batch responses (arrays). */
    batches: [],
    /** The latest notifications from the server (publishDiagnostics, logMessage), up to 5,000. */
    notifications: [],
    /** The methods of the requests the server sent. */
    serverRequests: [],
    violations: [],
    waiters: new Set(),
    nextId: 1,
  };

  const settle = () => {
    for (const waiter of [...server.waiters]) {
      if (waiter.ready()) {
        server.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  };

  const parser = new FrameParser((message) => {
    if (Array.isArray(message)) {
      server.batches.push(message);
    } else if (isResponse(message)) {
      if (message.id === null || message.id === undefined) {
        server.unattributed.push(message);
      } else {
        const key = JSON.stringify(message.id);
        server.answered.push(message);
        if (server.responses.has(key)) {
          server.violations.push(`a second response to id ${key}`);
        }
        server.responses.set(key, message);
      }
    } else if ('id' in message) {
      // A request from the server (work-done progress, capability registration): accepted unless the test answers otherwise.
      server.serverRequests.push(message.method);
      const answer = answerServerRequest(message);
      if (answer) {
        server.write(frame({ jsonrpc: '2.0', id: message.id, ...answer }));
      }
    } else {
      server.notifications.push(message);
      if (server.notifications.length > 5000) {
        server.notifications.splice(0, 1000); // a long fuzz run must not keep every publication
      }
    }
    settle();
  }, (violation) => {
    server.violations.push(violation);
    settle();
  });
  proc.stdout.on('data', (chunk) => parser.push(chunk));

  server.write = (bytes) => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.stdin.write(bytes);
    }
  };

  server.send = (message) => server.write(frame(message));

  /** Resolves when `ready()` holds (checked now and after every message), or fails after the timeout with `what`. */
  server.waitUntil = (ready, what, ms = TIMEOUT_MS) => {
    if (ready()) {
      return Promise.resolve();
    }
    let waiter;
    let timer;
    const promise = new Promise((resolve, reject) => {
      waiter = { ready, resolve };
      server.waiters.add(waiter);
      timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
      exited.then(({ code, signal }) => reject(new Error(`The server exited (code ${code}, signal ${signal}) while the test waited for ${what}`)));
    });
    return promise.finally(() => {
      clearTimeout(timer);
      server.waiters.delete(waiter);
    });
  };

  /** The response to an id, once it arrives. */
  server.response = async (id) => {
    const key = JSON.stringify(id);
    await server.waitUntil(() => server.responses.has(key), `the response to id ${key}`);
    return server.responses.get(key);
  };

  /** Sends a request and resolves with the whole response message ({ id, result } or { id, error }). */
  server.request = (method, params, id = server.nextId++) => {
    server.send(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
    return server.response(id);
  };

  server.notify = (method, params) => server.send(params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params });

  /** Waits for the n-th unattributed error (1-based). */
  server.unattributedError = async (count) => {
    await server.waitUntil(() => server.unattributed.length >= count, `${count} error response(s) with id null`);
    return server.unattributed[count - 1];
  };

  server.memory = () => memoryOf(proc.pid);

  server.alive = () => proc.exitCode === null && proc.signalCode === null;

  /** shutdown + exit; resolves with the exit code. */
  server.stop = async () => {
    if (server.alive()) {
      await server.request('shutdown');
      server.notify('exit');
    }
    let timer;
    const { code } = await Promise.race([
      exited,
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('the server did not exit')), TIMEOUT_MS); }),
    ]).finally(() => clearTimeout(timer));
    return code;
  };

  server.kill = () => {
    if (server.alive()) {
      proc.kill('SIGKILL');
    }
  };

  if (initialize) {
    const response = await server.request('initialize', { processId: process.pid, rootUri, capabilities, initializationOptions });
    if (!response.result) {
      throw new Error(`initialize failed: ${JSON.stringify(response.error)}`);
    }
    server.initializeResult = response.result;
    server.notify('initialized', {});
  }
  return server;
}
