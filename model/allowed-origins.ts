// Allowed browser origins, read the same way by the cloud stack (CloudFront's
// CORS policy, from `-c allowedOrigins`) and the local server (ALLOWED_ORIGINS):
// comma-separated browser origins, or `*` alone.

/**
 * The usual ports of front-end dev servers (Create React App and Next.js;
 * Vite): allowed by default by the dev stack and by the local server, so a
 * frontend on a laptop works against either with no setting.
 */
export const DEV_ALLOWED_ORIGINS = ['http://localhost:3000', 'http://localhost:5173'];

/** The value that allows every origin; it must be asked for explicitly and alone. */
export const ANY_ORIGIN = '*';

/**
 * The origins in a comma-separated list such as
 * `https://app.example.com, http://localhost:5173`; a blank list gives `[]`.
 * Throws as assertValidOrigins does.
 */
export function parseAllowedOrigins(value: string): string[] {
  const origins = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  assertValidOrigins(origins);
  return origins;
}

/**
 * Throws unless every entry is an origin exactly as browsers send it in the
 * `Origin` header (scheme, lower-case host, port only when not the default, no
 * path), since CORS compares origins as plain strings, and unless `*` stands
 * alone.
 */
export function assertValidOrigins(origins: string[]): void {
  if (origins.includes(ANY_ORIGIN) && origins.length > 1) {
    throw new Error(`allowed origins: "${ANY_ORIGIN}" allows every origin, so list it alone`);
  }
  for (const origin of origins.filter((entry) => entry !== ANY_ORIGIN)) {
    assertOrigin(origin);
  }
}

function assertOrigin(origin: string): void {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`allowed origins: "${origin}" is not an origin; write it like https://app.example.com`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`allowed origins: "${origin}" must start with https:// or http://`);
  }
  if (url.origin !== origin) {
    throw new Error(
      `allowed origins: write "${origin}" as "${url.origin}", the form browsers send in the Origin header`,
    );
  }
}
