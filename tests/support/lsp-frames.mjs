// Content-Length framing over a child process's stdio, shared by the scripts that drive the server by hand (the packaging tests,
// the VS Code smoke run). A frame's body is UTF-8 JSON; frames may arrive split or several in one chunk.

/** Calls `onMessage` with each message the stream carries, in order. */
export function readFrames(readable, onMessage) {
  let buffer = Buffer.alloc(0);
  readable.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      buffer = buffer.subarray(headerEnd + 4 + length);
      onMessage(message);
    }
  });
}

/** Writes one message as a frame. */
export function writeFrame(writable, message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  writable.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
}
