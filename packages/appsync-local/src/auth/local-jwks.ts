import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
} from 'jose';

// The local user pool's signing key. Generated on first start and kept on
// disk, so tokens minted earlier (by `npm run token`, by another process)
// stay valid after a restart. Cognito signs with RS256 and names the key by
// `kid`; verifiers pick it from the pool's public JWKS.
// https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html

const ALGORITHM = 'RS256';
/** the file in the keys' folder that holds the private key */
export const KEY_FILE = 'user-pool-signing-key.json';

export interface LocalUserPoolKeysOptions {
  /** folder that holds the private key (created if missing); keep it out of version control */
  directory: string;
}

export interface LocalUserPoolKeys {
  /** the public keys, as Cognito serves them at `<issuer>/.well-known/jwks.json` */
  jwks: JSONWebKeySet;
  /** signs a claims set as the pool does: RS256, header `{ kid, alg }` */
  sign(claims: JWTPayload): Promise<string>;
}

/** Loads the pool's key from `directory`, generating and saving it the first time. */
export async function loadLocalUserPoolKeys(options: LocalUserPoolKeysOptions): Promise<LocalUserPoolKeys> {
  const { directory } = options;
  const keyFile = join(directory, KEY_FILE);
  const privateJwk = (await readPrivateJwk(keyFile)) ?? (await createPrivateJwk(directory, keyFile));
  const privateKey = await importJWK(privateJwk, ALGORITHM);
  const kid = privateJwk.kid as string;
  const publicJwk: JWK = { kty: privateJwk.kty, n: privateJwk.n, e: privateJwk.e, kid, alg: ALGORITHM, use: 'sig' };
  return {
    jwks: { keys: [publicJwk] },
    sign: (claims) => new SignJWT(claims).setProtectedHeader({ kid, alg: ALGORITHM }).sign(privateKey),
  };
}

async function readPrivateJwk(keyFile: string): Promise<JWK | null> {
  let text: string;
  try {
    text = await readFile(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return null;
    }
    throw error;
  }
  const jwk = parseJson(text);
  if (!isRsaPrivateJwk(jwk)) {
    throw new Error(`${keyFile} does not hold an RSA private key; delete it to have a new one generated`);
  }
  return jwk;
}

/**
 * Several processes may start at once (the dev server, the token CLI, test
 * workers). Each writes its key to a file of its own, then links it into
 * place; linking fails if the key file exists, so the first key wins and
 * every process ends up reading that one.
 */
async function createPrivateJwk(directory: string, keyFile: string): Promise<JWK> {
  await mkdir(directory, { recursive: true });
  const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  jwk.kid = await calculateJwkThumbprint(jwk);
  const candidateFile = `${keyFile}.${randomUUID()}.tmp`;
  await writeFile(candidateFile, JSON.stringify(jwk, null, 2), { mode: 0o600 });
  try {
    await link(candidateFile, keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error;
    }
  } finally {
    await unlink(candidateFile);
  }
  return (await readPrivateJwk(keyFile)) as JWK;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isRsaPrivateJwk(value: unknown): value is JWK {
  const jwk = value as JWK | null;
  return (
    typeof jwk === 'object' &&
    jwk !== null &&
    jwk.kty === 'RSA' &&
    typeof jwk.kid === 'string' &&
    [jwk.n, jwk.e, jwk.d].every((part) => typeof part === 'string')
  );
}
