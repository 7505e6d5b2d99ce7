// The protocol floor: the round trip of a request each server answers at once, with nothing to compute (cachespec: hover on a file
// it does not have; yaml-language-server: codeLens on one; both are the harness's barriers), beside a bare vscode-jsonrpc server
// (echo-server.cjs). What a keystroke costs above this floor is the server's own work.
//
//   node bench/latency/floor.mjs --cachespec PATH [--reps 200] [--rounds 3] [--gap 20]
//
// Each round starts every server afresh and times `reps` requests with the harness's pause after each (and again with none), the
// servers taking turns, so load from other processes falls on all of them alike. Prints the median / p95 of every round's samples.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { cachespecServer, commandLineOption, launch, stats, yamlLanguageServer } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const option = commandLineOption;
const cachespec = option('cachespec', null);
if (!cachespec) {
  console.error('usage: node bench/latency/floor.mjs --cachespec PATH [--reps 200] [--rounds 3] [--gap 20]');
  process.exit(2);
}
const reps = Number(option('reps', 200));
const rounds = Number(option('rounds', 3));
const gapMs = Number(option('gap', 20));

const echo = {
  name: 'vscode-jsonrpc echo server',
  command: process.execPath,
  args: [path.join(here, 'echo-server.cjs')],
  languageId: 'cachespec',
  initializationOptions: undefined,
  async afterInitialized() {},
  barrier: (server) => server.request('textDocument/hover', { textDocument: { uri: 'file:///nonexistent.cachespec.yaml' }, position: { line: 0, character: 0 } }),
};
const servers = [cachespecServer(cachespec, 'cachespec'), yamlLanguageServer({ debounce: false }), echo];
const samples = new Map(servers.map((spec) => [spec.name, { paused: [], backToBack: [] }]));

for (let round = 0; round < rounds; round++) {
  for (const spec of servers) {
    const server = await launch(spec);
    try {
      for (const [gap, into] of [[gapMs, samples.get(spec.name).paused], [0, samples.get(spec.name).backToBack]]) {
        for (let i = 0; i < reps; i++) {
          const sent = performance.now();
          await spec.barrier(server);
          into.push(performance.now() - sent);
          if (gap > 0) {
            await new Promise((resolve) => setTimeout(resolve, gap));
          }
        }
      }
    } finally {
      await server.stop();
    }
  }
}

const format = (values) => {
  const { median, p95 } = stats(values);
  return `${median.toFixed(2)} / ${p95.toFixed(2)}`;
};
console.log(`| server | round trip, ${gapMs} ms pause after each | round trip, back to back |`);
console.log('| --- | ---: | ---: |');
for (const [name, { paused, backToBack }] of samples) {
  console.log(`| ${name} | ${format(paused)} | ${format(backToBack)} |`);
}
console.log(`\nMilliseconds, median / p95 of ${rounds} x ${reps} requests per server and column.`);
