// The latency benchmark in one command:
//   node bench/latency/run.mjs [--sizes 10,100,1000] [--reps 50] [--start-reps 15] [--warmup 100] [--warmup-seconds 15] [--gap 20] [--variants jit,r2r,aot] [--skip-build]
// It installs the harness's npm packages when they are missing, builds cachespec (Release, plus ReadyToRun and Native AOT publishes),
// generates one spec per size with the C# generator (bench/CacheSpec.Benchmarks), checks that both servers really report schema
// findings, measures cachespec and yaml-language-server 1.25.0 on the same files in the same run, and prints the table
// (also written to bench/latency/results.md).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

function option(name, fallback) {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  if (index < 0) return fallback;
  if (index + 1 >= args.length) throw new Error(`--${name} needs a value`);
  return args[index + 1];
}
const flag = (name) => process.argv.slice(2).includes(`--${name}`);

const sizes = option('sizes', '10,100,1000').split(',').map((part) => Number(part.trim()));
const reps = Number(option('reps', 50));
const startReps = Number(option('start-reps', 15));
const warmup = Number(option('warmup', 100));
const warmupSeconds = Number(option('warmup-seconds', 15));
const gapMs = Number(option('gap', 20));
const variants = option('variants', 'jit,r2r,aot').split(',').map((part) => part.trim());
const output = path.resolve(option('out', path.join(here, 'results.md')));
if (sizes.some((size) => !Number.isInteger(size) || size <= 0) || !(reps > 0) || !(startReps > 0) || !(warmup >= 0) || !(warmupSeconds >= 0) || !(gapMs >= 0)) {
  console.error('usage: node bench/latency/run.mjs [--sizes 10,100,1000] [--reps 50] [--start-reps 15] [--warmup 100] [--warmup-seconds 15] [--gap 20] [--variants jit,r2r,aot] [--skip-build] [--out FILE]');
  process.exit(2);
}

