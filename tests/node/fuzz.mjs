// Protocol fuzzing of the real `cachespec serve` process. For a fixed time it sends random messages, seeded so a run can be
// replayed: requests of every implemented method with valid and mutated params, unknown methods, notifications that open, edit
// (garbage included), close and save documents, cancellations, and now and then a raw broken frame (malformed JSON, a batch, a wrong or
// missing Content-Length). It checks that every request gets exactly one response, that no response is an internal error (-32603) or
// an error a valid request may not get, and that the process stays alive; a process that dies is a crash, recorded and restarted.
// At the end the server must still answer correctly and exit with 0 on shutdown and exit.
//
//   node tests/node/fuzz.mjs [--seconds 30] [--seed 12345]      (or CACHESPEC_FUZZ_SECONDS, CACHESPEC_FUZZ_SEED)
//
// fuzz.test.mjs runs it under `npm test` (30 s unless CACHESPEC_FUZZ_SECONDS says otherwise).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLES, implementedMethods, specFilesUnder, uriOf } from './lsp-harness.mjs';
import { frame, startRawServer } from './raw-client.mjs';

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same messages. */
function prng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random = {
    next,
    int: (max) => Math.floor(next() * max),
    range: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Picks by weight from [[weight, value], ...]. */
    weighted: (pairs) => {
      let roll = next() * pairs.reduce((sum, [weight]) => sum + weight, 0);
      for (const [weight, value] of pairs) {
        roll -= weight;
        if (roll < 0) {
          return value;
        }
      }
      return pairs[pairs.length - 1][1];
    },
  };
  return random;
}

const CORPUS = specFilesUnder(EXAMPLES).map((file) => ({ file, uri: uriOf(file), text: readFileSync(file, 'utf8') }));
const SCRATCH = Array.from({ length: 4 }, (_, i) => `file:///tmp/cachespec-fuzz/scratch-${i}.cachespec.yaml`);
const ODD_URIS = ['untitled:Untitled-1', 'file:///', 'file://host/share/x.cachespec.yaml', 'file:///tmp/%zz.cachespec.yaml', 'not a uri', '', 'http://example.com/a.yaml'];
const TEXT_BITS = ['é', '😀', '\u200b', '\ufeff', '\u0000', '\t', '\r', '\r\n', '\n', '\u2028', '𝔘', 'ﬀ'];
/** With a lone surrogate, which a JSON reader may refuse (the message is then invalid, not the server wrong). */
const UNICODE = [...TEXT_BITS, '\ud800'];
const YAML_BITS = ['caches:', '  - name: c', '    tier: Premium', '    size: P1', '    isolation:', '      publicNetworkAccess: Disabled', '      vnetInjection:',
  '        subnet: hub/redis', 'networks:', '  - name: hub', '    addressSpace: [10.0.0.0/16]', '    subnets:', '      - name: redis', '        addressPrefix: 10.0.1.0/27',
  '---', '&a [*a, *a]', '{', '}', '[', ']', ':', '- ', '"', "'", '#', '# cachespec-disable-next-line', '!!binary', '? complex', '|', '>', '*undefined', '%YAML 1.2'];

/** Random text: a corpus file mutated (lines deleted, swapped, duplicated, garbage inserted), or pure garbage, or deep nesting. */
function randomText(random) {
  const kind = random.weighted([[6, 'mutated'], [2, 'garbage'], [1, 'deep'], [1, 'empty'], [1, 'wide']]);
  if (kind === 'empty') {
    return random.pick(['', '\n', '---', '\r\n\r\n']);
  }
  if (kind === 'deep') {
    const depth = random.range(10, 2000);
    return random.chance(0.5) ? `a: ${'['.repeat(depth)}${']'.repeat(random.int(depth + 1))}` : Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
  }
  if (kind === 'wide') {
    return `caches:\n  - name: ${'x'.repeat(random.range(1000, 60_000))}\n`;
  }
  if (kind === 'garbage') {
    return Array.from({ length: random.range(1, 200) }, () => random.chance(0.5) ? random.pick(YAML_BITS) : random.pick(UNICODE)).join(random.pick(['', ' ', '\n']));
  }
  const lines = random.pick(CORPUS).text.split('\n');
  for (let n = random.range(0, 8); n > 0; n--) {
    const at = random.int(lines.length + 1);
    switch (random.int(5)) {
      case 0: lines.splice(at, 1); break;
      case 1: lines.splice(at, 0, lines[random.int(lines.length)] ?? ''); break;
      case 2: { const other = random.int(lines.length); [lines[at], lines[other]] = [lines[other], lines[at]]; break; }
      case 3: lines.splice(at, 0, random.pick(YAML_BITS)); break;
      default: lines[at] = `${lines[at] ?? ''}${random.pick(UNICODE)}${random.pick(YAML_BITS)}`;
    }
  }
  return lines.join(random.chance(0.1) ? '\r\n' : '\n');
}

