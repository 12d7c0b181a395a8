import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';

// Signature Version 4 for HTTP data sources whose AuthorizationConfig is
// AWS_IAM: AppSync signs each request with its service role's credentials
// for the configured region and service.
// https://docs.aws.amazon.com/appsync/latest/devguide/tutorial-http-resolvers-js.html
// Locally there is no service role: requests are signed with the credentials
// given, by default LOCAL_SIGNING_CREDENTIALS, which a local stand-in of the
// endpoint can verify and which no AWS service accepts.

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SigningConfig {
  /** `AwsIamConfig.SigningRegion` */
  region: string;
  /** `AwsIamConfig.SigningServiceName`, e.g. `execute-api` */
  service: string;
  /** default LOCAL_SIGNING_CREDENTIALS */
  credentials?: AwsCredentials;
}

export const LOCAL_SIGNING_CREDENTIALS: Readonly<AwsCredentials> = Object.freeze({
  accessKeyId: 'AKIAAPPSYNCLOCAL0000',
  secretAccessKey: 'appsync-local-http-signing-secret',
});

export interface RequestToSign {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

/** The request's headers with the SigV4 ones added (`authorization`, `x-amz-date`, …). */
export async function signRequest(request: RequestToSign, signing: SigningConfig): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    credentials: signing.credentials ?? LOCAL_SIGNING_CREDENTIALS,
    region: signing.region,
    service: signing.service,
    sha256: Sha256,
  });
  const { url } = request;
  const signed = await signer.sign({
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query: Object.fromEntries([...new Set(url.searchParams.keys())].map((key) => [key, url.searchParams.getAll(key)])),
    headers: { ...request.headers, host: url.host },
    body: request.body,
  });
  return signed.headers;
}
