import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { AuthenticationResult, IncomingRequestCredentials, RequestAuthenticator } from '../types.ts';
import { sourceIps } from './source-ips.ts';

// AWS_IAM authorization: the caller signs the request with Signature Version
// 4 for the service `appsync` (Amplify and aws-appsync-auth-link do), either in
// the Authorization header or in the query string (X-Amz-Signature, …). The
// signature is checked here against local credentials instead of IAM; every
// credential that signs correctly may call, as if its IAM policy allowed
// `appsync:GraphQL` on every field (policies are not evaluated locally).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html
//
// Refusals as AppSync answers them (AWS documents neither status nor wording;
// these are the answers clients report):
// - a signature that does not match: 403 InvalidSignatureException
//   (aws-amplify/amplify-js#2422: "403", "x-amzn-ErrorType=InvalidSignatureException");
// - an access key or session token the service does not know: 403
//   UnrecognizedClientException, "The security token included in the request
//   is invalid." (aws-amplify/amplify-js#3447);
// - an X-Amz-Date more than 5 minutes off: 403, "Signature expired: … is now
//   earlier than … (… - 5 min.)" (awslabs/aws-mobile-appsync-sdk-js#385,
//   #620 for "Signature not yet current");
// - an Authorization header that is no signature (a JWT sent to an IAM API):
//   IncompleteSignatureException (aws-amplify/amplify-js#2035), listing what
//   the header lacks as AWS services word it;
// - no credentials at all on an API whose default mode is IAM:
//   MissingAuthenticationTokenException (aws-amplify/amplify-js#1311).

export const SIGV4_SERVICE = 'appsync';

/** What AppSync shows as `ctx.identity` for an IAM caller, but `sourceIp`, which comes from the request. */
export interface IamIdentity {
  accountId: string;
  userArn: string;
  /** the IAM user's or role session's unique id, e.g. `AIDA…` or `AROA…:CognitoIdentityCredentials` */
  username: string;
  cognitoIdentityPoolId: string | null;
  cognitoIdentityId: string | null;
  /** `authenticated` or `unauthenticated` for Cognito identity pool credentials */
  cognitoIdentityAuthType: string | null;
  cognitoIdentityAuthProvider: string | null;
}

export interface LocalIamCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** temporary credentials: every request signed with them must carry this X-Amz-Security-Token */
  sessionToken?: string;
  identity: IamIdentity;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const ALLOWED_SKEW_MS = 5 * 60 * 1000;

type Refusal = Extract<AuthenticationResult, { ok: false }>;

function refusal(errorType: string, message: string): Refusal {
  return { ok: false, status: 403, errorType, message };
}

const SIGNATURE_MISMATCH = refusal(
  'InvalidSignatureException',
  'The request signature we calculated does not match the signature you provided. ' +
    'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
);
const UNKNOWN_TOKEN = refusal('UnrecognizedClientException', 'The security token included in the request is invalid.');
export const MISSING_SIGNATURE = refusal('MissingAuthenticationTokenException', 'Missing Authentication Token');

/** Whether the request carries a SigV4 signature, in a header or in its query string. */
export function hasSigV4Signature(request: IncomingRequestCredentials): boolean {
  return (
    (request.headers.authorization ?? '').startsWith(`${ALGORITHM} `) ||
    request.searchParams?.get('X-Amz-Algorithm') === ALGORITHM
  );
}

interface SignatureParts {
  credential?: string;
  signedHeaders?: string;
  signature?: string;
  amzDate?: string;
  securityToken?: string;
  /** query form only: how long the signature is good for */
  expiresSeconds?: number;
  /** header form only: the Authorization header as sent */
  header?: string;
  fromQuery: boolean;
}

function signatureParts(request: IncomingRequestCredentials): SignatureParts {
  const query = request.searchParams;
  if (query?.get('X-Amz-Algorithm') === ALGORITHM) {
    return {
      credential: query.get('X-Amz-Credential') ?? undefined,
      signedHeaders: query.get('X-Amz-SignedHeaders') ?? undefined,
      signature: query.get('X-Amz-Signature') ?? undefined,
      amzDate: query.get('X-Amz-Date') ?? undefined,
      securityToken: query.get('X-Amz-Security-Token') ?? undefined,
      expiresSeconds: query.has('X-Amz-Expires') ? Number(query.get('X-Amz-Expires')) : undefined,
      fromQuery: true,
    };
  }
  const header = request.headers.authorization ?? '';
  const fields = new Map<string, string>();
  for (const part of (header.startsWith(`${ALGORITHM} `) ? header.slice(ALGORITHM.length) : '').split(',')) {
    const separator = part.indexOf('=');
    if (separator > 0) {
      fields.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim());
    }
  }
  return {
    credential: fields.get('Credential'),
    signedHeaders: fields.get('SignedHeaders'),
    signature: fields.get('Signature'),
    amzDate: request.headers['x-amz-date'],
    securityToken: request.headers['x-amz-security-token'],
    header,
    fromQuery: false,
  };
}

