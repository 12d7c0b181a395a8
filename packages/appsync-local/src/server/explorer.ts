import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EXPLORER_SUBSCRIPTIONS_SCRIPT } from './explorer-subscriptions.ts';
import type { Handler, LocalResponse } from './http-pipeline.ts';

// GET / serves a GraphiQL explorer. Its scripts and styles are the files the
// installed npm packages ship (graphiql 3's UMD bundle, React 18's UMD
// builds), served by this server, so the page works offline: nothing is
// fetched from a CDN. Subscriptions run over the real-time endpoint
// (explorer-subscriptions.ts).

export interface ExplorerOptions {
  /** where the page sends queries */
  endpointPath: string;
  /** where the page opens subscriptions (WebSocket) */
  realtimePath: string;
  /** sent as `x-api-key` with every query, and shown in the Headers tab */
  apiKey?: string;
  content?: ExplorerContent;
}

/** What the explorer shows an API's users: its page title and the query its editor opens with. */
export interface ExplorerContent {
  /** @default 'GraphQL explorer' */
  title?: string;
  /** @default a query of `__typename`, which every schema answers */
  defaultQuery?: string;
}

const DEFAULT_TITLE = 'GraphQL explorer';
const DEFAULT_QUERY = '# Write a query, then run it with the ▶ button.\n{\n  __typename\n}\n';

/** URL path prefix of the explorer's scripts and styles. */
const ASSET_PREFIX = '/explorer/';

interface Asset {
  packageName: string;
  file: string;
  contentType: string;
}

const ASSETS: Record<string, Asset> = {
  'react.production.min.js': {
    packageName: 'react',
    file: 'umd/react.production.min.js',
    contentType: 'text/javascript; charset=utf-8',
  },
  'react-dom.production.min.js': {
    packageName: 'react-dom',
    file: 'umd/react-dom.production.min.js',
    contentType: 'text/javascript; charset=utf-8',
  },
  'graphiql.min.js': {
    packageName: 'graphiql',
    file: 'graphiql.min.js',
    contentType: 'text/javascript; charset=utf-8',
  },
  'graphiql.min.css': { packageName: 'graphiql', file: 'graphiql.min.css', contentType: 'text/css; charset=utf-8' },
};

const require = createRequire(import.meta.url);

function assetFile(asset: Asset): string {
  return join(dirname(require.resolve(`${asset.packageName}/package.json`)), asset.file);
}

/** Serves one asset from its package, read once. */
function assetHandler(asset: Asset): Handler {
  let response: Promise<LocalResponse> | undefined;
  return () =>
    (response ??= readFile(assetFile(asset)).then((content) => ({
      status: 200,
      headers: { 'content-type': asset.contentType, 'cache-control': 'public, max-age=3600' },
      body: content,
    })));
}

/** Makes a value safe to embed in an inline <script> as a JavaScript literal. */
function scriptLiteral(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function explorerPage(options: ExplorerOptions): Handler {
  const headers = options.apiKey ? { 'x-api-key': options.apiKey } : {};
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.content?.title ?? DEFAULT_TITLE)}</title>
    <link rel="stylesheet" href="${ASSET_PREFIX}graphiql.min.css" />
    <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
  </head>
  <body>
    <div id="graphiql">Loading the explorer…</div>
    <script src="${ASSET_PREFIX}react.production.min.js"></script>
    <script src="${ASSET_PREFIX}react-dom.production.min.js"></script>
    <script src="${ASSET_PREFIX}graphiql.min.js"></script>
    <script src="${ASSET_PREFIX}${SUBSCRIPTIONS_ASSET}"></script>
    <script>
      const headers = ${scriptLiteral(headers)};
      const realtimeUrl = new URL(${scriptLiteral(options.realtimePath)}, location.href);
      realtimeUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
      const fetcher = appSyncFetcher(
        GraphiQL.createFetcher({ url: new URL(${scriptLiteral(options.endpointPath)}, location.href).href, headers }),
        realtimeUrl.href,
        headers,
      );
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, {
          fetcher,
          defaultQuery: ${scriptLiteral(options.content?.defaultQuery ?? DEFAULT_QUERY)},
          defaultHeaders: JSON.stringify(headers, null, 2),
        }),
      );
    </script>
  </body>
</html>
`;
  return async () => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html });
}

const SUBSCRIPTIONS_ASSET = 'appsync-subscriptions.js';

/** `GET /` and the files the page loads, as routes. */
export function explorerRoutes(options: ExplorerOptions): Record<string, Handler> {
  const routes: Record<string, Handler> = {
    'GET /': explorerPage(options),
    [`GET ${ASSET_PREFIX}${SUBSCRIPTIONS_ASSET}`]: async () => ({
      status: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8' },
      body: EXPLORER_SUBSCRIPTIONS_SCRIPT,
    }),
    // browsers ask for it; without an answer each visit logs a 404
    'GET /favicon.ico': async () => ({ status: 204, headers: {}, body: '' }),
  };
  for (const [name, asset] of Object.entries(ASSETS)) {
    routes[`GET ${ASSET_PREFIX}${name}`] = assetHandler(asset);
  }
  return routes;
}
