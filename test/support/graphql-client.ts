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

export function graphqlClient(url: string, defaultHeaders: Record<string, string>): GraphQLClient {
  return {
    url,
    async request(query, variables = {}, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...defaultHeaders, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const raw = await response.text();
      const body = JSON.parse(raw);
      return { status: response.status, data: body.data ?? null, errors: body.errors, raw };
    },
  };
}
