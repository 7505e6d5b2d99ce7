// Starts a cachespec executable as a language server and measures the time from process start to the `initialize` reply
// (median of several fresh processes); the last run also opens a spec and waits for its diagnostics and a hover, so a server that
// starts but cannot answer (a broken Native AOT build, say) fails here and not only in the editor.
// Usage: node tests/editors/vscode/lsp-smoke.mjs <path to cachespec> [runs=5] [spec file]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFrames, writeFrame } from '../../support/lsp-frames.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A minimal LSP connection over a child's stdio: Content-Length framing, requests with ids, a notification callback. */
function connect(child, onNotification) {
  let nextId = 1;
  const pending = new Map();
  readFrames(child.stdout, (message) => {
    if (message.id !== undefined && pending.has(message.id) && message.method === undefined) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      message.error ? reject(new Error(`${message.error.code}: ${message.error.message}`)) : resolve(message.result);
    } else if (message.method !== undefined && message.id !== undefined) {
      send({ jsonrpc: '2.0', id: message.id, result: null }); // server-to-client requests (progress tokens, registrations)
    } else if (message.method !== undefined) {
      onNotification(message);
    }
  });
  const send = (message) => writeFrame(child.stdin, message);
  return {
    request(method, params) {
      const id = nextId++;
      send({ jsonrpc: '2.0', id, method, params });
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    notify(method, params) {
      send({ jsonrpc: '2.0', method, params });
    },
  };
}

function withTimeout(promise, ms, what) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms))]);
}

/** One fresh server: returns milliseconds from spawn to the initialize reply; with `spec`, also checks diagnostics and hover. */
export async function startOnce(executable, { spec, rootFolder = repo } = {}) {
  const notifications = [];
  const waiters = [];
  const started = performance.now();
  const child = spawn(executable, ['serve', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = connect(child, (message) => {
    notifications.push(message);
    for (const waiter of [...waiters]) waiter();
  });
  const waitFor = (predicate, ms, what) =>
    withTimeout(
      new Promise((resolve) => {
        const check = () => {
          const found = notifications.find(predicate);
          if (found) {
            waiters.splice(waiters.indexOf(check), 1);
            resolve(found);
          }
        };
        waiters.push(check);
        check();
      }),
      ms,
      what,
    );
  try {
    const rootUri = pathToFileURL(rootFolder).href;
    const init = await withTimeout(
      connection.request('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'root' }],
        capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } },
        initializationOptions: { guidance: 'current' },
      }),
      10000,
      'initialize',
    );
    const elapsed = performance.now() - started;
    const result = { elapsed, serverInfo: init.serverInfo, capabilities: init.capabilities };
    connection.notify('initialized', {});
    if (spec) {
      const uri = pathToFileURL(spec).href;
      const text = readFileSync(spec, 'utf8');
      connection.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cachespec', version: 1, text } });
      const published = await waitFor(
        (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 1,
        15000,
        'diagnostics for the opened spec',
      );
      result.codes = published.params.diagnostics.map((d) => d.code);
      const line = text.split('\n').findIndex((l) => /^\s*publicNetworkAccess:/.test(l));
      const character = text.split('\n')[line].indexOf('publicNetworkAccess') + 2;
      const hover = await withTimeout(connection.request('textDocument/hover', { textDocument: { uri }, position: { line, character } }), 10000, 'hover');
      result.hover = typeof hover?.contents === 'string' ? hover.contents : hover?.contents?.value ?? '';
    }
    await withTimeout(connection.request('shutdown', null), 5000, 'shutdown');
    connection.notify('exit', null);
    result.exitCode = await withTimeout(exited, 5000, 'exit after shutdown');
    return result;
  } catch (error) {
    child.kill('SIGKILL');
    error.message += stderr ? `\nserver stderr:\n${stderr}` : '';
    throw error;
  }
}

export async function measure(executable, runs = 5, spec) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = await startOnce(executable, { spec: i === runs - 1 ? spec : undefined });
    times.push(last.elapsed);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], times, last };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [executable, runsText = '5', spec = path.join(repo, 'examples/broken/mistakes.cachespec.yaml')] = process.argv.slice(2);
  if (!executable) {
    console.error('usage: node tests/editors/vscode/lsp-smoke.mjs <cachespec executable> [runs] [spec]');
    process.exit(2);
  }
  const { median, times, last } = await measure(path.resolve(executable), Number(runsText), spec);
  console.log(`server: ${last.serverInfo?.name} ${last.serverInfo?.version}`);
  console.log(`process start to initialize reply: median ${median.toFixed(1)} ms over ${times.length} runs (${times.map((t) => t.toFixed(1)).join(', ')})`);
  console.log(`diagnostics on ${path.basename(spec)}: ${last.codes.length} (${[...new Set(last.codes)].join(', ')})`);
  console.log(`hover: ${JSON.stringify(last.hover.slice(0, 120))}`);
  console.log(`exit code after shutdown/exit: ${last.exitCode}`);
  if (last.codes.length === 0 || !last.hover || last.exitCode !== 0) process.exit(1);
}
