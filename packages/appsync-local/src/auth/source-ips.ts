/** `ctx.identity.sourceIp`: the addresses in `x-forwarded-for`, then the connection's own. */
export function sourceIps(forwardedFor: string | undefined, connectionIp: string): string[] {
  const forwarded = (forwardedFor ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');
  return [...forwarded, connectionIp];
}
