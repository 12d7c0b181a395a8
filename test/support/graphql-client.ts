import { request as httpsRequest } from 'node:https';

// A frontend's view of the API: GraphQL over HTTP, nothing more.

export interface GraphQLError {
  message: string;
  errorType?: string | null;
  errorInfo?: Record<string, unknown> | null;
  data?: unknown;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
}

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: GraphQLError[];
  /** the body exactly as received, to check nothing internal leaks */
  raw: string;
}

export interface GraphQLClient {
  url: string;
  request<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
}

/** A POST as fetch sends it, over https:// trusting `ca` (fetch cannot be given a certificate authority). */
function postTrusting(ca: string, url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest(url, { method: 'POST', headers, ca }, (incoming) => {
      let text = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (text += chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** A client of `url`; with `ca`, an https:// server whose certificate it trusts, as a browser told to trust it. */
export function graphqlClient(url: string, defaultHeaders: Record<string, string>, ca?: string): GraphQLClient {
  return {
    url,
    async request(query, variables = {}, headers = {}) {
      const allHeaders = { 'content-type': 'application/json', ...defaultHeaders, ...headers };
      const body = JSON.stringify({ query, variables });
      const { status, text: raw } = ca
        ? await postTrusting(ca, url, allHeaders, body)
        : await fetch(url, { method: 'POST', headers: allHeaders, body }).then(async (response) => ({
            status: response.status,
            text: await response.text(),
          }));
      const parsed = JSON.parse(raw);
      return { status, data: parsed.data ?? null, errors: parsed.errors, raw };
    },
  };
}
