import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { buildOpenApiDocument, type OpenApiDocument } from '../../topology/openapi';
import type { ApiSpec } from '../../topology/types';

/**
 * The API's reference, local only and without a credential: `GET /openapi.json` (the OpenAPI
 * document, its server this runtime's URL) and `GET /docs` (Swagger UI, served from swagger-ui-dist
 * in node_modules: no CDN, works offline). Not API routes: API Gateway on AWS does not serve them.
 */

export const OPENAPI_PATH = '/openapi.json';
export const DOCS_PATH = '/docs';

/** The swagger-ui-dist files the page loads: only these are served (nothing else of the folder). */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>tradeflow API reference</title>
  <link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
  <link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
  <script src="${DOCS_PATH}/swagger-ui-standalone-preset.js"></script>
  <script src="${DOCS_PATH}/init.js"></script>
</body>
</html>
`;

// A file rather than an inline script, so the page works under a strict Content-Security-Policy.
const INIT_JS = `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(OPENAPI_PATH)},
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
});
`;

/** A request handler for the docs: true when it answered, false to leave the request to the API. */
export function apiDocs(api: ApiSpec): (request: IncomingMessage, response: ServerResponse) => boolean {
  let document: OpenApiDocument | undefined;
  let assets: string | undefined;
  const serve = (request: IncomingMessage, response: ServerResponse): boolean => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = (request.url ?? '/').split('?')[0];
    if (path === OPENAPI_PATH) {
      document ??= buildOpenApiDocument({ api });
      const served = { ...document, servers: [{ url: ownUrl(request), description: 'This local runtime' }] };
      return send(request, response, 'application/json; charset=utf-8', JSON.stringify(served, null, 2));
    }
    if (path === DOCS_PATH || path === `${DOCS_PATH}/`)
      return send(request, response, 'text/html; charset=utf-8', INDEX_HTML);
    if (path === `${DOCS_PATH}/init.js`)
      return send(request, response, 'text/javascript; charset=utf-8', INIT_JS);
    const file = path.startsWith(`${DOCS_PATH}/`) ? path.slice(DOCS_PATH.length + 1) : undefined;
    if (file === undefined || !Object.hasOwn(ASSETS, file)) return false;
    assets ??= dirname(require.resolve('swagger-ui-dist/package.json'));
    return send(request, response, ASSETS[file], readFileSync(join(assets, file)));
  };
  // Runs in the server's request callback: a throw there would end the process, not the request.
  return (request, response) => {
    try {
      return serve(request, response);
    } catch (error) {
      const message = `The API reference could not be served: ${(error as Error).message}`;
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'INTERNAL', message } }));
      return true;
    }
  };
}

/** The URL the caller reached this runtime by (its Host header), so "Try it out" calls it back. */
function ownUrl(request: IncomingMessage): string {
  return `http://${request.headers.host ?? 'localhost'}`;
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  contentType: string,
  body: string | Buffer,
): true {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(200, {
    'content-type': contentType,
    'content-length': String(bytes.length),
    'cache-control': 'no-cache',
  });
  response.end(request.method === 'HEAD' ? undefined : bytes);
  return true;
}
