import type { JSONWebKeySet } from 'jose';
import { jsonResponse, type Handler } from '../server/http-pipeline.ts';

// The local OIDC issuer's discovery document and keys, as a provider serves
// them (OpenID Connect Discovery 1.0 §4), under /oidc/ of the local server:
// the document names the template's issuer, which the local issuer's tokens
// claim, and points at the keys here.

export const OIDC_DISCOVERY_PATH = '/oidc/.well-known/openid-configuration';
export const OIDC_JWKS_PATH = '/oidc/.well-known/jwks.json';

export interface LocalOidcIssuer {
  issuer: string;
  jwks: JSONWebKeySet;
}

export function oidcDiscoveryRoutes(issuer: LocalOidcIssuer): Record<string, Handler> {
  return {
    [`GET ${OIDC_DISCOVERY_PATH}`]: async (request) =>
      jsonResponse(200, {
        issuer: issuer.issuer,
        jwks_uri: `http://${request.headers.host ?? '127.0.0.1'}${OIDC_JWKS_PATH}`,
        response_types_supported: ['id_token'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      }),
    [`GET ${OIDC_JWKS_PATH}`]: async () => jsonResponse(200, issuer.jwks),
  };
}
