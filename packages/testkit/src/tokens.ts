import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { SimClock } from './clock.js';
import { fingerprintSync } from './fingerprint.js';
import type { MintRecord, VendorName } from './types.js';

/** A token the simulator handed out, and what it may do. */
export interface IssuedToken {
  token: string;
  vendor: VendorName;
  subject: string;
  scopes: string[];
  /** Extra binding checked by routes: the SPARQUE workspace or the Squirro tenant. */
  audience?: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export type TokenCheck =
  | { ok: true; token: IssuedToken }
  | { ok: false; reason: 'missing' | 'unknown' | 'expired' | 'revoked' };

export interface IssueInput {
  vendor: VendorName;
  subject: string;
  scopes?: string[];
  audience?: string;
  lifetimeSeconds: number;
  format: 'jwt' | 'opaque';
  /** JWT issuer claim. */
  issuer?: string;
  /** Seconds the issuing server's clock is off (a clock-skew fault): shifts `iat`/`exp` only. */
  skewSeconds?: number;
}

export interface RevokeFilter {
  vendor?: VendorName;
  subject?: string;
  /** Revoke tokens that carry this scope. */
  scope?: string;
  token?: string;
}

/** Every token issued, so that API routes can tell valid, expired, revoked and made-up tokens apart. */
export class TokenRegistry {
  readonly mints: MintRecord[] = [];
  readonly #tokens = new Map<string, IssuedToken>();
  // Per simulator, so that tokens of one simulator never validate against another.
  readonly #key = new Uint8Array(randomBytes(32));

  constructor(private readonly clock: SimClock) {}

  async issue(input: IssueInput): Promise<IssuedToken> {
    const issuedAt = this.clock.now();
    const expiresAt = issuedAt + input.lifetimeSeconds * 1000;
    const scopes = input.scopes ?? [];
    const token =
      input.format === 'jwt'
        ? await this.#signJwt(input, scopes, issuedAt + (input.skewSeconds ?? 0) * 1000)
        : `sq-${randomBytes(24).toString('base64url')}`;
    const issued: IssuedToken = {
      token,
      vendor: input.vendor,
      subject: input.subject,
      scopes,
      audience: input.audience,
      issuedAt,
      expiresAt,
      revoked: false,
    };
    this.#tokens.set(token, issued);
    this.mints.push({
      vendor: input.vendor,
      scope: scopes.length > 0 ? scopes.join(' ') : undefined,
      subject: input.subject,
      fingerprint: fingerprintSync(token),
      at: issuedAt,
      expiresAt,
    });
    return issued;
  }

  check(token: string | undefined, vendor: VendorName): TokenCheck {
    if (!token) return { ok: false, reason: 'missing' };
    const issued = this.#tokens.get(token);
    if (!issued || issued.vendor !== vendor) return { ok: false, reason: 'unknown' };
    if (issued.revoked) return { ok: false, reason: 'revoked' };
    if (this.clock.now() >= issued.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, token: issued };
  }

  /** Tokens that are neither revoked nor expired, newest last. */
  live(filter: RevokeFilter): IssuedToken[] {
    const now = this.clock.now();
    return [...this.#tokens.values()].filter(
      (t) => !t.revoked && t.expiresAt > now && matches(t, filter),
    );
  }

  revoke(filter: RevokeFilter): number {
    let count = 0;
    for (const issued of this.#tokens.values()) {
      if (issued.revoked || !matches(issued, filter)) continue;
      issued.revoked = true;
      count++;
    }
    return count;
  }

  async #signJwt(input: IssueInput, scopes: string[], iatMs: number): Promise<string> {
    const iat = Math.floor(iatMs / 1000);
    return new SignJWT({ scope: scopes.join(' '), scp: scopes, cid: input.subject })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: 'searchauth-sim' })
      .setSubject(input.subject)
      .setIssuer(input.issuer ?? 'searchauth-sim')
      .setAudience(input.audience ?? 'api://default')
      .setJti(randomUUID())
      .setIssuedAt(iat)
      .setExpirationTime(iat + input.lifetimeSeconds)
      .sign(this.#key);
  }
}

function matches(token: IssuedToken, filter: RevokeFilter): boolean {
  if (filter.vendor && token.vendor !== filter.vendor) return false;
  if (filter.subject && token.subject !== filter.subject) return false;
  if (filter.scope && !token.scopes.includes(filter.scope)) return false;
  if (filter.token && token.token !== filter.token) return false;
  return true;
}
