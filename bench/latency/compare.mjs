// Two builds of cachespec side by side: did a change make any request slower? Each round starts fresh processes of both builds and
// runs every warm loop of the harness (two keystrokes, completion at a value and at a key, hover, completion right after a keystroke)
// with the builds taking turns, one repetition each; the samples of every round are pooled.
//
//   node bench/latency/compare.mjs --before PATH --after PATH --file F.cachespec.yaml [--rounds 3] [--reps 50] [--warmup 100] [--warmup-seconds 15] [--gap 20]
//
// Prints, per figure, both builds' pooled median and p95 and the ratio after / before (above 1.05 means more than 5% slower).
import { readFileSync } from 'node:fs';
import { cachespecServer, commandLineOption, measureWarmSideBySide, stats, warmLoopOptions } from './harness.mjs';

const before = commandLineOption('before', null);
const after = commandLineOption('after', null);
const file = commandLineOption('file', null);
if (!before || !after || !file) {
  console.error('usage: node bench/latency/compare.mjs --before PATH --after PATH --file F.cachespec.yaml [--rounds 3] [--reps 50] [--warmup 100] [--warmup-seconds 15] [--gap 20]');
  process.exit(2);
}
const rounds = Number(commandLineOption('rounds', 3));
const { reps, warmup, warmupSeconds, gapMs } = warmLoopOptions();
const figures = ['keystroke', 'keystrokeMiddle', 'completionValue', 'completionKey', 'hover', 'completionAfterKeystroke'];
const servers = [cachespecServer(before, 'before'), cachespecServer(after, 'after')];
const pooled = servers.map(() => Object.fromEntries(figures.map((figure) => [figure, []])));
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];

console.log(`${file}: before ${before}, after ${after}; ${rounds} rounds of ${reps} per figure, ${gapMs} ms pause`);
for (let round = 0; round < rounds; round++) {
  const results = await measureWarmSideBySide(servers, file, reps, { warmup, warmupSeconds, gapMs });
  results.forEach((result, index) => figures.forEach((figure) => pooled[index][figure].push(...result[figure])));
  console.log(`round ${round + 1} done, load ${loadAverage()}`);
}
const format = (value) => value.toFixed(2).padStart(7);
console.log(`${'figure'.padEnd(26)} ${'before median / p95'.padStart(20)} ${'after median / p95'.padStart(20)}   after / before`);
for (const figure of figures) {
  const [a, b] = pooled.map((samples) => stats(samples[figure]));
  console.log(`${figure.padEnd(26)} ${format(a.median)} / ${format(a.p95)} ${format(b.median)} / ${format(b.p95)}   ${(b.median / a.median).toFixed(3)} / ${(b.p95 / a.p95).toFixed(3)}`);
}
