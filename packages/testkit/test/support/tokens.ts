import type { Simulator } from '../../src/index.js';
import { LUCIDWORKS_TOKEN_HEADERS } from '../../src/vendors/lucidworks-identity.js';
import { basic, call } from './http.js';

export async function sparqueToken(sim: Simulator, forceReauth = false): Promise<string> {
  const c = sim.credentials.sparque;
  const res = await call('sparque', sim.urls.sparque.tokenUrl, {
    method: 'POST',
    json: {
      WorkspaceName: c.workspace,
      ClientId: c.clientId,
      ClientSecret: c.clientSecret,
      ForceReauth: forceReauth,
    },
  });
  if (res.status !== 200) throw new Error(`sparque token: ${res.status}`);
  return res.body.accessToken;
}

export async function lucidworksToken(
  sim: Simulator,
  vendor: 'lucidworks-springboard' | 'lucidworks-ai',
  scope: string,
): Promise<string> {
  const c = sim.credentials[vendor];
  const url = `${sim.urls[vendor].tokenUrl}?grant_type=client_credentials&scope=${encodeURIComponent(scope)}`;
  const res = await call(vendor, url, {
    method: 'POST',
    headers: { ...LUCIDWORKS_TOKEN_HEADERS, authorization: basic(c.clientId, c.clientSecret) },
  });
  if (res.status !== 200) throw new Error(`${vendor} token: ${res.status}`);
  return res.body.access_token;
}

export async function squirroToken(
  sim: Simulator,
  refreshToken = sim.credentials.squirro.refreshToken,
) {
  const res = await call('squirro', sim.urls.squirro.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
  });
  if (res.status !== 200) throw new Error(`squirro token: ${res.status}`);
  return res.body.access_token as string;
}

export async function oauth2Token(sim: Simulator): Promise<string> {
  const c = sim.credentials.oauth2;
  const res = await call('oauth2', sim.urls.oauth2.tokenUrl, {
    method: 'POST',
    headers: { authorization: basic(c.clientId, c.clientSecret) },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  if (res.status !== 200) throw new Error(`oauth2 token: ${res.status}`);
  return res.body.access_token;
}
