import { requireBearer } from '../http/auth.js';
import type { RouteContext } from '../http/context.js';
import { fail, json, type Reply } from '../http/reply.js';
import { at, type Route } from '../http/route.js';
import type { SimState } from '../state.js';
import { lucidworksErrorBody as errorBody } from './lucidworks-identity.js';

const VENDOR = 'lucidworks-springboard';
const PUSH_SCOPE = 'datasource.push';
const MAX_DOCUMENTS = 200;
/** The docs' "1 MB" per request, read as 1,000,000 bytes. */
const MAX_BYTES = 1_000_000;
const PATH = '/push/datasources/:datasourceId/documents';

type Item = Record<string, unknown>;

/** The Push API (path assumed by the spec): save with POST, delete with DELETE. */
export function springboardPushRoutes(state: SimState): Route[] {
  const pushed = new Map<string, Item>();
  const route = (method: 'POST' | 'DELETE', endpoint: string): Route => ({
    vendor: VENDOR,
    endpoint,
    method,
    ...at(PATH),
    handle: (ctx) => push(ctx, state, pushed, method),
  });
  return [route('POST', 'push-save'), route('DELETE', 'push-delete')];
}

async function push(
  ctx: RouteContext,
  state: SimState,
  pushed: Map<string, Item>,
  method: string,
): Promise<Reply> {
  requireBearer(ctx, state, { vendor: VENDOR, scope: PUSH_SCOPE, errorBody });
  if (ctx.params.datasourceId !== state.credentials[VENDOR].datasourceId) {
    return json(404, errorBody(404, `No push data source ${ctx.params.datasourceId}.`));
  }
  const bytes = Buffer.byteLength(await ctx.text());
  if (bytes > MAX_BYTES) {
    return json(
      413,
      errorBody(413, `The body is ${bytes} bytes; at most ${MAX_BYTES} per request.`),
    );
  }
  const body = await ctx.json();
  if (!Array.isArray(body) || body.length === 0)
    fail(400, errorBody(400, 'The body must be a non-empty array of documents.'));
  if (body.length > MAX_DOCUMENTS)
    fail(400, errorBody(400, `At most ${MAX_DOCUMENTS} documents per request.`));
  const ids = body.map((item: Item, index) => {
    const externalId = (item?.object as Item | undefined)?.externalId;
    if (typeof externalId !== 'string' || externalId === '') {
      fail(400, errorBody(400, `Document ${index}: object.externalId is required.`));
    }
    if (method === 'POST') {
      if (item.type !== 'content')
        fail(400, errorBody(400, `Document ${index}: type must be "content".`));
      const title = (item.document as Item | undefined)?.title;
      if (typeof title !== 'string' || title === '')
        fail(400, errorBody(400, `Document ${index}: document.title is required.`));
    }
    return externalId;
  });
  if (method === 'POST') {
    for (const [i, item] of body.entries()) pushed.set(ids[i] as string, item as Item);
    return json(200, { saved: ids.length, total: pushed.size });
  }
  const deleted = ids.filter((id) => pushed.delete(id)).length;
  return json(200, { deleted, total: pushed.size });
}
