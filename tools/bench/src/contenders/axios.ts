import { Agent } from 'node:http';
import axios from 'axios';
import { createAuthRefresh } from 'axios-auth-refresh';
import type { Contender } from './types.js';

/** Same connection limit as the pooled fetch the other contenders use. */
export const axiosAgent = new Agent({ keepAlive: true, maxSockets: 256 });

/**
 * axios-auth-refresh as its README shows: a request interceptor sets the stored token, and on a 401
 * the refresh logic fetches a new one and sets it on the failed request, which is then retried.
 */
export const axiosAuthRefresh: Contender = {
  name: 'axios + axios-auth-refresh',
  wiring: 'request interceptor + `createAuthRefresh(instance, refreshAuthLogic)` from its README',
  create({ origin, clientId, clientSecret }) {
    let token: string | undefined;
    const instance = axios.create({ baseURL: origin, httpAgent: axiosAgent });
    instance.interceptors.request.use((request) => {
      request.headers.Authorization = `Bearer ${token}`;
      return request;
    });
    // Its types name axios's CommonJS declarations, ours the ESM ones: the same class.
    createAuthRefresh(
      instance as Parameters<typeof createAuthRefresh>[0],
      async (failedRequest) => {
        const response = await axios.post(`${origin}/token`, 'grant_type=client_credentials', {
          auth: { username: clientId, password: clientSecret },
          httpAgent: axiosAgent,
        });
        token = response.data.access_token as string;
        failedRequest.response.config.headers.Authorization = `Bearer ${token}`;
      },
    );
    return {
      // axios rejects on a non-2xx status.
      get: async (path) => void (await instance.get(path)),
      dispose() {},
    };
  },
};
