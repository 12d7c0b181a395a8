// For tests that go through a local server: one GraphQL request over HTTP.

export async function postGraphQL(
  url: string,
  query: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { data?: Record<string, unknown> | null; errors?: Record<string, unknown>[] } }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}