function sh(command, args, options = {}) {
  console.error(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return { status: result.status ?? 1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}
function mustSh(command, args, options = {}) {
  const result = sh(command, args, options);
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
  return result;
}

// 1. npm packages of the harness.
const needsInstall = ['vscode-jsonrpc', 'yaml-language-server'].some((name) => !existsSync(path.join(here, 'node_modules', name, 'package.json')));
if (needsInstall) {
  mustSh('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: ['ignore', 'inherit', 'inherit'] });
}
const harness = await import('./harness.mjs');

// 2. Builds: the Release build the editors run, and the two ahead-of-time publishes.
const work = mkdtempSync(path.join(os.tmpdir(), 'cachespec-latency-'));
const jitServer = path.join(repo, 'server/CacheSpec.Server/bin/Release/net10.0/cachespec');
const generatorDll = path.join(repo, 'bench/CacheSpec.Benchmarks/bin/Release/net10.0/CacheSpec.Benchmarks.dll');
const builds = { jit: { label: 'cachespec (Release, JIT)', executable: jitServer } };
const notes = [];
if (!flag('skip-build')) {
  mustSh('dotnet', ['build', 'server/CacheSpec.Server', '-c', 'Release', '--nologo', '-v', 'quiet'], { cwd: repo });
  mustSh('dotnet', ['build', 'bench/CacheSpec.Benchmarks', '-c', 'Release', '--nologo', '-v', 'quiet'], { cwd: repo });
}
for (const [variant, label, property] of [['r2r', 'cachespec (ReadyToRun)', 'PublishReadyToRun'], ['aot', 'cachespec (Native AOT)', 'PublishAot']]) {
  if (!variants.includes(variant)) continue;
  const folder = path.join(work, `publish-${variant}`);
  const published = sh('dotnet', ['publish', 'server/CacheSpec.Server', '-c', 'Release', '-r', 'linux-x64', '--self-contained',
    `-p:${property}=true`, '-o', folder, '--nologo', '-v', 'quiet'], { cwd: repo });
  if (published.status === 0 && existsSync(path.join(folder, 'cachespec'))) {
    builds[variant] = { label, executable: path.join(folder, 'cachespec') };
  } else {
    const reason = (published.stdout + published.stderr).split('\n').filter((line) => /error/i.test(line)).slice(0, 3).join(' ').trim();
    notes.push(`${label} did not build: ${reason || `dotnet publish exited with ${published.status}`}`);
    console.error(notes.at(-1));
  }
}
for (const variant of Object.keys(builds)) {
  if (!existsSync(builds[variant].executable)) throw new Error(`${builds[variant].executable} is missing: build it first (or drop --skip-build).`);
}

// 3. The same generated files for both servers.
const files = {};
for (const size of sizes) {
  const folder = path.join(work, `c${size}`);
  mustSh('dotnet', [generatorDll, 'generate', '--caches', String(size), '--out', folder], { cwd: repo });
  files[size] = path.join(folder, 'workspace.cachespec.yaml');
}
const lineCount = (file) => readFileSync(file, 'utf8').split('\n').length - 1;

// 4. Both servers must really report schema findings before their timings mean anything.
const cachespec = harness.cachespecServer(builds.jit.executable, builds.jit.label);
const yls = harness.yamlLanguageServer({ debounce: true });
const ylsNoDebounce = harness.yamlLanguageServer({ debounce: false });
const checks = [];
{
  const base = readFileSync(files[sizes[0]], 'utf8');
  const broken = base.replace('    tier: Premium', '    tier: Premum').replace('publicNetworkAccess:', 'publicNetworkAcess:');
  const folder = path.join(work, 'check');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'misspelled.cachespec.yaml');
  writeFileSync(file, broken);
  for (const spec of [cachespec, yls]) {
    const diagnostics = await harness.diagnosticsFor(spec, file);
    const aboutKey = diagnostics.find((d) => d.message.includes('publicNetworkAcess') || d.code === 'unknown-key');
    const aboutEnum = diagnostics.find((d) => d.message.includes('Premum') || /Basic.*Standard.*Premium|Valid values/i.test(d.message));
    checks.push({ server: spec.name, count: diagnostics.length, aboutKey, aboutEnum });
    if (!aboutKey || !aboutEnum) {
      console.error(diagnostics);
      throw new Error(`${spec.name} did not report the misspelled key and the invalid enum value: its timings would not be comparable.`);
    }
  }
}

// 5. Measurements, per size, every server side by side: their repetitions interleaved (one of each in turn, the order rotating), so
// that all of them meet the same load on this shared machine and the ratios compare like with like. Fresh processes for start and
// open; then one warm process per server for the two keystroke loops (the no-debounce yaml-language-server only there), and one for
// completion and hover (cachespec's Release build, yaml-language-server, Native AOT). ReadyToRun is measured cold only.
const results = {};
const log = (line) => console.error(line);
// Other processes on the machine slow every figure: the 1-minute load average is sampled around each measurement and reported.
const loads = [];
const sampleLoad = () => loads.push(Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]));
const servers = [
  ['cachespec', cachespec],
  ['yls', yls],
  ['ylsNoDebounce', ylsNoDebounce],
  ...(builds.r2r ? [['r2r', harness.cachespecServer(builds.r2r.executable, builds.r2r.label)]] : []),
  ...(builds.aot ? [['aot', harness.cachespecServer(builds.aot.executable, builds.aot.label)]] : []),
];
const measuredWarm = (figures) => servers.filter(([key]) => key !== 'r2r' && (figures === 'keystroke' || key !== 'ylsNoDebounce'));
const names = (list) => list.map(([, spec]) => spec.name).join(', ');
for (const size of sizes) {
  const file = files[size];
  log(`== ${size} caches (${lineCount(file)} lines)`);
  const entry = (results[size] = Object.fromEntries(servers.map(([key, spec]) => [key, { name: spec.name, cold: null, warm: null }])));
  sampleLoad();
  log(`   ${startReps} fresh processes of each: ${names(servers)} (load average ${loads.at(-1)})`);
  const cold = await harness.measureColdSideBySide(servers.map(([, spec]) => spec), file, startReps);
  servers.forEach(([key], index) => { entry[key].cold = cold[index]; });
  for (const figures of ['keystroke', 'requests']) {
    const measured = measuredWarm(figures);
    sampleLoad();
    log(`   ${figures}, warm processes: ${names(measured)}: up to ${warmup} (${warmupSeconds} s) + ${reps} rounds per figure (load average ${loads.at(-1)})`);
    const warm = await harness.measureWarmSideBySide(measured.map(([, spec]) => spec), file, reps, { warmup, warmupSeconds, gapMs, figures });
    measured.forEach(([key], index) => {
      const previous = entry[key].warm;
      const merged = { ...previous, ...warm[index] };
      for (const figure of ['keystroke', 'keystrokeMiddle', 'completionValue', 'completionKey', 'hover', 'completionAfterKeystroke']) {
        merged[figure] = [...(previous?.[figure] ?? []), ...warm[index][figure]];
      }
      // The larger of the two warm processes' peaks: each had the file open and took keystrokes.
      merged.peakRssMb = Math.max(previous?.peakRssMb ?? 0, warm[index].peakRssMb);
      entry[key].warm = merged;
    });
  }
  // The absolute budgets on settled requests judge each cachespec build on its own: between its turns, yaml-language-server spends
  // half a second of both cores on each completion at 1,000 caches, and the request measured next meets what it leaves behind.
  for (const [key, spec] of servers.filter(([key]) => key === 'cachespec' || key === 'aot')) {
    sampleLoad();
    log(`   requests, ${spec.name} alone: up to ${warmup} (${warmupSeconds} s) + ${reps} rounds per figure (load average ${loads.at(-1)})`);
    entry[key].alone = await harness.measureWarm(spec, file, reps, { warmup, warmupSeconds, gapMs, figures: 'requests' });
  }
}
sampleLoad();

