// cachespec on large multi-file workspaces, as users get it: the server is started on a workspace folder of generated specs
// (one network.cachespec.yaml and K-1 cache files that reference its subnets) with the settings the VS Code extension gives it
// (no initialization options), and measured over stdio with vscode-jsonrpc:
//
//   start            spawn to the `initialize` reply
//   scan             `initialized` to the moment every file of the workspace has had its first `publishDiagnostics`; also the
//                    work-done progress "end" and the first and last of those publications
//   open             `didOpen` of the cache file in the middle (its text on disk) to its diagnostics
//   keystroke        '#' appended at its end (incremental didChange) to the diagnostics of that version
//   value edit       a size digit of a cache in its middle toggled (C1 <-> C2: a value changes, the file stays valid)
//   other files      publications for any other file during those loops (their findings did not change: should be 0)
//   network          network.cachespec.yaml, the file every other one references, opened, then a space typed and deleted at the
//                    end of a comment line in its middle; with the publications it caused for other files
//   peak RSS         VmHWM of the server process at the end
//
//   node bench/latency/scale.mjs --cachespec PATH [--before PATH] [--files 100,1000,2000,10000] [--caches-per-file 5]
//        [--reps 30] [--warmup 10] [--gap 20] [--scan-reps 1] [--network-reps N] [--timeout 300] [--no-network]
//        [--scan-only] [--out bench/latency/scale-results.md] [--keep]
//
// With --before, both builds are measured on the same workspace, taking turns: each scan repetition starts them one after the
// other (the order rotating), and the warm loops interleave their rounds as harness.mjs does; the table gives after / before.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, '..', '..');
const GENERATOR = path.join(REPO, 'bench/CacheSpec.Benchmarks/bin/Release/net10.0/CacheSpec.Benchmarks.dll');

// vscode-jsonrpc (and so harness.mjs, which imports it) comes from this folder's node_modules.
if (!existsSync(path.join(here, 'node_modules', 'vscode-jsonrpc'))) {
  console.error('Installing bench/latency/node_modules (npm ci)...');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
}
const {
  stats, memoryOf, commandLineOption: option, withTimeout: timed, spawnServer, stopServer, rotated,
} = await import('./harness.mjs');

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const after = option('cachespec');
const before = option('before');
if (!after || flag('help')) {
  console.error('usage: node bench/latency/scale.mjs --cachespec PATH [--before PATH] [--files 100,1000,2000,10000] '
    + '[--caches-per-file 5] [--reps 30] [--warmup 10] [--gap 20] [--scan-reps 1] [--network-reps N] [--timeout 300] '
    + '[--no-network] [--scan-only] [--out FILE] [--keep]');
  process.exit(2);
}
const sizes = option('files', '100,1000,2000,10000').split(',').map(Number);
const cachesPerFile = Number(option('caches-per-file', 5));
const reps = Number(option('reps', 30));
const warmup = Number(option('warmup', 10));
const gapMs = Number(option('gap', 20));
const scanReps = Number(option('scan-reps', 1));
const networkReps = Number(option('network-reps', reps));
const timeoutMs = Number(option('timeout', 300)) * 1000;
const scanOnly = flag('scan-only');
const measureNetwork = !flag('no-network') && !scanOnly;
const keep = flag('keep');
const outFile = path.resolve(option('out', path.join(here, 'scale-results.md')));
if (sizes.some((size) => !Number.isInteger(size) || size < 2) || !(cachesPerFile >= 1) || !(reps >= 1) || !(scanReps >= 1)) {
  console.error('--files takes sizes of at least 2 files; --caches-per-file, --reps and --scan-reps at least 1');
  process.exit(2);
}

const builds = [
  ...(before ? [{ label: 'before', executable: path.resolve(before) }] : []),
  { label: before ? 'after' : 'cachespec', executable: path.resolve(after) },
];
for (const build of builds) {
  if (!existsSync(build.executable)) {
    console.error(`No server at ${build.executable}`);
    process.exit(2);
  }
}

