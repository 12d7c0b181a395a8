// Parts of `util` our API has no use for and the local runtime does not
// implement. They fail loudly, naming the helper, instead of returning
// something that merely looks right.

function notSupported(name: string): (...args: unknown[]) => never {
  return () => {
    throw new Error(`${name} is not supported by the local runtime`);
  };
}

export function unsupportedNamespace(prefix: string, members: string[]): Readonly<Record<string, (...args: unknown[]) => never>> {
  return Object.freeze(Object.fromEntries(members.map((member) => [member, notSupported(`${prefix}.${member}`)])));
}

/** Response headers and header copying: no HTTP data source here. */
export const httpUtil = unsupportedNamespace('util.http', ['copyHeaders', 'addResponseHeader', 'addResponseHeaders']);

/** XML conversion: no HTTP data source here to return XML. */
export const xmlUtil = unsupportedNamespace('util.xml', ['toMap', 'toJsonString']);
