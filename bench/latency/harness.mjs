// Latency of a YAML language server over stdio, measured the way an editor sees it: a client (vscode-jsonrpc) sends LSP messages
// and times the replies and the diagnostics the server pushes. The same code drives cachespec and yaml-language-server.
//
// Figures (milliseconds unless noted):
//   start       process start (spawn) to the `initialize` reply                                   fresh process per repetition
//   open        `didOpen` to the first `publishDiagnostics` for that URI                          fresh process per repetition
//   keystroke   a one-character `didChange` at the end of the file to the next `publishDiagnostics` warm process
//   completionValue / completionKey / hover   request to reply on a settled document              warm process
//   completionAfterKeystroke   completion sent right after a keystroke, before its diagnostics    warm process
//   peakRssMb   VmHWM of the server process (/proc/<pid>/status) after all warm loops
//
// Standalone use (run.mjs imports the same functions):
//   node bench/latency/harness.mjs --server cachespec|yaml-language-server|yaml-language-server-no-debounce --file F.cachespec.yaml
//        [--reps 50] [--start-reps 15] [--warmup 100] [--warmup-seconds 15] [--gap 20] [--cachespec PATH] [--json]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '..', '..');
export const SCHEMA = path.join(REPO, 'schemas', 'cachespec.schema.json');
const YLS_BIN = path.join(here, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const YLS_NO_DEBOUNCE = path.join(here, 'yls-no-debounce.cjs');

/** How long one wait may take before the run fails (a hang, not a slow server: the slowest figure here is a few seconds). */
const TIMEOUT_MS = Number(process.env.LATENCY_TIMEOUT_MS ?? 180000);

/** The settings yaml-language-server gets, both pushed (didChangeConfiguration) and pulled (workspace/configuration). */
export function yamlSettings() {
  return {
    validate: true,
    completion: true,
    hover: true,
    schemas: { [pathToFileURL(SCHEMA).href]: '*.cachespec.yaml' },
    // Offline and deterministic: no schema catalogue downloads.
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
  };
}

/** What the client says it supports; the same for both servers. */
const CLIENT_CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: false },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

/**
 * A server to measure. `command`/`args` start it; `languageId` goes into didOpen; `afterInitialized` runs once `initialized` is sent
 * (yaml-language-server gets its settings there); `barrier` is a request whose reply proves the server has handled everything before it.
 */
export function cachespecServer(executable, label = 'cachespec') {
  return {
    name: label,
    command: executable,
    args: ['serve', '--stdio'],
    languageId: 'cachespec',
    // No options: the settings the VS Code extension starts it with (no diagnosticsDelayMs, so no pause before publishing).
    initializationOptions: undefined,
    async afterInitialized() {},
    barrier: (server) => server.request('textDocument/hover', { textDocument: { uri: 'file:///nonexistent.cachespec.yaml' }, position: { line: 0, character: 0 } }),
  };
}

export function yamlLanguageServer({ debounce = true } = {}) {
  return {
    name: debounce ? 'yaml-language-server' : 'yaml-language-server (no debounce)',
    command: process.execPath,
    // The stock server waits 200 ms after a change before validating, with no setting to change it; the preload sets that delay to 0.
    args: debounce ? [YLS_BIN, '--stdio'] : ['--require', YLS_NO_DEBOUNCE, YLS_BIN, '--stdio'],
    languageId: 'yaml',
    initializationOptions: undefined,
    async afterInitialized(server) {
      await server.notify('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings() } });
    },
    // codeLens waits for the configuration pull that didChangeConfiguration started, so its reply means the schema is associated.
    barrier: (server) => server.request('textDocument/codeLens', { textDocument: { uri: 'file:///nonexistent.cachespec.yaml' } }),
  };
}

export function withTimeout(promise, what, ms = TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Reads VmHWM (peak resident set) and VmRSS of a live process, in MB. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakRssMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return { peakRssMb: NaN, rssMb: NaN };
  }
}

/**
 * Spawns a server process and a connection to its stdio (not listening yet): { proc, connection, exited, stderr }, where stderr
 * is a function returning the last 20,000 characters the server wrote there.
 */
export function spawnServer(command, args, cwd = REPO) {
  const proc = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-20000); });
  proc.stdin.on('error', () => {});
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  connection.onError(() => {});
  return { proc, connection, exited, stderr: () => stderr };
}

