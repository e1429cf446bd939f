import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen } from '../listen';
import { type ApiKeyRegistry, RegistryError, type StoredApiKey } from './api-key-registry';

export interface LocalApiGatewayManagement {
  url: string;
  close(): Promise<void>;
}

/**
 * The part of API Gateway's management API (REST JSON, as the SDK's APIGatewayClient speaks it) that
 * registering a storefront uses: usage plans by name, API keys (create, find by name), and keys in
 * usage plans. Plans are the topology's, each with the name API Gateway gives it on AWS.
 */
export async function startLocalApiGatewayManagement(options: {
  host: string;
  port: number;
  registry: ApiKeyRegistry;
  /** Topology plan name → its name on AWS (`<api>-<plan>`); the plan's id here is its topology name. */
  usagePlans: Record<string, string>;
}): Promise<LocalApiGatewayManagement> {
  const { registry } = options;
  const plans = Object.entries(options.usagePlans).map(([id, name]) => ({ id, name }));
  const planOf = (id: string) => {
    if (!options.usagePlans[id])
      throw new RegistryError('NotFoundException', 404, 'Invalid Usage Plan ID specified');
    return id;
  };

  const route = async (
    method: string,
    url: URL,
    body: Record<string, unknown>,
  ): Promise<[number, unknown]> => {
    const path = url.pathname.replace(/\/+$/, '');
    if (method === 'GET' && path === '/usageplans') return [200, { item: plans }];
    if (method === 'GET' && path === '/apikeys') {
      const name = url.searchParams.get('name');
      const withValues = url.searchParams.get('includeValues') === 'true';
      const keys = registry.list().filter((key) => !name || key.name.startsWith(name));
      return [200, { item: keys.map((key) => keyView(key, withValues)) }];
    }
    if (method === 'POST' && path === '/apikeys') {
      if (typeof body.name !== 'string' || !body.name) {
        throw new RegistryError('BadRequestException', 400, 'API Key name is required');
      }
      const key = registry.create({
        name: body.name,
        value: typeof body.value === 'string' ? body.value : undefined,
        enabled: body.enabled === true,
        description: typeof body.description === 'string' ? body.description : undefined,
      });
      return [201, keyView(key, true)];
    }
    const planKeys = /^\/usageplans\/([^/]+)\/keys(?:\/([^/]+))?$/.exec(path);
    if (planKeys) {
      const plan = planOf(decodeURIComponent(planKeys[1]));
      if (method === 'POST' && !planKeys[2]) {
        const key = registry.addToPlan(String(body.keyId ?? ''), plan);
        return [201, planKeyView(key)];
      }
      if (method === 'GET' && planKeys[2]) {
        const key = registry.get(decodeURIComponent(planKeys[2]));
        if (!key?.plans.includes(plan)) {
          throw new RegistryError('NotFoundException', 404, 'Invalid Usage Plan Key identifier specified');
        }
        return [200, planKeyView(key)];
      }
    }
    throw new RegistryError(
      'NotFoundException',
      404,
      `the local API Gateway does not serve ${method} ${path}`,
    );
  };

  const server = createServer((request, response) => {
    void answer(request, response, route);
  });
  const { url } = await listen(server, options.host, options.port);
  return {
    url,
    close: () => closeServer(server),
  };
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  route: (method: string, url: URL, body: Record<string, unknown>) => Promise<[number, unknown]>,
): Promise<void> {
  const reply = (status: number, payload: unknown, errorType?: string) => {
    response.writeHead(status, {
      'content-type': 'application/json',
      ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    });
    response.end(JSON.stringify(payload));
  };
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const [status, payload] = await route(
      request.method ?? 'GET',
      new URL(request.url ?? '/', 'http://local'),
      body,
    );
    reply(status, payload);
  } catch (error) {
    if (error instanceof RegistryError) return reply(error.status, { message: error.message }, error.type);
    if (error instanceof SyntaxError)
      return reply(400, { message: 'Invalid JSON body' }, 'BadRequestException');
    reply(500, { message: 'Internal error' }, 'InternalFailure');
  }
}

function keyView(key: StoredApiKey, withValue: boolean) {
  return {
    id: key.id,
    name: key.name,
    enabled: key.enabled,
    createdDate: key.createdDate,
    lastUpdatedDate: key.createdDate,
    stageKeys: [],
    ...(key.description ? { description: key.description } : {}),
    ...(withValue ? { value: key.value } : {}),
  };
}

const planKeyView = (key: StoredApiKey) => ({
  id: key.id,
  type: 'API_KEY',
  name: key.name,
  value: key.value,
});