/** A random JSON value, for mutating params. */
function randomValue(random, depth = 0) {
  switch (random.int(depth > 2 ? 6 : 8)) {
    case 0: return null;
    case 1: return random.chance(0.5);
    case 2: return random.pick([0, -1, 1, 2 ** 31, -(2 ** 31), 2 ** 53, 1.5, 1e300, -0]);
    case 3: return random.pick(['', 'x', 'file:///x', '\ud800', 'a'.repeat(random.range(1, 5000)), '${1:snippet}']);
    case 4: return random.pick([{}, [], [null]]);
    case 5: return random.int(100);
    case 6: return Array.from({ length: random.range(0, 3) }, () => randomValue(random, depth + 1));
    default: return Object.fromEntries(Array.from({ length: random.range(0, 3) }, () => [random.pick(['uri', 'line', 'character', 'text', 'range', 'x']), randomValue(random, depth + 1)]));
  }
}

/** Replaces, removes or adds one member somewhere in the params. */
function mutate(random, params) {
  if (params === undefined || params === null || typeof params !== 'object' || random.chance(0.1)) {
    return randomValue(random);
  }
  const copy = Array.isArray(params) ? [...params] : { ...params };
  const keys = Object.keys(copy);
  const key = keys.length > 0 && random.chance(0.85) ? random.pick(keys) : random.pick(['extra', 'textDocument', 'position', 'range', 'context']);
  const action = random.int(3);
  if (action === 0 && key in copy) {
    delete copy[key];
  } else if (action === 1 && copy[key] && typeof copy[key] === 'object') {
    copy[key] = mutate(random, copy[key]);
  } else {
    copy[key] = randomValue(random);
  }
  return copy;
}

const ALLOWED_FOR_VALID = new Set([-32800, -32803]);