/** Starts a server and sends initialize; returns a handle with the time from spawn to the initialize reply. */
export async function launch(spec, { rootUri = null } = {}) {
  const started = performance.now();
  const { proc, connection, exited, stderr: stderrOf } = spawnServer(spec.command, spec.args);
  const server = { spec, proc, connection, exited, waiters: new Set(), publications: 0, logs: [], get stderr() { return stderrOf(); } };
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    server.publications++;
    const at = performance.now();
    for (const waiter of [...server.waiters]) {
      waiter(params, at);
    }
  });
  connection.onNotification('window/logMessage', (params) => server.logs.push(params.message));
  connection.onNotification('window/showMessage', (params) => server.logs.push(params.message));
  connection.onNotification('telemetry/event', () => {});
  connection.onNotification('$/progress', () => {});
  connection.onNotification(() => {});
  connection.onRequest('workspace/configuration', (params) => params.items.map((item) => {
    switch (item.section) {
      case 'yaml': return yamlSettings();
      case 'http': return {};
      default: return null;
    }
  }));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.listen();

  server.request = (method, params) => withTimeout(connection.sendRequest(method, params), `a reply to ${method} from ${spec.name}`);
  server.notify = (method, params) => connection.sendNotification(method, params);

  /** The next publication for `uri` that satisfies `accept`, resolved with its arrival time. */
  server.nextDiagnostics = (uri, accept = () => true) => {
    let waiter;
    const promise = new Promise((resolve) => {
      waiter = (params, at) => {
        if (params.uri === uri && accept(params)) {
          server.waiters.delete(waiter);
          resolve({ params, at });
        }
      };
      server.waiters.add(waiter);
    });
    return withTimeout(promise, `diagnostics for ${uri} from ${spec.name}`).finally(() => server.waiters.delete(waiter));
  };

  server.stop = () => stopServer({ proc, connection, exited, name: spec.name });

  try {
    server.initializeResult = await server.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'cachespec-latency-bench' },
      locale: 'en',
      rootUri,
      workspaceFolders: null,
      capabilities: CLIENT_CAPABILITIES,
      initializationOptions: spec.initializationOptions,
    });
    server.initializeMs = performance.now() - started;
    await server.notify('initialized', {});
    await spec.afterInitialized(server);
    await spec.barrier(server);
  } catch (error) {
    proc.kill('SIGKILL');
    throw new Error(`${spec.name} failed to start: ${error.message}\n${stderrOf()}`);
  }
  return server;
}

/**
 * Asks a server started over `connection` to shut down and exit (waiting `shutdownMs` for the reply), and kills it when it
 * has not exited 10 s later.
 */
export async function stopServer({ proc, connection, exited, name }, shutdownMs = 10000) {
  if (proc.exitCode === null && proc.signalCode === null) {
    try {
      await withTimeout(connection.sendRequest('shutdown', null), 'shutdown', shutdownMs);
      await connection.sendNotification('exit');
    } catch {
      // killed below
    }
  }
  await withTimeout(exited, `${name} to exit`, 10000).catch(() => proc.kill('SIGKILL'));
  connection.dispose();
}

/** Opens a document; resolves with the first publication for it and the time it took. */
async function open(server, uri, text, version = 1) {
  const next = server.nextDiagnostics(uri);
  const sent = performance.now();
  await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: server.spec.languageId, version, text } });
  const { params, at } = await next;
  return { ms: at - sent, diagnostics: params.diagnostics };
}

