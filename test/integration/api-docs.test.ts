import { type LocalSystem, startLocalSystem } from './support/local-system';

/** The API's reference on the local runtime: the OpenAPI document and its browsable page. */
describe('the local API reference', () => {
  let system: LocalSystem;

  beforeAll(async () => {
    system = await startLocalSystem();
  });
  afterAll(() => system.stop());

  const get = (path: string) => fetch(`${system.runtime.info.apiUrl}${path}`);

  it('serves the OpenAPI document without a credential, its server this runtime', async () => {
    // Act
    const response = await get('/openapi.json');
    const document = (await response.json()) as {
      openapi: string;
      servers: { url: string }[];
      paths: object;
    };
    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([expect.objectContaining({ url: system.runtime.info.apiUrl })]);
    expect(Object.keys(document.paths)).toContain('/orders/{id}');
  });

  it('serves a reference page whose Swagger UI files, from node_modules, all answer', async () => {
    // Prepare
    const page = await get('/docs');
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map(([, url]) => url);
    // Act
    const answers = await Promise.all(
      assets.map(async (url) => {
        const response = await get(url);
        await response.arrayBuffer();
        return [url, response.status, response.headers.get('content-type')] as const;
      }),
    );
    // Assess
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(assets).toEqual(
      expect.arrayContaining([
        '/docs/swagger-ui.css',
        '/docs/swagger-ui-bundle.js',
        '/docs/swagger-ui-standalone-preset.js',
      ]),
    );
    expect(html).not.toMatch(/https?:\/\//);
    for (const [url, status, type] of answers) {
      expect([url, status]).toEqual([url, 200]);
      expect(type).toMatch(
        url.endsWith('.css') ? /^text\/css/ : url.endsWith('.js') ? /javascript/ : /^image\//,
      );
    }
    const init = await (await get('/docs/init.js')).text();
    expect(init).toContain('"/openapi.json"');
  });

  it('serves nothing else of the swagger-ui-dist folder, and leaves other paths to the API', async () => {
    // Act
    const other = await get('/docs/package.json');
    const traversal = await get('/docs/..%2F..%2Fpackage.json');
    // Assess
    expect(other.status).not.toBe(200);
    expect(traversal.status).not.toBe(200);
  });
});
