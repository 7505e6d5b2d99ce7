// Servers started by one test file, all stopped when its tests are done.
import { after } from 'node:test';
import { startServer } from './lsp-harness.mjs';

/** A start(options) for the calling test file: each server it starts is killed after the file's tests. */
export function serverStarter() {
  const started = [];
  after(() => started.forEach((server) => server.kill()));
  return async function start(options) {
    const server = await startServer(options);
    started.push(server);
    return server;
  };
}