function incomplete(parts: SignatureParts): Refusal | undefined {
  const where = parts.fromQuery ? 'query string' : 'Authorization header';
  const missing = [
    ['Credential', parts.credential],
    ['Signature', parts.signature],
    ['SignedHeaders', parts.signedHeaders],
  ]
    .filter(([, value]) => !value)
    .map(([name]) => `${where} requires '${name}' parameter.`);
  if (!parts.amzDate) {
    missing.push(
      parts.fromQuery
        ? `${where} requires existence of a 'X-Amz-Date' parameter.`
        : `${where} requires existence of either a 'X-Amz-Date' or a 'Date' header.`,
    );
  }
  if (missing.length === 0) {
    return undefined;
  }
  // the header form's message ends with the header it could not read
  const sent = parts.fromQuery ? '' : ` Authorization=${parts.header}`;
  return refusal('IncompleteSignatureException', `${missing.join(' ')}${sent}`);
}

/** `20250101T120000Z` as a time, or NaN. */
function parseAmzDate(amzDate: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  return match
    ? Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5], +match[6])
    : Number.NaN;
}

function amzDateOf(time: number): string {
  return new Date(time).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The wording AWS services use for a signature outside the 5 minutes around now. */
function outsideClockWindow(parts: SignatureParts, now: number): Refusal | undefined {
  const signedAt = parseAmzDate(parts.amzDate!);
  if (Number.isNaN(signedAt)) {
    return SIGNATURE_MISMATCH;
  }
  const latest = parts.expiresSeconds === undefined ? signedAt + ALLOWED_SKEW_MS : signedAt + parts.expiresSeconds * 1000;
  if (now > latest) {
    return refusal(
      'InvalidSignatureException',
      `Signature expired: ${parts.amzDate} is now earlier than ${amzDateOf(now - ALLOWED_SKEW_MS)} (${amzDateOf(now)} - 5 min.)`,
    );
  }
  if (signedAt > now + ALLOWED_SKEW_MS) {
    return refusal(
      'InvalidSignatureException',
      `Signature not yet current: ${parts.amzDate} is still later than ${amzDateOf(now + ALLOWED_SKEW_MS)} (${amzDateOf(now)} + 5 min.)`,
    );
  }
  return undefined;
}

/** RFC 3986 encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') {
      continue;
    }
    if (segment === '..') {
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return escapeUri(`/${segments.join('/')}${trailing}`).replace(/%2F/g, '/');
}

function canonicalQuery(query: URLSearchParams | undefined): string {
  const pairs = [...(query ?? [])]
    .filter(([key]) => key !== 'X-Amz-Signature')
    .map(([key, value]) => [escapeUri(key), escapeUri(value)]);
  pairs.sort(([keyA, valueA], [keyB, valueB]) => (keyA === keyB ? compare(valueA, valueB) : compare(keyA, keyB)));
  return pairs.map(([key, value]) => `${key}=${value}`).join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function canonicalRequest(request: IncomingRequestCredentials, signedHeaders: string[], payloadHash: string): string {
  const headerLines = signedHeaders.map(
    (name) => `${name}:${(request.headers[name] ?? '').trim().replace(/\s+/g, ' ')}`,
  );
  return [
    request.method ?? 'GET',
    canonicalPath(request.path ?? '/'),
    canonicalQuery(request.searchParams),
    `${headerLines.join('\n')}\n`,
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

export function createSigV4Authenticator(credentials: readonly LocalIamCredentials[]): RequestAuthenticator {
  const byAccessKey = new Map(credentials.map((credential) => [credential.accessKeyId, credential]));
  return async (request) => {
    const parts = signatureParts(request);
    const missing = incomplete(parts);
    if (missing) {
      return missing;
    }
    const [accessKeyId, date, region, service, terminator] = parts.credential!.split('/');
    if (terminator !== 'aws4_request' || !date || !region) {
      return refusal('IncompleteSignatureException', `Credential should be scoped to a valid region. `);
    }
    if (service !== SIGV4_SERVICE) {
      return refusal('InvalidSignatureException', `Credential should be scoped to correct service: '${SIGV4_SERVICE}'. `);
    }
    const credential = byAccessKey.get(accessKeyId);
    if (!credential || (credential.sessionToken ?? undefined) !== parts.securityToken) {
      return UNKNOWN_TOKEN;
    }
    const stale = outsideClockWindow(parts, Date.now());
    if (stale) {
      return stale;
    }
    const bodyHash = sha256Hex((await request.body?.()) ?? Buffer.alloc(0));
    const declaredHash = request.headers['x-amz-content-sha256'];
    if (declaredHash !== undefined && declaredHash !== 'UNSIGNED-PAYLOAD' && declaredHash !== bodyHash) {
      return refusal('InvalidSignatureException', "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    const signedHeaders = parts.signedHeaders!.split(';');
    if (!signedHeaders.includes('host')) {
      return SIGNATURE_MISMATCH;
    }
    const scope = `${date}/${region}/${service}/aws4_request`;
    const stringToSign = [ALGORITHM, parts.amzDate, scope, sha256Hex(canonicalRequest(request, signedHeaders, declaredHash ?? bodyHash))].join('\n');
    const signingKey = [date, region, service, 'aws4_request'].reduce<Buffer | string>(
      (key, part) => hmac(key, part),
      `AWS4${credential.secretAccessKey}`,
    );
    const expected = Buffer.from(hmac(signingKey, stringToSign).toString('hex'));
    const given = Buffer.from(parts.signature!);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return SIGNATURE_MISMATCH;
    }
    return {
      ok: true,
      caller: {
        authMode: 'AWS_IAM',
        identity: { ...credential.identity, sourceIp: sourceIps(request.headers['x-forwarded-for'], request.sourceIp) },
      },
    };
  };
}