const withTimeout = (promise, what, ms = timeoutMs) => timed(promise, what, ms);

const pause = (ms) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());


// ---- the workspace ------------------------------------------------------------------------------------------------------

function ensureGenerator() {
  if (!existsSync(GENERATOR)) {
    console.error('Building the spec generator (dotnet build bench/CacheSpec.Benchmarks -c Release)...');
    execFileSync('dotnet', ['build', path.join(REPO, 'bench/CacheSpec.Benchmarks'), '-c', 'Release', '--nologo', '-v', 'quiet'],
      { stdio: 'inherit' });
  }
}

/** Generates a workspace of `files` files; returns its folder, files (sorted), total lines and characters. */
function generate(root, files) {
  const folder = path.join(root, `files-${files}`);
  const caches = (files - 1) * cachesPerFile;
  const result = spawnSync('dotnet', [GENERATOR, 'generate', '--caches', String(caches), '--files', String(files), '--out', folder],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`generate failed: ${result.stderr}`);
  }
  const names = readdirSync(folder).filter((name) => name.endsWith('.cachespec.yaml')).sort();
  let lines = 0;
  let characters = 0;
  for (const name of names) {
    const text = readFileSync(path.join(folder, name), 'utf8');
    characters += text.length;
    lines += text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  }
  const cacheFiles = names.filter((name) => name.startsWith('caches-'));
  return {
    folder,
    caches,
    paths: names.map((name) => path.join(folder, name)),
    lines,
    characters,
    middle: path.join(folder, cacheFiles[Math.floor(cacheFiles.length / 2)]),
    network: path.join(folder, 'network.cachespec.yaml'),
  };
}

/**
 * The one-character value edit: the size digit of a Standard cache (C0-C6) near the middle of the file, toggled between two
 * sizes of its tier, so that the file stays valid; a Premium size (P1-P5) of a cache without geo-replication when there is
 * none; a space at the end of the middle cache's tier line as the last resort.
 */
function valueEditIn(text) {
  const lines = text.split('\n');
  const starts = lines.flatMap((line, index) => (line.startsWith('  - name: ') ? [index] : []));
  const middle = Math.floor(starts.length / 2);
  const order = starts.map((_, i) => i).sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle) || a - b);
  for (const pattern of [/^ {4}size: C([0-6])$/, /^ {4}size: P([1-5])$/]) {
    for (const item of order) {
      const end = item + 1 < starts.length ? starts[item + 1] : lines.length;
      const body = lines.slice(starts[item], end);
      if (body.some((line) => line.startsWith('    geoReplication:'))) {
        continue;
      }
      const offset = body.findIndex((line) => pattern.test(line));
      if (offset >= 0) {
        const line = starts[item] + offset;
        const digit = pattern.exec(lines[line])[1];
        return {
          what: `size ${lines[line].trim().slice(6)} <-> ${lines[line].trim().slice(6, 7)}${digit === '1' ? '2' : '1'}`,
          line,
          character: lines[line].length - 1,
          values: [digit === '1' ? '2' : '1', digit],
        };
      }
    }
  }
  const tier = lines.findIndex((line, index) => index > (starts[middle] ?? 0) && /^ {4}tier: /.test(line));
  return { what: 'a space after the tier', line: tier, character: lines[tier].length, space: true };
}

/** The comment line nearest the middle of the network file, where a space is typed and deleted at the end. */
function commentLineIn(text) {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  let best = -1;
  lines.forEach((line, index) => {
    if (/^\s*#/.test(line) && (best < 0 || Math.abs(index - middle) < Math.abs(best - middle))) {
      best = index;
    }
  });
  return best >= 0 ? best : middle;
}

// ---- the server ---------------------------------------------------------------------------------------------------------

/** What the client supports: what an editor like VS Code says, without pull diagnostics (the server then pushes them all). */
const CLIENT_CAPABILITIES = {
  window: { workDoneProgress: true, showMessage: {} },
  workspace: {
    workspaceFolders: true,
    configuration: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: false },
  },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, relatedInformation: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