// 6. The table.
const S = harness.stats;
const ms = (value) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)) : '-');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}x` : '-');
const machine = (() => {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu.trim()}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}`;
})();
const dotnetVersion = sh('dotnet', ['--version']).stdout.trim();
const ylsVersion = JSON.parse(readFileSync(path.join(here, 'node_modules/yaml-language-server/package.json'), 'utf8')).version;
const jsonrpcVersion = JSON.parse(readFileSync(path.join(here, 'node_modules/vscode-jsonrpc/package.json'), 'utf8')).version;
const commit = sh('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo }).stdout.trim();

const md = [];
md.push('# Latency: cachespec and yaml-language-server over stdio');
md.push('');
md.push(`Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; .NET SDK ${dotnetVersion}, Node ${process.version}, ` +
  `yaml-language-server ${ylsVersion}, vscode-jsonrpc ${jsonrpcVersion}, commit ${commit}.`);
md.push('');
const sortedLoads = [...loads].sort((a, b) => a - b);
md.push(`1-minute load average during the run: ${sortedLoads[0].toFixed(1)} to ${sortedLoads.at(-1).toFixed(1)} (median ${sortedLoads[Math.floor(sortedLoads.length / 2)].toFixed(1)}) ` +
  `on ${os.cpus().length} cores; with other work on the machine every figure is slower than on an idle one, both servers alike.`);
md.push('');
md.push(`Command: \`node bench/latency/run.mjs --sizes ${sizes.join(',')} --reps ${reps} --start-reps ${startReps} --warmup ${warmup} --warmup-seconds ${warmupSeconds} --gap ${gapMs}\``);
md.push('');
md.push(`Milliseconds, median / p95 (nearest rank). Start and open: a fresh process per repetition, ${startReps} repetitions per size ` +
  `(so p95 is the slowest of ${startReps} or close to it). Keystroke, completion and hover: warm processes, one per server, size and group ` +
  `of loops (the two keystroke loops; completion and hover); each loop first runs ${warmup} unrecorded rounds in each server (or ${warmupSeconds} s of them, ` +
  `whichever ends first), then ${reps} recorded ones, with a ${gapMs} ms pause after each round, as a typist leaves between keystrokes. ` +
  'Every figure is measured side by side: the servers take turns, one repetition each, the order rotating, so all of them meet the same load ' +
  'on this shared machine; the settled requests are measured a second time with each cachespec build alone, and the absolute budgets ' +
  'on them are judged on those. The ratio is yaml-language-server / cachespec (above 1 means cachespec is faster).');
md.push('');

const row = (figure, a, b, unit = '') => `| ${figure} | ${ms(a.median)}${unit} / ${ms(a.p95)}${unit} | ${ms(b.median)}${unit} / ${ms(b.p95)}${unit} | ${ratio(b.median, a.median)} / ${ratio(b.p95, a.p95)} |`;
for (const size of sizes) {
  const r = results[size];
  const c = r.cachespec;
  const y = r.yls;
  const n = r.ylsNoDebounce;
  md.push(`## ${size} caches (${lineCount(files[size])} lines, ${(readFileSync(files[size]).length / 1024).toFixed(0)} KB)`);
  md.push('');
  md.push('| figure | cachespec (Release build, JIT) | yaml-language-server | ratio (median / p95) |');
  md.push('| --- | ---: | ---: | ---: |');
  md.push(row('start → `initialize` reply', S(c.cold.start), S(y.cold.start)));
  md.push(row('`didOpen` → diagnostics', S(c.cold.open), S(y.cold.open)));
  md.push(row('`didOpen` → diagnostics, yaml-language-server without its 200 ms debounce', S(c.cold.open), S(n.cold.open)));
  md.push(row('keystroke → diagnostics', S(c.warm.keystroke), S(y.warm.keystroke)));
  md.push(row('keystroke → diagnostics, yaml-language-server without its 200 ms debounce', S(c.warm.keystroke), S(n.warm.keystroke)));
  md.push(row('keystroke in the middle → diagnostics, yaml-language-server without its 200 ms debounce', S(c.warm.keystrokeMiddle), S(n.warm.keystrokeMiddle)));
  md.push(row('completion at a value (`tier: `)', S(c.warm.completionValue), S(y.warm.completionValue)));
  md.push(row('completion at a key (`tier`)', S(c.warm.completionKey), S(y.warm.completionKey)));
  md.push(row('hover on a key (`tier`)', S(c.warm.hover), S(y.warm.hover)));
  md.push(row('completion right after a keystroke', S(c.warm.completionAfterKeystroke), S(y.warm.completionAfterKeystroke)));
  md.push(`| peak RSS (VmHWM) after all loops, MB | ${c.warm.peakRssMb.toFixed(0)} | ${y.warm.peakRssMb.toFixed(0)} | ${ratio(y.warm.peakRssMb, c.warm.peakRssMb)} |`);
  md.push('');
  md.push(`Findings published for the file: cachespec ${c.warm.diagnostics}, yaml-language-server ${y.warm.diagnostics}. ` +
    `Completion items at the value / key position: cachespec ${c.warm.completionValueItems} / ${c.warm.completionKeyItems}, ` +
    `yaml-language-server ${y.warm.completionValueItems} / ${y.warm.completionKeyItems}.`);
  md.push('');
}

md.push('## cachespec builds: start and open');
md.push('');
const buildKeys = ['cachespec', ...(builds.r2r ? ['r2r'] : []), ...(builds.aot ? ['aot'] : []), 'yls'];
md.push(`| build | start → \`initialize\` | ${sizes.map((size) => `open → diagnostics, ${size} caches`).join(' | ')} | RSS after open, ${sizes.at(-1)} caches (MB) |`);
md.push(`| --- | ---: | ${sizes.map(() => '---:').join(' | ')} | ---: |`);
for (const key of buildKeys) {
  const starts = sizes.flatMap((size) => results[size][key].cold.start);
  const cells = sizes.map((size) => { const s = S(results[size][key].cold.open); return `${ms(s.median)} / ${ms(s.p95)}`; });
  const s = S(starts);
  md.push(`| ${results[sizes[0]][key].name} | ${ms(s.median)} / ${ms(s.p95)} | ${cells.join(' | ')} | ${results[sizes.at(-1)][key].cold.memoryAfterOpen?.peakRssMb?.toFixed(0) ?? '-'} |`);
}
md.push('');
md.push(`Start pools every fresh process of every size (${startReps * sizes.length} per build); the size does not matter before the first file is opened.`);
if (builds.aot) {
  md.push('');
  md.push('Native AOT in a warm process (same loops as the Release build above):');
  md.push('');
  md.push(`| figure | ${sizes.map((size) => `${size} caches`).join(' | ')} |`);
  md.push(`| --- | ${sizes.map(() => '---:').join(' | ')} |`);
  for (const [figure, key] of [['keystroke → diagnostics', 'keystroke'], ['keystroke in the middle → diagnostics', 'keystrokeMiddle'], ['completion at a value', 'completionValue'], ['completion at a key', 'completionKey'],
    ['hover on a key', 'hover'], ['completion right after a keystroke', 'completionAfterKeystroke']]) {
    md.push(`| ${figure} | ${sizes.map((size) => { const s = S(results[size].aot.warm[key]); return `${ms(s.median)} / ${ms(s.p95)}`; }).join(' | ')} |`);
  }
  md.push(`| peak RSS, MB | ${sizes.map((size) => results[size].aot.warm.peakRssMb.toFixed(0)).join(' | ')} |`);
}
md.push('');
md.push('Settled requests with each cachespec build alone (the same loops in a process of its own, no other server taking turns):');
md.push('');
md.push(`| build and figure | ${sizes.map((size) => `${size} caches`).join(' | ')} |`);
md.push(`| --- | ${sizes.map(() => '---:').join(' | ')} |`);
for (const key of ['cachespec', ...(builds.aot ? ['aot'] : [])]) {
  for (const [figure, field] of [['completion at a value', 'completionValue'], ['completion at a key', 'completionKey'], ['hover on a key', 'hover']]) {
    md.push(`| ${results[sizes[0]][key].name}: ${figure} | ${sizes.map((size) => { const s = S(results[size][key].alone[field]); return `${ms(s.median)} / ${ms(s.p95)}`; }).join(' | ')} |`);
  }
}
md.push('');

// Budgets of issue 7, evaluated on this run.
md.push('## Budgets');
md.push('');
const budgets = [];
const budget = (what, value, limit, unit = 'ms') => budgets.push(`| ${what} | ${Number.isFinite(value) ? value.toFixed(1) : '-'} ${unit} | ${limit} ${unit} | ${value < limit ? 'met' : `**missed** (${(value / limit).toFixed(1)}x)`} |`);
const atLeast = (what, value, limit) => budgets.push(`| ${what} | ${Number.isFinite(value) ? value.toFixed(1) : '-'}x | ≥ ${limit}x | ${value >= limit ? 'met' : '**missed**'} |`);
md.push('| budget | measured | limit | |');
md.push('| --- | ---: | ---: | --- |');
if (results[1000]) {
  const c = results[1000].cachespec.warm;
  budget('1,000 caches, Release (JIT): keystroke → diagnostics p95', S(c.keystroke).p95, 50);
  budget('1,000 caches, Release (JIT): keystroke in the middle → diagnostics p95', S(c.keystrokeMiddle).p95, 50);
  budget('1,000 caches, Release (JIT): completion at a value p95 (settled, alone)', S(results[1000].cachespec.alone.completionValue).p95, 10);
  budget('1,000 caches, Release (JIT): completion at a key p95 (settled, alone)', S(results[1000].cachespec.alone.completionKey).p95, 10);
  budget('1,000 caches, Release (JIT): hover p95 (settled, alone)', S(results[1000].cachespec.alone.hover).p95, 10);
  budget('1,000 caches, Release (JIT): completion p95 right after a keystroke', S(c.completionAfterKeystroke).p95, 50);
  budget('1,000 caches, Release (JIT): peak RSS', c.peakRssMb, 150, 'MB');
}
if (results[1000]?.aot) {
  const a = results[1000].aot.warm;
  budget('1,000 caches, Native AOT: keystroke → diagnostics p95', S(a.keystroke).p95, 50);
  budget('1,000 caches, Native AOT: keystroke in the middle → diagnostics p95', S(a.keystrokeMiddle).p95, 50);
  const alone = results[1000].aot.alone;
  budget('1,000 caches, Native AOT: completion at a value / at a key / hover, worst p95 (settled, alone)', Math.max(S(alone.completionValue).p95, S(alone.completionKey).p95, S(alone.hover).p95), 10);
  budget('1,000 caches, Native AOT: completion p95 right after a keystroke', S(a.completionAfterKeystroke).p95, 50);
  budget('1,000 caches, Native AOT: peak RSS', a.peakRssMb, 150, 'MB');
}
if (results[100]) {
  budget('100 caches, Release (JIT): keystroke → diagnostics p95', S(results[100].cachespec.warm.keystroke).p95, 10);
  budget('100 caches, Release (JIT): keystroke in the middle → diagnostics p95', S(results[100].cachespec.warm.keystrokeMiddle).p95, 10);
  if (results[100].aot) budget('100 caches, Native AOT: keystroke → diagnostics p95', S(results[100].aot.warm.keystroke).p95, 10);
}
for (const key of ['r2r', 'aot']) {
  if (builds[key]) budget(`start → initialize median, ${builds[key].label}`, S(sizes.flatMap((size) => results[size][key].cold.start)).median, 50);
}
for (const size of sizes) {
  const r = results[size];
  for (const key of ['cachespec', 'r2r', 'aot'].filter((k) => r[k])) {
    atLeast(`${size} caches: open → diagnostics, median ratio, yaml-language-server without debounce / ${r[key].name}`, S(r.ylsNoDebounce.cold.open).median / S(r[key].cold.open).median, 10);
  }
  for (const key of ['cachespec', 'aot'].filter((k) => r[k]?.warm)) {
    atLeast(`${size} caches: keystroke → diagnostics, median ratio, yaml-language-server without debounce / ${r[key].name}`, S(r.ylsNoDebounce.warm.keystroke).median / S(r[key].warm.keystroke).median, 10);
    atLeast(`${size} caches: keystroke in the middle → diagnostics, median ratio, yaml-language-server without debounce / ${r[key].name}`, S(r.ylsNoDebounce.warm.keystrokeMiddle).median / S(r[key].warm.keystrokeMiddle).median, 10);
  }
}
md.push(...budgets);
md.push('');
md.push('The tenfold budgets are judged against yaml-language-server without its fixed 200 ms debounce, as cachespec publishes with no pause by default; ' +
  'the rows against the stock server are in the tables above.');
md.push('');

md.push('## Checks before timing');
md.push('');
md.push('A copy of the smallest file with a misspelled key (`publicNetworkAcess`) and an invalid tier (`Premum`), opened in each server:');
md.push('');
for (const check of checks) {
  md.push(`- ${check.server}: ${check.count} findings, among them "${check.aboutKey.message.split('\n')[0]}" and "${check.aboutEnum.message.split('\n')[0]}"`);
}
md.push('');
md.push('## What the figures mean');
md.push('');
md.push('- Both servers run as an editor starts them: `cachespec serve --stdio` with no initialization options (its defaults, as the VS Code extension starts it: no pause before publishing), and ' +
  '`node node_modules/yaml-language-server/bin/yaml-language-server --stdio` with `schemas/cachespec.schema.json` mapped to `*.cachespec.yaml` ' +
  '(pushed with `workspace/didChangeConfiguration` and answered to its `workspace/configuration` requests; schema store off). No workspace folder: only the opened file.');
md.push('- yaml-language-server waits a fixed 200 ms after each change before it validates, and has no setting for it; the "without its 200 ms debounce" rows ' +
  'start it with `--require bench/latency/yls-no-debounce.cjs`, which sets that delay to 0 and changes nothing else.');
md.push('- start: from `spawn` to the `initialize` reply. open: from sending `didOpen` (right after `initialized` and one request that proves the server is idle) ' +
  'to the first `publishDiagnostics` for the file, in a fresh process, so it includes the first-use costs (JIT, schema compilation).');
md.push('- keystroke: one `#` appended at the end of the file (a comment: the findings stay the same, and every rule runs again) to the next ' +
  '`publishDiagnostics` for the file; the loop waits for each before the next. cachespec re-parses only the edited list item ' +
  '(here the last cache, with the comment lines after it) and binds and checks the whole workspace again.');
md.push('- keystroke in the middle: one space appended at the end of the `tier:` line of the middle cache (trailing blanks change no value), so ' +
  'cachespec also shifts the spans of the half of the tree after the edit.');
md.push('- completion and hover: on the `tier:` line of the cache in the middle of the file, on a settled document. "Right after a keystroke": ' +
  'a `didChange` then at once a completion at the value position; the reply time is recorded, then the loop waits for that change\'s diagnostics.');
md.push('- peak RSS: VmHWM from `/proc/<pid>/status` after all loops, the larger of the server\'s two warm processes (both had the file open and took keystrokes).');
for (const note of notes) {
  md.push(`- ${note}`);
}
md.push('');

const text = md.join('\n');
writeFileSync(output, text);
console.log(text);
if (!flag('keep')) {
  rmSync(work, { recursive: true, force: true });
}