/** The LSP position just past the end of a text. */
export function endPosition(text) {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/**
 * Where the completion and hover requests go: the `tier:` line of the cache in the middle of the file.
 * value: just after "tier: " (the enum's values); key: the start of "tier" (the keys of a cache); hover: inside "tier".
 */
export function positionsIn(text) {
  const lines = text.split('\n');
  const cachesLine = lines.findIndex((line) => line === 'caches:');
  const starts = [];
  for (let i = cachesLine + 1; i < lines.length; i++) {
    if (lines[i].startsWith('  - name: ')) {
      starts.push(i);
    }
  }
  if (cachesLine < 0 || starts.length === 0) {
    throw new Error('no caches: list in the generated file');
  }
  const middle = starts[Math.floor(starts.length / 2)];
  let tier = middle + 1;
  while (!/^ {4}tier: /.test(lines[tier])) {
    tier++;
  }
  const column = lines[tier].indexOf('tier');
  return {
    value: { line: tier, character: column + 'tier: '.length },
    key: { line: tier, character: column },
    hover: { line: tier, character: column + 2 },
    lineText: lines[tier],
  };
}

export function stats(samples) {
  const sorted = [...samples].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return { n: 0, median: NaN, p95: NaN, min: NaN, max: NaN };
  }
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { n: sorted.length, median, p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

const itemsOf = (result) => (Array.isArray(result) ? result : result?.items ?? []);

/** The servers in a round's order: the first one moves along each round, so none always goes first (or right after another). */
export function rotated(list, round) {
  const shift = round % list.length;
  return [...list.slice(shift), ...list.slice(0, shift)];
}

/**
 * Fresh process per repetition: spawn → initialize reply, then didOpen → first diagnostics.
 * Returns the samples and the memory of the last process after its open.
 */
export async function measureCold(spec, file, reps) {
  return (await measureColdSideBySide([spec], file, reps))[0];
}

/**
 * The same for several servers, their repetitions interleaved (one fresh process of each in turn, the order rotating), so that
 * every server meets the same load on a shared machine. Returns one result per spec, in the order given.
 */
export async function measureColdSideBySide(specs, file, reps) {
  const text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).href;
  const results = specs.map(() => ({ start: [], open: [], diagnostics: 0, memoryAfterOpen: null }));
  for (let i = 0; i < reps; i++) {
    for (const index of rotated([...specs.keys()], i)) {
      const result = results[index];
      const server = await launch(specs[index]);
      try {
        result.start.push(server.initializeMs);
        const opened = await open(server, uri, text);
        result.open.push(opened.ms);
        result.diagnostics = opened.diagnostics.length;
        result.memoryAfterOpen = memoryOf(server.proc.pid);
      } finally {
        await server.stop();
      }
    }
  }
  return results;
}

/**
 * A warm server with the file open, and the rounds the warm figures time; each round resolves with milliseconds.
 * Keystrokes at the end append '#' (a comment, so the findings stay the same and every keystroke costs a full re-check); keystrokes in
 * the middle type a space at the end of the middle cache's tier line (trailing blanks change no value), which cachespec re-parses as
 * one edited list item and shifts the half of the file after it.
 */
async function openSession(spec, file) {
  let text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).href;
  const positions = positionsIn(text);
  const server = await launch(spec);
  let version = 1;
  let opened;
  try {
    opened = await open(server, uri, text);
  } catch (error) {
    await server.stop();
    throw error;
  }
  /** Sends one change; resolves with the time to the publication of its version, and the completion's time when one is asked at once. */
  const change = async (at, inserted, completeAt = null) => {
    version++;
    const expected = version;
    // cachespec reports the version it analysed; yaml-language-server sends none, and the next publication is the one.
    const next = server.nextDiagnostics(uri, (params) => params.version == null || params.version === expected);
    const sent = performance.now();
    await server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: inserted }] });
    const completion = completeAt ? await session.completion(completeAt) : null;
    const { at: arrived } = await next;
    return { ms: arrived - sent, completion };
  };
  const timed = async (method, params) => {
    const sent = performance.now();
    const reply = await server.request(method, params);
    return { ms: performance.now() - sent, reply };
  };
  const middleLine = positions.value.line;
  const session = {
    server,
    opened,
    positions,
    keystroke: async () => {
      const at = endPosition(text);
      text += '#';
      return (await change(at, '#')).ms;
    },
    keystrokeMiddle: async () => {
      const lines = text.split('\n');
      const at = { line: middleLine, character: lines[middleLine].length };
      lines[middleLine] += ' ';
      text = lines.join('\n');
      return (await change(at, ' ')).ms;
    },
    completion: (position) => timed('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } }),
    hover: () => timed('textDocument/hover', { textDocument: { uri }, position: positions.hover }),
    // The change is sent, then the completion at once; the round still waits for the change's diagnostics, so that every round
    // starts from a settled document.
    completionAfterKeystroke: async () => {
      const at = endPosition(text);
      text += '#';
      return (await change(at, '#', positions.value)).completion;
    },
  };
  return session;
}

/**
 * One warm process: open the file, then loops of keystrokes, completions and hovers (see measureWarmSideBySide).
 */
export async function measureWarm(spec, file, reps, options = {}) {
  return (await measureWarmSideBySide([spec], file, reps, options))[0];
}

/**
 * Warm processes of several servers at once, each with the file open. Each loop first warms every server in turn, `warmup` unrecorded
 * rounds or `warmupSeconds` of them, whichever ends first (the .NET JIT needs about a hundred keystrokes to reach its optimised code),
 * then records `reps` rounds with the servers interleaved (one round of each in turn, the order rotating), so that every server meets
 * the same load on a shared machine. figures: 'all'; 'keystroke' for the two keystroke loops; 'requests' for completion, hover and
 * completion right after a keystroke. gapMs: the pause after each round, as a typist leaves between keystrokes (back-to-back rounds
 * would also measure how fast the server settles after a reply, which no editor user can produce).
 * Returns one result per spec, in the order given, with the peak memory of its process after all loops.
 */
