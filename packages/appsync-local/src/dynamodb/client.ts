import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

// The low-level DynamoDB client every part of the local runtime uses. It is on
// the hot path of the latency benchmark, so connections are kept alive and
// enough of them are allowed for the concurrency the server sees.

/** Sockets per client: well above the benchmark's concurrency, far below DynamoDB Local's thread pool. */
const MAX_SOCKETS = 64;

/** DynamoDB Local started with -sharedDb accepts any credentials; these only let the SDK sign. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const LOCAL_REGION = 'us-east-1';

/** the name under which the SDK adds its logger middleware to every client */
const LOGGER_MIDDLEWARE = 'loggerMiddleware';

export interface DynamoDBClientOptions {
  /** e.g. DynamoDB Local's `http://127.0.0.1:8000`; omit for AWS itself */
  endpoint?: string;
  /** @default AWS_REGION, or us-east-1 with an endpoint */
  region?: string;
}

function hasEnvironmentCredentials(): boolean {
  return Boolean(process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE);
}

export function createDynamoDBClient(options: DynamoDBClientOptions): DynamoDBClient {
  const local = options.endpoint !== undefined;
  const client = new DynamoDBClient({
    endpoint: options.endpoint,
    region: options.region ?? process.env.AWS_REGION ?? (local ? LOCAL_REGION : undefined),
    credentials: local && !hasEnvironmentCredentials() ? LOCAL_CREDENTIALS : undefined,
    requestHandler: {
      httpAgent: new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
      httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
      connectionTimeout: local ? 2_000 : undefined,
    },
  });
  // The SDK's logger middleware copies every input and output through its
  // sensitive-data filter before handing them to the logger, even to the
  // default one that discards them: over a quarter of the client's CPU time
  // for a Query of 20 items (about 500 µs against 360 without). Nothing here
  // logs SDK calls.
  client.middlewareStack.remove(LOGGER_MIDDLEWARE);
  return client;
}
