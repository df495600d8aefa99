import type { ReplacingFault } from '../faults.js';
import { json, type Reply } from './reply.js';
import type { Route } from './route.js';

/** What a replacing fault answers instead of the route (`reset` never gets here: it answers nothing). */
export function faultReply(fault: ReplacingFault, route: Route): Reply {
  switch (fault.kind) {
    case 'server-error': {
      const status = fault.status ?? 503;
      return json(status, { message: `Simulated ${status} from a fault.` });
    }
    case 'rate-limit':
      return json(
        429,
        { message: 'Too Many Requests (simulated).' },
        { 'Retry-After': String(fault.retryAfterSeconds ?? 1) },
      );
    case 'malformed-token':
      return malformedBody(fault.body, route);
    default:
      return json(500, { message: 'unreachable fault' });
  }
}

function malformedBody(kind: string, route: Route): Reply {
  if (kind === 'html') {
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      text: '<!doctype html><html><head><title>Sign in</title></head><body><form></form></body></html>',
    };
  }
  if (kind === 'truncated-json') {
    return {
      status: 200,
      contentType: 'application/json',
      text: '{"access_token":"eyJhbGciOiJIUz',
    };
  }
  if (kind === 'empty') return { status: 200, contentType: 'application/json', text: '' };
  return json(200, route.missingFieldsBody ?? { token_type: 'Bearer' });
}