/**
 * Starts a server on a workspace folder, answers initialize's and initialized's requests, and records every publication
 * (first arrival per URI, count per URI), the progress and the log. Resolves once the initialize reply is in.
 */
async function start(build, workspace) {
  const rootUri = pathToFileURL(workspace.folder).href;
  const started = performance.now();
  const { proc, connection, exited, stderr } = spawnServer(build.executable, ['serve', '--stdio'], workspace.folder);
  const server = {
    build, proc, connection, exited, waiters: new Set(), firstPublication: new Map(), publicationsByUri: new Map(),
    expected: new Set(workspace.paths.map((file) => pathToFileURL(file).href)), missing: workspace.paths.length,
    publications: 0, progress: [], logs: [], get stderr() { return stderr(); },
  };
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const at = performance.now();
    server.publications++;
    server.publicationsByUri.set(params.uri, (server.publicationsByUri.get(params.uri) ?? 0) + 1);
    if (!server.firstPublication.has(params.uri)) {
      server.firstPublication.set(params.uri, at);
      if (server.expected.has(params.uri)) {
        server.missing--;
      }
    }
    for (const waiter of [...server.waiters]) {
      waiter(params, at);
    }
  });
  connection.onNotification('$/progress', (params) => {
    server.progress.push({ at: performance.now(), ...params.value });
    for (const waiter of [...server.waiters]) {
      waiter(null, performance.now());
    }
  });
  connection.onNotification('window/logMessage', (params) => server.logs.push(params.message));
  connection.onNotification('window/showMessage', (params) => server.logs.push(params.message));
  connection.onNotification(() => {});
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest(() => null);
  connection.listen();

  server.request = (method, params) => withTimeout(connection.sendRequest(method, params), `${method} from ${build.label}`);
  server.notify = (method, params) => connection.sendNotification(method, params);
  /** Resolves (with the arrival time) at the first call of `check` that returns true, on a publication or progress. */
  server.until = (what, check) => {
    let waiter;
    const promise = new Promise((resolve) => {
      waiter = (params, at) => {
        if (check(params)) {
          server.waiters.delete(waiter);
          resolve(at);
        }
      };
      server.waiters.add(waiter);
    });
    return withTimeout(promise, `${what} from ${build.label}`).finally(() => server.waiters.delete(waiter));
  };
  // A large workspace may take a while to answer shutdown behind its last analysis.
  server.stop = () => stopServer({ proc, connection, exited, name: build.label }, 30000);
  try {
    await server.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'cachespec-scale-bench' },
      locale: 'en',
      rootUri,
      rootPath: workspace.folder,
      workspaceFolders: [{ uri: rootUri, name: path.basename(workspace.folder) }],
      capabilities: CLIENT_CAPABILITIES,
    });
    server.initializeMs = performance.now() - started;
  } catch (error) {
    proc.kill('SIGKILL');
    throw new Error(`${build.label} failed to start: ${error.message}\n${stderr()}`);
  }
  return server;
}

/** Sends `initialized` and waits until every file of the workspace has had a publication. */
async function scan(server, workspace) {
  const uris = [...server.expected];
  const sent = performance.now();
  const all = server.until('the diagnostics of every file', () => server.missing === 0);
  await server.notify('initialized', {});
  let done;
  try {
    done = await all;
  } catch (error) {
    throw new Error(`${error.message} (${server.missing} of ${uris.length} files have none)\n${server.stderr.slice(-2000)}`);
  }
  const firsts = uris.map((uri) => server.firstPublication.get(uri));
  const end = server.progress.find((value) => value.kind === 'end');
  return {
    scanMs: done - sent,
    firstPublicationMs: Math.min(...firsts) - sent,
    progressEndMs: end ? end.at - sent : NaN,
    progressReports: server.progress.filter((value) => value.kind === 'report').length,
    // the server's own account of the load, when it gives one
    loadLog: server.logs.find((message) => /^Loaded /.test(message)) ?? '',
  };
}

