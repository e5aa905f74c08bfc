/**
 * Bearer authentication for the endpoints that cost work or touch stored data: an API key from
 * API_KEYS (compared in constant time) or a Supabase JWT signed with SUPABASE_JWT_SECRET (HS256,
 * checked with jose: signature, an `exp` that is required and not past, the issuer when
 * SUPABASE_JWT_ISSUER is set, role authenticated or service_role, and the audience). With neither
 * configured the endpoints are open (local `npm start`); AUTH_REQUIRED=true refuses that.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { jwtVerify } from 'jose';
import { HttpError } from './errors.ts';

export interface Principal {
  /** Who, for logs and created_by: `key:<first 8 hex of the key's sha256>` or `user:<sub>`. */
  id: string;
  kind: 'api-key' | 'jwt' | 'anonymous';
  role?: string;
  /** A Supabase user whose app_metadata.role is 'admin' (only the service role can set it). */
  admin?: boolean;
}

export interface Authenticator {
  readonly enabled: boolean;
  authenticate(header: string | undefined): Promise<Principal>;
}

const ACCEPTED_ROLES = new Set(['authenticated', 'service_role']);

export interface JwtRules {
  /** The `aud` a user token must carry (Supabase: 'authenticated'). */
  audience: string;
  /** Accepted `iss` values; empty: not checked. */
  issuers: string[];
}

export function createAuthenticator(
  apiKeys: string[],
  jwtSecret: string | undefined,
  rules: JwtRules = { audience: 'authenticated', issuers: [] },
): Authenticator {
  const keys = apiKeys.map((k) => createHash('sha256').update(k).digest());
  const secret = jwtSecret ? new TextEncoder().encode(jwtSecret) : undefined;
  const enabled = keys.length > 0 || !!secret;

  const deny = (message: string) => new HttpError(401, 'UNAUTHORIZED', message, { 'www-authenticate': 'Bearer realm="vectis"' });

  return {
    enabled,
    async authenticate(header) {
      if (!enabled) return { id: 'anonymous', kind: 'anonymous' };
      const m = /^Bearer\s+([^\s]+)\s*$/i.exec(header ?? '');
      if (!m) throw deny('This endpoint needs "Authorization: Bearer <API key or Supabase JWT>".');
      const token = m[1]!;
      const digest = createHash('sha256').update(token).digest();
      for (const k of keys) {
        if (timingSafeEqual(k, digest)) return { id: `key:${digest.toString('hex').slice(0, 8)}`, kind: 'api-key' };
      }
      if (secret && token.split('.').length === 3) {
        try {
          // A token without exp would be valid for ever: a leaked one could never be retired.
          const { payload } = await jwtVerify(token, secret, {
            algorithms: ['HS256'],
            requiredClaims: ['exp'],
            issuer: rules.issuers.length ? rules.issuers : undefined,
          });
          const role = typeof payload.role === 'string' ? payload.role : undefined;
          if (!role || !ACCEPTED_ROLES.has(role)) throw deny("The token's role may not use this endpoint.");
          // User tokens must be meant for this audience (one project secret signs tokens for other
          // services too). Supabase's service-role key carries no aud at all: checked when present.
          const audiences = payload.aud === undefined ? [] : Array.isArray(payload.aud) ? payload.aud : [payload.aud];
          if ((role === 'authenticated' || audiences.length > 0) && !audiences.includes(rules.audience)) {
            throw deny('The token is not meant for this service (audience).');
          }
          // A user's identity is its subject: without one, every such token would be one shared owner.
          if (role === 'authenticated' && !payload.sub) throw deny('The token has no subject.');
          const appMetadata = payload.app_metadata as { role?: unknown } | undefined;
          const admin = role === 'authenticated' && appMetadata?.role === 'admin';
          return { id: role === 'authenticated' ? `user:${payload.sub}` : `role:${role}`, kind: 'jwt', role, admin };
        } catch (e) {
          if (e instanceof HttpError) throw e;
          throw deny('The bearer token is invalid or expired.');
        }
      }
      throw deny('The bearer token is not a valid API key or token.');
    },
  };
}
