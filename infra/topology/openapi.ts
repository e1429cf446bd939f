import packageJson from '../../package.json';
import { ComponentSchemas, ERROR_SCHEMA_REF, inlineSchema } from './openapi-schemas';
import { type RouteContract, routeContracts, routeKey, TAGS } from './route-contracts';
import type { RouteCallers, RouteSpec, Topology } from './types';

/**
 * The API's OpenAPI 3.1 document, built from the topology's routes and their contracts
 * (route-contracts.ts: the handlers' own zod schemas). Served locally at /openapi.json and /docs
 * (infra/local/api-gateway/api-docs.ts).
 */

export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, Operation>> };
type Operation = Record<string, unknown>;

export const SECURITY_SCHEMES = {
  storefrontApiKey: {
    type: 'apiKey',
    in: 'header',
    name: 'x-api-key',
    description: "A storefront's API key",
  },
  staffBearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'A staff token; its role decides which routes it may call (`x-tradeflow-callers`)',
  },
} as const;

export const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any string of 1 to 255 characters, new for each new request. A retry with the same key and body ' +
    'gets the first answer back (with `idempotent-replayed: true`) without acting twice; the same key ' +
    'with another body is a 422. Remembered for 24 hours.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
} as const;

const DESCRIPTION = `Order processing for export-trade teams: one workflow per order, from credit review to payment.

**Who calls.** Storefronts send \`x-api-key: <key>\`; staff send \`Authorization: Bearer <token>\`, whose role
(sales, finance, procurement, warehouse, logistics, admin, sales-manager) decides the routes it may call. Each operation
names its callers in \`x-tradeflow-callers\`.

**Bodies** are JSON. Amounts are decimal numbers or decimal strings in the document's currency, kept exactly.
Countries are ISO 3166-1 alpha-2, currencies ISO 4217, languages BCP 47.

**Errors** are \`{ "error": { "code", "message", "field"? } }\`: 400 (invalid; names the field), 401/403
(who you are / what you may do), 404, 409 (not allowed in the current status; names it), 422 (an
Idempotency-Key reused with another body), 429 (rate limit).`;

/** Problem answers every route may give; routes add their own 404/409/422. */
const COMMON_PROBLEMS = {
  400: ['BadRequest', 'The request is invalid: the error says what to change and names the field'],
  401: ['Unauthorized', 'No credential: send x-api-key (storefronts) or Authorization: Bearer (staff)'],
  403: ['Forbidden', 'The credential is unknown, disabled, or may not call this route'],
  429: ['TooManyRequests', 'Over the rate limit of the caller; slow down and retry'],
  500: ['InternalError', 'Something went wrong on our side; the request may be retried'],
} as const;

const undocumented: RouteContract = {
  summary: 'Not described yet',
  description: 'This route has no entry in infra/topology/route-contracts.ts yet.',
  tag: 'Undescribed',
  responses: { 200: { description: 'Not described yet' } },
};

const IDEMPOTENCY_CONFLICT = 'A request with this Idempotency-Key is still being processed; retry shortly';
const IDEMPOTENCY_REUSED = 'This Idempotency-Key was used with another request; use a new key';

export function buildOpenApiDocument(
  topology: Pick<Topology, 'api'>,
  options: { serverUrl?: string } = {},
): OpenApiDocument {
  const schemas = new ComponentSchemas();
  const paths: OpenApiDocument['paths'] = {};
  const operationIds = new Set<string>();
  for (const route of topology.api.routes) {
    // A route without its entry yet is still listed (route-contracts.test.ts fails until it has one).
    const contract = routeContracts[routeKey(route)] ?? undocumented;
    const id = operationId(route, operationIds);
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = operation(route, contract, id, schemas);
  }
  const usedTags = new Set(
    topology.api.routes.map((route) => (routeContracts[routeKey(route)] ?? undocumented).tag),
  );

  return {
    openapi: '3.1.0',
    info: { title: 'tradeflow API', version: packageJson.version, description: DESCRIPTION },
    servers: options.serverUrl
      ? [{ url: options.serverUrl, description: 'This local runtime' }]
      : [awsServer(topology.api.stage)],
    tags: TAGS.filter((tag) => usedTags.has(tag.name)),
    paths,
    components: {
      securitySchemes: SECURITY_SCHEMES,
      parameters: { IdempotencyKey: IDEMPOTENCY_KEY },
      responses: Object.fromEntries(
        Object.values(COMMON_PROBLEMS).map(([name, description]) => [name, problem(description)]),
      ),
      schemas: schemas.toJson(),
    },
  };
}

