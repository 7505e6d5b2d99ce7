// The least a language server over stdio can do: vscode-jsonrpc answering every request with null at once. floor.mjs times it
// beside the real servers, to show what a round trip costs before any server does any work.
const rpc = require('vscode-jsonrpc/node');

const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(process.stdin), new rpc.StreamMessageWriter(process.stdout));
connection.onRequest('initialize', () => ({ capabilities: {} }));
connection.onRequest(() => null);
connection.onNotification('exit', () => process.exit(0));
connection.onNotification(() => {});
connection.listen();
