type Chunk = Uint8Array<ArrayBuffer> | string;

/**
 * Reads a stream, or any async iterable of bytes or strings (a Node `stream.Readable`, a
 * generator), up to `max` bytes. Returns the bytes as a Blob, or, once the body proves longer, a
 * new stream that yields everything (what was read and the rest) once.
 */
export async function readUpTo(
  stream: ReadableStream<Uint8Array> | AsyncIterable<Chunk>,
  max: number,
): Promise<Blob | ReadableStream<Uint8Array>> {
  // A stream reader and an async iterator both answer { done, value }; neither needs a node: import.
  let read: () => Promise<{ done?: boolean; value?: Chunk }>;
  let stop: (reason: unknown) => unknown;
  if (stream instanceof ReadableStream) {
    const reader = stream.getReader() as ReadableStreamDefaultReader<Chunk>;
    read = () => reader.read();
    stop = (reason) => reader.cancel(reason);
  } else {
    const iterator = stream[Symbol.asyncIterator]();
    read = () => iterator.next();
    stop = (reason) => iterator.return?.(reason);
  }
  const next = async () => {
    const { done, value } = await read();
    return done ? undefined : typeof value === 'string' ? new TextEncoder().encode(value) : value;
  };
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (;;) {
    const value = await next();
    if (!value) return new Blob(chunks);
    chunks.push(value);
    size += value.byteLength;
    if (size > max) {
      return new ReadableStream({
        async pull(controller) {
          const chunk = chunks.shift() ?? (await next());
          chunk ? controller.enqueue(chunk) : controller.close();
        },
        cancel: async (reason) => {
          await stop(reason);
        },
      });
    }
  }
}

/** A response body as text, or undefined (and the rest discarded) when it exceeds `max` bytes. */
export async function readText(response: Response, max: number): Promise<string | undefined> {
  const body = response.body && (await readUpTo(response.body, max));
  if (body instanceof ReadableStream) return void discard(body);
  return body ? body.text() : '';
}

export function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text as string);
  } catch {}
}

/** Frees a response's connection (or a stream) without reading the body. */
export function discard(response: {
  cancel?(): Promise<void>;
  body?: ReadableStream | null;
}): void {
  (response.body ?? response).cancel?.().catch(() => {});
}
