// The README's test command: build everything and run every test suite; the last line sums them as "N passed, N failed".
import { capture, requireTool } from './run.mjs';

requireTool('dotnet', 'install the .NET 10 SDK (https://dot.net).');
const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

function dotnetSuite() {
  const { status, output } = capture('dotnet', ['test', 'LanguageServer.sln', '-c', 'Release', '--nologo']);
  const summaries = [...output.matchAll(/Failed:\s+(\d+), Passed:\s+(\d+), Skipped:\s+(\d+), Total:\s+(\d+)/g)];
  if (summaries.length === 0) {
    console.error('dotnet test printed no summary: the build or the test host failed.');
    broken = true;
  }
  for (const [, failed, passed, skipped] of summaries) {
    totals.failed += Number(failed);
    totals.passed += Number(passed);
    totals.skipped += Number(skipped);
  }
  if (status !== 0 && totals.failed === 0) {
    broken = true;
  }
}

dotnetSuite();
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed + (broken ? 1 : 0)} failed${skipped}`);
process.exit(totals.failed > 0 || broken ? 1 : 0);