/** An open document and its one-change edits, each timed to the publication of its version. */
async function openDocument(server, file) {
  const uri = pathToFileURL(file).href;
  let text = readFileSync(file, 'utf8');
  let version = 1;
  const sent = performance.now();
  const opened = server.until(`diagnostics for ${path.basename(file)}`, (params) => params?.uri === uri);
  await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cachespec', version, text } });
  const openMs = (await opened) - sent;
  const lineStart = (line) => {
    let offset = 0;
    for (let i = 0; i < line; i++) {
      offset = text.indexOf('\n', offset) + 1;
    }
    return offset;
  };
  /** Replaces `length` characters at a position with `inserted`; resolves with the milliseconds to its diagnostics. */
  const change = async (line, character, length, inserted) => {
    const start = lineStart(line) + character;
    text = text.slice(0, start) + inserted + text.slice(start + length);
    version++;
    const expected = version;
    const published = server.until(`diagnostics for version ${expected} of ${path.basename(file)}`,
      (params) => params?.uri === uri && params.version === expected);
    const at = performance.now();
    await server.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + length } }, text: inserted }],
    });
    return (await published) - at;
  };
  return { uri, openMs, get text() { return text; }, change };
}

/** Publications for other URIs than `uri` so far. */
const othersThan = (server, uri) => server.publications - (server.publicationsByUri.get(uri) ?? 0);

// ---- one size -----------------------------------------------------------------------------------------------------------

async function measureSize(workspace) {
  const results = builds.map(() => ({
    start: [], scan: [], firstPublication: [], progressEnd: [], progressReports: 0, loadLogs: [],
    keystroke: [], valueEdit: [], networkKeystroke: [], othersDuringKeystrokes: 0, othersDuringValueEdits: 0,
    othersPerNetworkKeystroke: [], open: NaN, networkOpen: NaN, peakRssMb: NaN, valueEditWhat: '',
  }));
  const servers = [];
  try {
    // Fresh processes for start and scan, taking turns; the last round's processes stay for the warm loops.
    for (let round = 0; round < scanReps; round++) {
      for (const index of rotated([...builds.keys()], round)) {
        const server = await start(builds[index], workspace);
        try {
          const scanned = await scan(server, workspace);
          const result = results[index];
          result.start.push(server.initializeMs);
          result.scan.push(scanned.scanMs);
          result.firstPublication.push(scanned.firstPublicationMs);
          result.progressEnd.push(scanned.progressEndMs);
          result.progressReports = scanned.progressReports;
          if (scanned.loadLog) {
            result.loadLogs.push(scanned.loadLog);
          }
        } catch (error) {
          await server.stop();
          throw error;
        }
        if (round === scanReps - 1 && !scanOnly) {
          servers[index] = server;
        } else {
          await server.stop();
        }
      }
    }
    if (scanOnly) {
      return results;
    }
    const loop = async (rounds, count, record) => {
      for (const [index, server] of servers.entries()) {
        for (let i = 0; i < warmup; i++) {
          await rounds[index](server);
          await pause(gapMs);
        }
      }
      for (let i = 0; i < count; i++) {
        for (const index of rotated([...servers.keys()], i)) {
          record(index, await rounds[index](servers[index]));
          await pause(gapMs);
        }
      }
    };
    // The cache file in the middle: open, keystrokes at its end, value edits in its middle.
    const documents = [];
    for (const [index, server] of servers.entries()) {
      documents[index] = await openDocument(server, workspace.middle);
      results[index].open = documents[index].openMs;
    }
    const endRounds = documents.map((document) => async () => {
      const lines = document.text.split('\n');
      return document.change(lines.length - 1, lines[lines.length - 1].length, 0, '#');
    });
    let others = servers.map((server, index) => othersThan(server, documents[index].uri));
    await loop(endRounds, reps, (index, ms) => results[index].keystroke.push(ms));
    servers.forEach((server, index) => {
      results[index].othersDuringKeystrokes = othersThan(server, documents[index].uri) - others[index];
    });
    const edit = valueEditIn(documents[0].text);
    const editRounds = documents.map((document) => {
      let step = 0;
      return async () => {
        step++;
        if (edit.space) {
          return step % 2 ? document.change(edit.line, edit.character, 0, ' ') : document.change(edit.line, edit.character, 1, '');
        }
        return document.change(edit.line, edit.character, 1, edit.values[(step - 1) % 2]);
      };
    });
    others = servers.map((server, index) => othersThan(server, documents[index].uri));
    await loop(editRounds, reps, (index, ms) => results[index].valueEdit.push(ms));
    servers.forEach((server, index) => {
      results[index].othersDuringValueEdits = othersThan(server, documents[index].uri) - others[index];
      results[index].valueEditWhat = edit.what;
    });
    // The shared file: open it, then type and delete a space at the end of a comment line in its middle.
    if (measureNetwork) {
      const networks = [];
      for (const [index, server] of servers.entries()) {
        networks[index] = await openDocument(server, workspace.network);
        results[index].networkOpen = networks[index].openMs;
      }
      const commentLine = commentLineIn(networks[0].text);
      const networkRounds = networks.map((document, index) => {
        let step = 0;
        return async (server) => {
          step++;
          const othersBefore = othersThan(server, document.uri);
          const character = document.text.split('\n')[commentLine].length;
          const ms = step % 2 ? await document.change(commentLine, character, 0, ' ')
            : await document.change(commentLine, character - 1, 1, '');
          results[index].lastOthers = othersThan(server, document.uri) - othersBefore;
          return ms;
        };
      });
      await loop(networkRounds, networkReps, (index, ms) => {
        results[index].networkKeystroke.push(ms);
        results[index].othersPerNetworkKeystroke.push(results[index].lastOthers);
      });
    }
    servers.forEach((server, index) => Object.assign(results[index], memoryOf(server.proc.pid)));
  } finally {
    for (const server of servers) {
      await server?.stop();
    }
  }
  return results;
}

