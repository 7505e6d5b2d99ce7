// The keystroke ratio alone, repeated: cachespec and yaml-language-server without its debounce, side by side on one file, for several
// rounds of the harness's two keystroke loops, each round with fresh processes. Where the ratio sits near a budget, one run's figure
// says little; the spread over rounds says how near.
//
//   node bench/latency/tenfold.mjs --cachespec PATH --file F.cachespec.yaml [--rounds 6] [--reps 50] [--warmup 100] [--warmup-seconds 15] [--gap 20]
//
// Prints, per round, both servers' medians and the ratio for a keystroke at the end and in the middle, then the same over every
// round's samples pooled.
import { readFileSync } from 'node:fs';
import { cachespecServer, commandLineOption, measureWarmSideBySide, stats, warmLoopOptions, yamlLanguageServer } from './harness.mjs';

const option = commandLineOption;
const cachespec = option('cachespec', null);
const file = option('file', null);
if (!cachespec || !file) {
  console.error('usage: node bench/latency/tenfold.mjs --cachespec PATH --file F.cachespec.yaml [--rounds 6] [--reps 50] [--warmup 100] [--warmup-seconds 15] [--gap 20]');
  process.exit(2);
}
const rounds = Number(option('rounds', 6));
const { reps, warmup, warmupSeconds, gapMs } = warmLoopOptions();

const servers = [cachespecServer(cachespec, 'cachespec'), yamlLanguageServer({ debounce: false })];
const pooled = servers.map(() => ({ keystroke: [], keystrokeMiddle: [] }));
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
const line = (label, ours, theirs) => {
  const figure = (key) => {
    const [a, b] = [stats(ours[key]).median, stats(theirs[key]).median];
    return `${a.toFixed(2)} vs ${b.toFixed(2)} ms = ${(b / a).toFixed(1)}x`;
  };
  return `${label.padEnd(10)} at the end ${figure('keystroke')}   in the middle ${figure('keystrokeMiddle')}`;
};

console.log(`${file}: cachespec (${cachespec}) against ${servers[1].name}, ${rounds} rounds of ${reps} keystrokes per loop, ${gapMs} ms pause`);
for (let round = 0; round < rounds; round++) {
  const results = await measureWarmSideBySide(servers, file, reps, { warmup, warmupSeconds, gapMs, figures: 'keystroke' });
  results.forEach((result, index) => {
    pooled[index].keystroke.push(...result.keystroke);
    pooled[index].keystrokeMiddle.push(...result.keystrokeMiddle);
  });
  console.log(`${line(`round ${round + 1}`, results[0], results[1])}   load ${loadAverage()}`);
}
console.log(line('pooled', pooled[0], pooled[1]));
