// The README's main command: build the cachespec executable and check the example specs with it.
import { run, requireTool } from './run.mjs';

requireTool('dotnet', 'install the .NET 10 SDK (https://dot.net).');
if (run('dotnet', ['build', 'server/CacheSpec.Server', '-c', 'Release', '--nologo', '-v', 'quiet']) !== 0) {
  process.exit(1);
}
// The examples include a deliberately wrong spec, so findings do not make this command fail.
const status = run('dotnet', ['run', '--project', 'server/CacheSpec.Server', '-c', 'Release', '--no-build', '--', 'check', 'examples/', '--fail-on', 'none']);
process.exit(status);