/** A placeholder: the deployed API's URL is a stack output (`ApiUrl`). */
function awsServer(stage: string) {
  return {
    url: `https://{apiId}.execute-api.{region}.amazonaws.com/${stage}`,
    description: 'The deployed API (its URL is the stack output ApiUrl)',
    variables: { apiId: { default: 'your-api-id' }, region: { default: 'eu-central-1' } },
  };
}

function operation(
  route: RouteSpec,
  contract: RouteContract,
  id: string,
  schemas: ComponentSchemas,
): Operation {
  const name = pascalCase(id);
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(contract.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.headers && {
        headers: Object.fromEntries(
          Object.entries(response.headers).map(([header, description]) => [
            header,
            { description, schema: { type: 'string' } },
          ]),
        ),
      }),
      ...(response.body && {
        content: { 'application/json': { schema: schemas.ref(response.body, `${name}Response`) } },
      }),
    };
  }
  Object.assign(responses, problems(contract));

  return {
    operationId: id,
    summary: contract.summary,
    description: `${contract.description}\n\n**Callers:** ${describeCallers(route.callers)}.`,
    tags: [contract.tag],
    security: security(route.callers),
    'x-tradeflow-callers': {
      storefront: route.callers.storefront === true,
      staff: [...(route.callers.staff ?? [])],
      ...(route.callers.webhook && { webhook: route.callers.webhook }),
      ...(route.callers.link && { link: route.callers.link }),
    },
    parameters: [
      ...pathParameters(route.path, contract),
      ...queryParameters(contract),
      ...(contract.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
    ],
    ...(contract.body && {
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: schemas.ref(contract.body, `${name}Request`),
            ...(contract.example !== undefined && { example: contract.example }),
          },
        },
      },
    }),
    responses,
  };
}

/**
 * Each caller kind is one alternative: an API key or a bearer token. None (`[]`): no credential,
 * e.g. a webhook, whose handler checks the platform's signature instead.
 */
function security(callers: RouteCallers): Record<string, string[]>[] {
  return [
    ...(callers.storefront ? [{ storefrontApiKey: [] }] : []),
    ...(callers.staff?.length ? [{ staffBearer: [] }] : []),
  ];
}

function describeCallers(callers: RouteCallers): string {
  const who = [
    ...(callers.storefront ? ['storefronts'] : []),
    ...(callers.staff?.length ? [`staff (${callers.staff.join(', ')})`] : []),
    ...(callers.webhook
      ? [`${callers.webhook} webhooks (no credential: the handler checks their signature)`]
      : []),
    ...(callers.link ? [`anyone with the link (${callers.link}; the handler checks its token)`] : []),
  ];
  return who.length ? who.join('; ') : 'anyone (no credential)';
}

function pathParameters(path: string, contract: RouteContract) {
  return [...path.matchAll(/\{([^}+]+)\+?\}/g)].map(([, name]) => {
    const schema = contract.pathParams?.[name];
    return { name, in: 'path', required: true, schema: schema ? inlineSchema(schema) : { type: 'string' } };
  });
}

/** One parameter per property of the query object; required where zod requires it. */
function queryParameters(contract: RouteContract) {
  if (!contract.query) return [];
  const json = inlineSchema(contract.query) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

function problems(contract: RouteContract): Record<string, unknown> {
  const own = contract.problems ?? {};
  const out: Record<string, unknown> = {};
  for (const [status, [name]] of Object.entries(COMMON_PROBLEMS))
    out[status] = { $ref: `#/components/responses/${name}` };
  if (own[404]) out[404] = problem(own[404]);
  const conflict = [own[409], contract.idempotent && IDEMPOTENCY_CONFLICT].filter(Boolean);
  if (conflict.length) out[409] = problem(conflict.join('; or: '));
  const reused = [own[422], contract.idempotent && IDEMPOTENCY_REUSED].filter(Boolean);
  if (reused.length) out[422] = problem(reused.join('; or: '));
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => Number(a) - Number(b)));
}

function problem(description: string) {
  return { description, content: { 'application/json': { schema: ERROR_SCHEMA_REF } } };
}

/** The function's name in camelCase (`record-payment` → `recordPayment`), else method and path. */
function operationId(route: RouteSpec, taken: Set<string>): string {
  let id = camelCase(route.function);
  if (taken.has(id)) id = camelCase(`${route.method} ${route.path.replace(/[{}]/g, '')}`);
  taken.add(id);
  return id;
}

function camelCase(text: string): string {
  const [first = '', ...rest] = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return first + rest.map(pascalCase).join('');
}

function pascalCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