// ---- the report ---------------------------------------------------------------------------------------------------------

const ms = (value) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2))
  : '–');
const pair = (samples) => {
  const s = stats(samples);
  return s.n === 0 ? '–' : s.n === 1 ? ms(s.median) : `${ms(s.median)} / ${ms(s.p95)}`;
};
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(3) : '–');
const ratioPair = (after, before) => {
  const a = stats(after);
  const b = stats(before);
  return a.n <= 1 ? ratio(a.median, b.median) : `${ratio(a.median, b.median)} / ${ratio(a.p95, b.p95)}`;
};
const thousands = (n) => n.toLocaleString('en-US');

function table(workspace, results, loads) {
  const rows = [
    ['start → `initialize` reply', (r) => r.start],
    ['`initialized` → every file\'s diagnostics (the scan)', (r) => r.scan],
    ['`initialized` → progress "end"', (r) => r.progressEnd],
    ['`initialized` → the first file\'s diagnostics', (r) => r.firstPublication],
  ];
  const warmRows = [
    ['`didOpen` of a cache file → diagnostics', (r) => [r.open]],
    ['keystroke at its end → diagnostics', (r) => r.keystroke],
    [`value edit in its middle (${results[0].valueEditWhat}) → diagnostics`, (r) => r.valueEdit],
    ...(measureNetwork ? [
      ['`didOpen` of network.cachespec.yaml → diagnostics', (r) => [r.networkOpen]],
      ['keystroke in network.cachespec.yaml (comment line) → diagnostics', (r) => r.networkKeystroke],
    ] : []),
  ];
  if (!scanOnly) {
    rows.push(...warmRows);
  }
  const header = builds.length === 2
    ? `| ${thousands(workspace.paths.length)} files, ${thousands(workspace.caches)} caches, ${thousands(workspace.lines)} lines `
      + '| before | after | after / before |\n| --- | ---: | ---: | ---: |'
    : `| ${thousands(workspace.paths.length)} files, ${thousands(workspace.caches)} caches, ${thousands(workspace.lines)} lines `
      + '| median / p95 (ms) |\n| --- | ---: |';
  const lines = [header];
  for (const [name, samples] of rows) {
    const cells = results.map((result) => pair(samples(result)));
    if (builds.length === 2) {
      cells.push(ratioPair(samples(results[1]), samples(results[0])));
    }
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  const counts = scanOnly ? [['progress reports during the scan', (r) => String(r.progressReports)]] : [
    ['publications for other files during the keystrokes at the end', (r) => String(r.othersDuringKeystrokes)],
    ['publications for other files during the value edits', (r) => String(r.othersDuringValueEdits)],
    ...(measureNetwork ? [['other files republished per network keystroke (median / max)', (r) => {
      const s = stats(r.othersPerNetworkKeystroke);
      return s.n ? `${s.median} / ${s.max}` : '–';
    }]] : []),
    ['progress reports during the scan', (r) => String(r.progressReports)],
    ['peak RSS (MB)', (r) => r.peakRssMb.toFixed(0)],
  ];
  for (const [name, cell] of counts) {
    const cells = results.map(cell);
    if (builds.length === 2) {
      cells.push(name.startsWith('peak') ? ratio(results[1].peakRssMb, results[0].peakRssMb) : '');
    }
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  const notes = results.flatMap((r, index) => r.loadLogs.map((log) =>
    `- ${builds.length === 2 ? `${builds[index].label}: ` : ''}the server's log: "${log}"`));
  lines.push('');
  lines.push(scanOnly ? `${thousands(workspace.characters)} characters; ${scanReps} scan${scanReps === 1 ? '' : 's'} per build; `
    + `load average ${loads.map((load) => load.toFixed(2)).join(' → ')}.` : `${thousands(workspace.characters)} characters; ${reps} keystrokes and value edits, ${measureNetwork ? `${networkReps} network `
    + 'keystrokes, ' : ''}${scanReps} scan${scanReps === 1 ? '' : 's'} per build, ${warmup} unrecorded rounds before each loop, `
    + `${gapMs} ms between rounds; load average ${loads.map((load) => load.toFixed(2)).join(' → ')}.`);
  if (notes.length) {
    lines.push('', ...notes);
  }
  return lines.join('\n');
}

// ---- main ---------------------------------------------------------------------------------------------------------------

async function main() {
  ensureGenerator();
  const root = mkdtempSync(path.join(os.tmpdir(), 'cachespec-scale-'));
  const cleanUp = () => {
    if (!keep) {
      rmSync(root, { recursive: true, force: true });
    }
  };
  process.on('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0];
  const sections = [];
  try {
    for (const files of sizes) {
      const workspace = generate(root, files);
      console.error(`${files} files: ${thousands(workspace.lines)} lines, ${thousands(workspace.characters)} characters in `
        + `${workspace.folder}`);
      const loads = [os.loadavg()[0]];
      const results = await measureSize(workspace);
      loads.push(os.loadavg()[0]);
      const section = `### ${thousands(files)} files\n\n${table(workspace, results, loads)}`;
      console.log(`${section}\n`);
      sections.push(section);
      if (!keep) {
        rmSync(workspace.folder, { recursive: true, force: true });
      }
    }
  } finally {
    cleanUp();
  }
  const command = `node bench/latency/scale.mjs ${args.join(' ')}`;
  const buildsLine = builds.map((build) => `${build.label}: \`${build.executable}\``).join('; ');
  const report = [
    '# cachespec on large workspaces (`bench/latency/scale.mjs`)',
    '',
    `Run ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}, ${os.cpus().length} cores, `
      + `1-minute load average at the start ${loadAtStart.toFixed(2)} (per size below).`,
    '',
    '```sh',
    command,
    '```',
    '',
    `Servers: ${buildsLine}. Each workspace is \`generate --caches (files - 1) x ${cachesPerFile} --files N\`: `
      + 'network.cachespec.yaml and the cache files that reference it, opened as the workspace folder with no initialization '
      + 'options. Milliseconds, median / p95 (a single sample alone).',
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
  writeFileSync(outFile, report);
  console.error(`Wrote ${outFile}`);
}

main().catch((error) => {
  console.error(error.stack ?? error);
  process.exit(1);
});
