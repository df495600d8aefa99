/**
 * Reads a stream up to `max` bytes. Returns the bytes as a Blob, or, once the stream proves longer,
 * a new stream that yields everything (what was read and the rest) once.
 */
export async function readUpTo(
  stream: ReadableStream<Uint8Array>,
  max: number,
): Promise<Blob | ReadableStream<Uint8Array>> {
  const reader = stream.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return new Blob(chunks);
    chunks.push(value as Uint8Array<ArrayBuffer>);
    size += value.byteLength;
    if (size > max) {
      return new ReadableStream({
        async pull(controller) {
          const chunk = chunks.shift() ?? (await reader.read()).value;
          chunk ? controller.enqueue(chunk) : controller.close();
        },
        cancel: (reason) => reader.cancel(reason),
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
