import type { TokenReply } from './token-replies.js';

const NULL_BODY = new Set([101, 204, 205, 304]);

/** The reply as a fetch Response (a fresh one per call: bodies are read once). */
export function toResponse(reply: TokenReply): Response {
  const encoder = new TextEncoder();
  const { body } = reply;
  let stream: ReadableStream<Uint8Array> | string | null;
  if (NULL_BODY.has(reply.status)) stream = null;
  else if (body.kind === 'text') stream = body.text;
  else if (body.kind === 'truncated') {
    stream = new ReadableStream({
      start(controller) {
        controller.enqueue(encoder.encode(body.text));
        controller.error(new TypeError('terminated: other side closed'));
      },
    });
  } else {
    const chunk = encoder.encode(body.chunk.repeat(Math.ceil(4096 / body.chunk.length)));
    let sent = 0;
    stream = new ReadableStream({
      // Endless, but bounded here too: a client that never stops reading fails the time bound.
      pull(controller) {
        sent += chunk.length;
        if (sent > 64 * 1_048_576) controller.error(new Error('read 64 MiB'));
        else controller.enqueue(chunk);
      },
    });
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(reply.headers)) {
    try {
      headers.set(name, value);
    } catch {
      // A generated value that is not a legal header value: a server could not send it either.
    }
  }
  return new Response(stream, { status: reply.status, headers });
}