/** Runs the fuzz; resolves with its figures. `log` receives progress lines. */
export async function runFuzz({ seconds = 30, seed = (Date.now() ^ (process.pid << 16)) >>> 0, log = console.log } = {}) {
  const random = prng(seed);
  const methods = implementedMethods();
  const requestMethods = methods.filter((m) => m.kind === 'request' && m.method !== 'initialize').map((m) => m.method);
  const notificationMethods = methods.filter((m) => m.kind === 'notification').map((m) => m.method);
  const figures = { seed, seconds, messages: 0, requests: 0, rawFrames: 0, responses: 0, crashes: [], internalErrors: [], unexpected: [], lost: [], restarts: 0, peakHwmMb: 0, finalCheck: 'not run', exitCode: null };
  const sentLog = [];
  const remember = (description) => {
    sentLog.push(description.length > 300 ? `${description.slice(0, 300)}...` : description);
    if (sentLog.length > 20) {
      sentLog.shift();
    }
  };

  let server;
  let pending;
  let versions;
  const start = async () => {
    server = await startRawServer({ rootUri: uriOf(EXAMPLES) });
    server.responses.clear(); // the answer to initialize, which the fuzz does not track
    pending = new Map();
    versions = new Map();
    for (const doc of CORPUS.slice(0, 2)) {
      versions.set(doc.uri, 1);
      server.notify('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: 'cachespec', version: 1, text: doc.text } });
    }
  };
  await start();
  log(`fuzz: seed ${seed}, ${seconds} s, server pid ${server.proc.pid}`);

  const documents = () => [...CORPUS.map((doc) => doc.uri), ...SCRATCH];
  const randomUri = () => random.chance(0.03) ? random.pick(ODD_URIS) : random.pick(documents());
  const randomPosition = () => random.weighted([
    [20, () => ({ line: random.int(120), character: random.int(60) })],
    [2, () => ({ line: random.pick([1e6, 2 ** 31 - 1, random.int(400)]), character: random.pick([1e6, 2 ** 31 - 1, random.int(500)]) })],
    [1, () => ({ line: random.pick([-1, 0, -(2 ** 31)]), character: random.pick([-1, 0, 5]) })],
  ])();
  const randomRange = () => {
    const a = randomPosition();
    const b = random.chance(0.7) ? { line: a.line + random.int(5), character: random.int(40) } : randomPosition();
    return { start: a, end: b };
  };

  const validParams = (method) => {
    const textDocument = { uri: randomUri() };
    const position = randomPosition();
    switch (method) {
      case 'shutdown': return undefined;
      case 'workspace/symbol': return { query: random.pick(['', 'hub', 'kestrel', 'x', random.pick(TEXT_BITS)]) };
      case 'textDocument/rename': return { textDocument, position, newName: random.pick(['renamed', '', 'a b', 'hub/x', random.pick(TEXT_BITS), 'x'.repeat(300)]) };
      case 'textDocument/references': return { textDocument, position, context: { includeDeclaration: random.chance(0.5) } };
      case 'textDocument/codeAction': return {
        textDocument, range: randomRange(),
        context: { diagnostics: random.chance(0.5) ? [] : [{ code: random.pick(['unknown-key', 'invalid-cidr', 'x']), range: randomRange(), message: 'm' }], only: random.chance(0.3) ? [random.pick(['quickfix', 'quickfix.configure', '', 'refactor'])] : undefined },
      };
      case 'textDocument/inlayHint': return { textDocument, range: randomRange() };
      case 'textDocument/completion': return { textDocument, position, context: random.chance(0.5) ? { triggerKind: random.pick([1, 2, 3]), triggerCharacter: random.pick([':', ' ', '/', '-']) } : undefined };
      case 'textDocument/diagnostic':
      case 'textDocument/documentSymbol':
      case 'textDocument/foldingRange': return { textDocument };
      default: return { textDocument, position };
    }
  };

  /** Whether some line or character lies outside LSP's uinteger (0 to 2^31 - 1): such params are invalid. */
  const outOfRange = (value) => value !== null && typeof value === 'object' && Object.entries(value).some(([key, member]) =>
    ((key === 'line' || key === 'character') && typeof member === 'number' && (member < 0 || member > 2 ** 31 - 1)) || outOfRange(member));

  /** One request: its expectation decides which answers are findings. */
  const sendRequest = (method, params, expectation) => {
    const id = random.chance(0.1) ? `s${server.nextId++}` : server.nextId++;
    pending.set(JSON.stringify(id), { method, params, expectation, sentAt: Date.now() });
    server.send(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
    remember(`request ${JSON.stringify(id)} ${method} ${JSON.stringify(params)}`);
    figures.requests++;
    figures.messages++;
    return id;
  };

  const notify = (method, params) => {
    server.notify(method, params);
    remember(`notification ${method} ${JSON.stringify(params)?.slice(0, 200)}`);
    figures.messages++;
  };

  const raw = (bytes, description) => {
    server.write(bytes);
    remember(`raw ${description}`);
    figures.rawFrames++;
    figures.messages++;
  };

  const sentIds = [];
  const steps = [
    [30, () => {
      const method = random.pick(requestMethods.filter((m) => m !== 'shutdown'));
      const params = validParams(method);
      sentIds.push(sendRequest(method, params, outOfRange(params) ? 'invalid-params' : 'valid'));
    }],
    [12, () => {
      const method = random.pick(requestMethods.filter((m) => m !== 'shutdown'));
      sentIds.push(sendRequest(method, mutate(random, validParams(method)), 'any'));
    }],
    [3, () => sendRequest(random.pick(['cachespec/nothing', '$/nothing', 'textDocument/semanticTokens/full', '$/cancelRequest', 'initialize', 'workspace/executeCommand']), randomValue(random), 'any')],
    [8, () => {
      const uri = randomUri();
      const version = (versions.get(uri) ?? 0) + 1;
      versions.set(uri, version);
      notify('textDocument/didOpen', { textDocument: { uri, languageId: random.pick(['cachespec', 'yaml', '']), version, text: randomText(random) } });
    }],
    [20, () => {
      const uri = randomUri();
      const stale = random.chance(0.1);
      const version = stale ? random.int((versions.get(uri) ?? 0) + 1) : (versions.get(uri) ?? 0) + 1;
      if (!stale) {
        versions.set(uri, version);
      }
      const changes = Array.from({ length: random.range(1, 4) }, () => random.chance(0.1)
        ? { text: randomText(random) }
        : { range: randomRange(), text: random.chance(0.5) ? random.pick(YAML_BITS) + random.pick(['\n', '']) : random.pick(['', random.pick(UNICODE), 'x', '\n  ']) });
      notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    }],
    [2, () => notify('textDocument/didClose', { textDocument: { uri: randomUri() } })],
    [2, () => notify('textDocument/didSave', { textDocument: { uri: randomUri() } })],
    [1, () => notify('workspace/didChangeWatchedFiles', { changes: [{ uri: random.chance(0.2) ? uriOf(path.join(EXAMPLES, 'cachespec.json')) : randomUri(), type: random.range(1, 3) }] })],
    [5, () => {
      const id = sentIds.length > 0 && random.chance(0.8) ? sentIds[sentIds.length - 1 - random.int(Math.min(20, sentIds.length))] : randomValue(random);
      notify('$/cancelRequest', { id });
    }],
    [3, () => notify(random.pick([...notificationMethods, '$/setTrace', '$/progress', 'cachespec/nothing', 'initialized']), mutate(random, { textDocument: { uri: randomUri() } }))],
    [2, () => {
      const body = JSON.stringify({ jsonrpc: '2.0', id: `broken-${figures.rawFrames}`, method: random.pick(requestMethods), params: validParams(random.pick(requestMethods)) ?? {} });
      const extra = random.range(1, 300);
      switch (random.int(8)) {
        case 0: raw(frame(body.slice(0, random.int(body.length))), 'malformed JSON'); break;
        case 1: raw(frame(`[${body}${random.chance(0.5) ? `,${body}` : ''}]`), 'batch'); break;
        case 2: raw(frame(random.pick(['"x"', '1', 'null', '{}', '{"jsonrpc":"2.0"}', '{"jsonrpc":"2.0","id":{},"method":"x"}'])), 'not a request'); break;
        case 3: raw(Buffer.from(`Content-Length: ${Math.max(0, body.length - random.range(1, body.length))}\r\n\r\n${body}`), 'Content-Length too short'); break;
        case 4: raw(Buffer.from(`Content-Type: x\r\n\r\n${body}`), 'no Content-Length'); break;
        case 5: raw(Buffer.from(`Content-Length: ${random.pick(['x', '-1', '2147483648', '', '1 2'])}\r\n\r\n${body}`), 'bad Content-Length'); break;
        case 6: {
          // Too long: the frames that follow must cover the extra bytes, so the body completes and the next header is found in it.
          raw(Buffer.from(`Content-Length: ${Buffer.byteLength(body) + extra}\r\n\r\n${body}`), `Content-Length ${extra} too long`);
          for (let covered = 0; covered < extra + 10;) {
            const padding = frame({ jsonrpc: '2.0', method: '$/fuzz/padding', params: { n: covered } });
            server.write(padding);
            covered += padding.length;
          }
          break;
        }
        default: raw(frame(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 'invalid UTF-8');
      }
    }],
  ];

  const check = (id, response) => {
    const request = pending.get(id);
    pending.delete(id);
    figures.responses++;
    const error = response.error;
    if (error?.code === -32603) {
      figures.internalErrors.push({ seed, method: request.method, params: request.params, message: error.message });
    } else if (error && request.expectation === 'valid' && !ALLOWED_FOR_VALID.has(error.code)) {
      figures.unexpected.push({ seed, method: request.method, params: request.params, error });
    } else if (request.expectation === 'invalid-params' && error?.code !== -32602 && error?.code !== -32800) {
      figures.unexpected.push({ seed, method: request.method, params: request.params, response: response.result === undefined ? response : 'a result' });
    }
  };

  // Checked responses leave the client's map; one that comes back for an id already answered is a duplicate.
  const answered = new Set();
  const harvest = () => {
    for (const key of pending.keys()) {
      const response = server.responses.get(key);
      if (response) {
        server.responses.delete(key);
        answered.add(key);
        check(key, response);
      }
    }
  };

  const crashed = async () => {
    const { code, signal } = await server.exited;
    figures.crashes.push({ seed, messages: figures.messages, code, signal, lastSent: [...sentLog], stderr: server.stderr.slice(-3000) });
    log(`fuzz: CRASH after ${figures.messages} messages (exit code ${code}, signal ${signal}); last messages:\n  ${sentLog.slice(-5).join('\n  ')}\nstderr tail:\n${server.stderr.slice(-1500)}`);
    figures.restarts++;
    await start();
  };

  const deadline = Date.now() + seconds * 1000;
  let lastReport = Date.now();
  while (Date.now() < deadline) {
    if (!server.alive()) {
      await crashed();
      continue;
    }
    for (let burst = random.range(1, 40); burst > 0; burst--) {
      random.weighted(steps)();
    }
    harvest();
    if (pending.size > 200) {
      await server.waitUntil(() => { harvest(); return pending.size <= 50 || !server.alive(); }, 'the backlog of requests to drain', 60_000)
        .catch((error) => {
          if (server.alive()) {
            figures.lost.push({ seed, error: error.message, pending: [...pending.values()].slice(0, 5) });
            pending.clear();
          }
        });
    } else {
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      const memory = server.alive() ? server.memory() : { hwmKb: 0, rssKb: 0 };
      figures.peakHwmMb = Math.max(figures.peakHwmMb, memory.hwmKb / 1024);
      log(`fuzz: ${figures.messages} messages, ${figures.requests} requests, ${figures.responses} responses, ${figures.crashes.length} crash(es), `
        + `VmRSS ${(memory.rssKb / 1024).toFixed(0)} MB, peak VmHWM ${figures.peakHwmMb.toFixed(0)} MB`);
    }
  }

  // Every request must be answered.
  if (server.alive()) {
    await server.waitUntil(() => { harvest(); return pending.size === 0 || !server.alive(); }, 'the last responses', 60_000).catch(() => {});
  }
  if (!server.alive()) {
    await crashed();
  }
  for (const [id, request] of pending) {
    figures.lost.push({ seed, id, method: request.method, params: request.params });
  }
  figures.violations = [...server.violations];
  for (const key of server.responses.keys()) {
    figures.violations.push(answered.has(key) ? `a second response to id ${key}` : `a response to id ${key}, which was never sent`);
  }
  figures.peakHwmMb = Math.max(figures.peakHwmMb, server.memory().hwmKb / 1024);

  // The server still answers correctly, pushes diagnostics for a newly opened document, and exits cleanly.
  try {
    const file = path.join(EXAMPLES, 'vnet-injection.cachespec.yaml');
    const text = readFileSync(file, 'utf8');
    const uri = 'file:///tmp/cachespec-fuzz/final.cachespec.yaml';
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cachespec', version: 1, text: `${text}\nbogusTopLevelKey: 1\n` } });
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: text.split('\n').findIndex((l) => l.includes('vnetInjection:')), character: 10 } });
    const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
    await server.waitUntil(() => server.notifications.some((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.diagnostics.some((d) => d.code === 'unknown-key')), 'diagnostics of the final document');
    const ok = /vnetInjection/.test(hover.result?.contents?.value ?? '') && symbols.result?.some((s) => s.name === 'kestrel-shipments');
    figures.finalCheck = ok ? 'passed' : `failed: hover ${JSON.stringify(hover).slice(0, 200)}, symbols ${JSON.stringify(symbols).slice(0, 200)}`;
    figures.exitCode = await server.stop();
  } catch (error) {
    figures.finalCheck = `failed: ${error.message}`;
    server.kill();
  }
  figures.failures = figures.crashes.length + figures.internalErrors.length + figures.unexpected.length + figures.lost.length + figures.violations.length
    + (figures.finalCheck === 'passed' ? 0 : 1) + (figures.exitCode === 0 ? 0 : 1);
  log(`fuzz: seed ${seed}: ${figures.messages} messages sent (${figures.requests} requests, ${figures.rawFrames} raw broken frames), ${figures.responses} responses; `
    + `${figures.crashes.length} crash(es), ${figures.internalErrors.length} internal error(s), ${figures.unexpected.length} unexpected answer(s), ${figures.lost.length} lost response(s), `
    + `${figures.violations.length} protocol violation(s); `
    + `peak VmHWM ${figures.peakHwmMb.toFixed(0)} MB; final check ${figures.finalCheck}; exit code ${figures.exitCode}`);
  for (const finding of [...figures.internalErrors, ...figures.unexpected, ...figures.lost, ...figures.violations].slice(0, 10)) {
    log(`fuzz: finding ${JSON.stringify(finding).slice(0, 600)}`);
  }
  return figures;
}

function argument(name) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const seconds = Number(argument('seconds') ?? process.env.CACHESPEC_FUZZ_SECONDS ?? 30);
  const seedText = argument('seed') ?? process.env.CACHESPEC_FUZZ_SEED;
  const figures = await runFuzz({ seconds, seed: seedText === undefined ? undefined : Number(seedText) >>> 0 });
  process.exit(figures.failures === 0 ? 0 : 1);
}
