import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBSender } from './operations/operation-context.ts';

// Whether a DynamoDB endpoint answers, asked once at start-up with a short
// deadline: without one, an endpoint that accepts connections and never
// answers holds the start for minutes, and an unreachable one surfaces as a
// bare ECONNREFUSED from deep inside the first request.

export const PROBE_TIMEOUT_MS = 3_000;

/** Why the endpoint is not usable, in words, or undefined when it answered. */
export async function endpointProblem(client: DynamoDBSender, timeoutMs = PROBE_TIMEOUT_MS): Promise<string | undefined> {
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(timeoutMs) });
    return undefined;
  } catch (error) {
    const { name, message, code } = error as NodeJS.ErrnoException;
    if (code === 'ECONNREFUSED') {
      return 'nothing accepts connections there';
    }
    if (name === 'AbortError' || name === 'TimeoutError') {
      return `it did not answer within ${timeoutMs / 1000} s`;
    }
    return `it answered with an error: ${name}: ${message}`;
  }
}
