import { randomUUID } from 'node:crypto';
import type { TokenSigner } from './cognito-tokens.ts';

// ID tokens of the local stand-in for an API's OpenID Connect provider: they
// claim the template's issuer, so the API accepts them as the provider's, and
// are signed by the local issuer's key (whose JWKS the local server serves).
// Claims as OpenID Connect Core 1.0 §2 names them.

export interface OidcTokenOptions {
  /** `iss`: the provider the API trusts */
  issuer: string;
  /** `sub` */
  subject: string;
  /** `aud`: the client id the API expects; default `appsync-local` */
  audience?: string;
  /** further claims (`email`, `groups`, …) */
  claims?: Record<string, unknown>;
  /** @default 3600 */
  expiresInSeconds?: number;
  /** `iat`; default now */
  issuedAt?: Date;
  /** `auth_time`, when the user signed in; default `issuedAt` */
  authTime?: Date;
}

export async function mintOidcToken(signer: TokenSigner, options: OidcTokenOptions): Promise<string> {
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
  const issuedAt = seconds(options.issuedAt ?? new Date());
  return signer.sign({
    ...options.claims,
    iss: options.issuer,
    sub: options.subject,
    aud: options.audience ?? 'appsync-local',
    iat: issuedAt,
    auth_time: options.authTime ? seconds(options.authTime) : issuedAt,
    exp: issuedAt + (options.expiresInSeconds ?? 3600),
    jti: randomUUID(),
  });
}