export async function measureWarmSideBySide(specs, file, reps, { warmup = 100, warmupSeconds = 15, figures = 'all', gapMs = 20 } = {}) {
  const sessions = [];
  const results = specs.map(() => ({ keystroke: [], keystrokeMiddle: [], completionValue: [], completionKey: [], hover: [], completionAfterKeystroke: [] }));
  const pause = () => (gapMs > 0 ? new Promise((resolve) => setTimeout(resolve, gapMs)) : Promise.resolve());
  try {
    for (const spec of specs) {
      sessions.push(await openSession(spec, file));
    }
    sessions.forEach((session, index) => {
      results[index].openWarmProcessMs = session.opened.ms;
      results[index].diagnostics = session.opened.diagnostics.length;
    });
    // Runs `round` on every session until warm, then `reps` interleaved times, recording what it returns under `figure`.
    const loop = async (figure, round) => {
      for (const [index, session] of sessions.entries()) {
        const until = performance.now() + warmupSeconds * 1000;
        for (let i = 0; i < warmup && performance.now() < until; i++) {
          await round(session, results[index]);
          await pause();
        }
      }
      for (let i = 0; i < reps; i++) {
        for (const index of rotated([...sessions.keys()], i)) {
          results[index][figure].push(await round(sessions[index], results[index]));
          await pause();
        }
      }
    };
    if (figures !== 'requests') {
      await loop('keystroke', (session) => session.keystroke());
      await loop('keystrokeMiddle', (session) => session.keystrokeMiddle());
    }
    if (figures !== 'keystroke') {
      await loop('completionValue', async (session, result) => {
        const { ms, reply } = await session.completion(session.positions.value);
        result.completionValueItems = itemsOf(reply).length;
        return ms;
      });
      await loop('completionKey', async (session, result) => {
        const { ms, reply } = await session.completion(session.positions.key);
        result.completionKeyItems = itemsOf(reply).length;
        return ms;
      });
      await loop('hover', async (session, result) => {
        const { ms, reply } = await session.hover();
        result.hoverText = typeof reply?.contents === 'string' ? reply.contents : reply?.contents?.value ?? '';
        return ms;
      });
      await loop('completionAfterKeystroke', async (session) => (await session.completionAfterKeystroke()).ms);
    }
    sessions.forEach((session, index) => Object.assign(results[index], memoryOf(session.server.proc.pid)));
  } finally {
    for (const session of sessions) {
      await session.server.stop();
    }
  }
  return results;
}

/** The diagnostics a server publishes for one text (for the correctness checks before timing). */
export async function diagnosticsFor(spec, file, text = readFileSync(file, 'utf8')) {
  const server = await launch(spec);
  try {
    const { diagnostics } = await open(server, pathToFileURL(file).href, text);
    return diagnostics;
  } finally {
    await server.stop();
  }
}

/** The value after `--name` on the command line, or the fallback (for the standalone scripts here). */
export function commandLineOption(name, fallback) {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  return index >= 0 && index + 1 < args.length ? args[index + 1] : fallback;
}

/** The warm loops' options every script takes: --reps, --warmup, --warmup-seconds, --gap (the defaults of run.mjs). */
export function warmLoopOptions() {
  return {
    reps: Number(commandLineOption('reps', 50)),
    warmup: Number(commandLineOption('warmup', 100)),
    warmupSeconds: Number(commandLineOption('warmup-seconds', 15)),
    gapMs: Number(commandLineOption('gap', 20)),
  };
}

async function main() {
  const option = commandLineOption;
  const file = option('file');
  const which = option('server', 'cachespec');
  if (!file) {
    console.error('usage: node harness.mjs --server cachespec|yaml-language-server|yaml-language-server-no-debounce --file F [--reps 50] [--start-reps 15] [--warmup 100] [--warmup-seconds 15] [--gap 20] [--cachespec PATH] [--json]');
    process.exit(2);
  }
  const { reps, warmup, warmupSeconds, gapMs } = warmLoopOptions();
  const startReps = Number(option('start-reps', 15));
  const spec = which === 'cachespec'
    ? cachespecServer(option('cachespec', path.join(REPO, 'server/CacheSpec.Server/bin/Release/net10.0/cachespec')))
    : yamlLanguageServer({ debounce: which !== 'yaml-language-server-no-debounce' });
  const cold = await measureCold(spec, path.resolve(file), startReps);
  const warm = await measureWarm(spec, path.resolve(file), reps, { warmup, warmupSeconds, gapMs });
  const report = {
    server: spec.name,
    file,
    start: stats(cold.start),
    open: stats(cold.open),
    keystroke: stats(warm.keystroke),
    completionValue: stats(warm.completionValue),
    completionKey: stats(warm.completionKey),
    hover: stats(warm.hover),
    completionAfterKeystroke: stats(warm.completionAfterKeystroke),
    peakRssMb: warm.peakRssMb,
    diagnostics: warm.diagnostics,
    completionValueItems: warm.completionValueItems,
    completionKeyItems: warm.completionKeyItems,
  };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  for (const [name, value] of Object.entries(report)) {
    console.log(typeof value === 'object' ? `${name.padEnd(26)} median ${value.median.toFixed(2)} ms  p95 ${value.p95.toFixed(2)} ms  (n=${value.n})` : `${name.padEnd(26)} ${value}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.stack ?? error);
    process.exit(1);
  });
}
