import { loadLocalUserPoolKeys, mintIdToken } from 'appsync-local';
import { EVENTS_USER_POOL, USER_POOL_KEYS_DIR } from '../../dev/events-api.ts';

// What every chaos section sends: GraphQL over HTTP on loopback, with a
// deadline, never throwing (a refused connection is an outcome too).

export const CHAOS_API_KEY = 'da2-chaos-key';

export interface Outcome {
  /** HTTP status, or 0 when no answer came */
  status: number;
  body?: { data?: Record<string, any> | null; errors?: { errorType?: string; message: string }[] };
  /** why no answer came */
  failure?: string;
}

export async function userToken(username: string): Promise<string> {
  return mintIdToken(await loadLocalUserPoolKeys({ directory: USER_POOL_KEYS_DIR }), { username, pool: EVENTS_USER_POOL });
}

export async function post(url: string, body: string, headers: Record<string, string>, timeoutMs = 10_000): Promise<Outcome> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) };
    } catch {
      return { status: response.status, failure: `not JSON: ${text.slice(0, 80)}` };
    }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { status: 0, failure: cause?.code ?? (error as Error).name };
  }
}

export function graphql(url: string, headers: Record<string, string>, query: string, variables: object = {}) {
  return post(url, JSON.stringify({ query, variables }), headers);
}

export const EVENT_INPUT = {
  title: 'Chaos meetup',
  description: 'Under load',
  date: '2026-06-01T18:00:00Z',
  location: 'Loopback',
  capacity: 100,
  organizer: 'Chaos Guild',
};
