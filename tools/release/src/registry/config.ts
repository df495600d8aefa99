import { stringify } from 'yaml';

export interface RegistryConfigOptions {
  /** Absolute folder for packages and the htpasswd file; thrown away after the run. */
  storage: string;
  /** Registry that third-party dependencies (jose, openapi-fetch, typescript...) come from. */
  uplink: string;
}

/**
 * verdaccio config: @searchauth/* is served only from what we publish (no uplink, so a same-named
 * package on the public registry can never stand in for ours); everything else is proxied.
 */
export function registryConfig({ storage, uplink }: RegistryConfigOptions): string {
  return stringify({
    storage: `${storage}/packages`,
    auth: { htpasswd: { file: `${storage}/htpasswd`, max_users: 10 } },
    uplinks: { npmjs: { url: uplink, timeout: '60s', max_fails: 5 } },
    packages: {
      '@searchauth/*': { access: '$all', publish: '$authenticated', unpublish: '$authenticated' },
      '**': { access: '$all', publish: '$authenticated', proxy: 'npmjs' },
    },
    web: { enable: false },
    middlewares: { audit: { enabled: false } },
    max_body_size: '50mb',
    log: { type: 'stdout', format: 'pretty', level: 'warn' },
  });
}
