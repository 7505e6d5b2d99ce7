// The protocol fuzz (fuzz.mjs) as part of the node suite: 30 seconds by default, CACHESPEC_FUZZ_SECONDS for longer, and
// CACHESPEC_FUZZ_SEED to replay a run. The seed and the figures are printed whatever the outcome.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFuzz } from './fuzz.mjs';

const seconds = Number(process.env.CACHESPEC_FUZZ_SECONDS ?? 30);
const seed = process.env.CACHESPEC_FUZZ_SEED === undefined ? undefined : Number(process.env.CACHESPEC_FUZZ_SEED) >>> 0;

test(`fuzz: random valid and invalid messages for ${seconds} s`, { timeout: (seconds + 180) * 1000 }, async (t) => {
  const figures = await runFuzz({ seconds, seed, log: (line) => t.diagnostic(line) });
  assert.ok(figures.messages > 0, 'no message was sent');
  assert.deepEqual(figures.crashes.map((crash) => `exit ${crash.code} after ${crash.messages} messages; last: ${crash.lastSent.at(-1)}`), [], `seed ${figures.seed}: the server crashed`);
  assert.deepEqual(figures.internalErrors, [], `seed ${figures.seed}: internal errors`);
  assert.deepEqual(figures.unexpected, [], `seed ${figures.seed}: answers a valid request may not get`);
  assert.deepEqual(figures.lost, [], `seed ${figures.seed}: requests without a response`);
  assert.deepEqual(figures.violations, [], `seed ${figures.seed}: protocol violations in the server's output`);
  assert.equal(figures.finalCheck, 'passed', `seed ${figures.seed}`);
  assert.equal(figures.exitCode, 0, `seed ${figures.seed}: shutdown and exit must end the process with 0`);
});
