import type { TestApp } from '../../support/test-app.js';

/** A JSON schema as @nestjs/swagger writes it (the subset the tests read). */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  example?: unknown;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  /** `METHOD /api/path/{param}`: the key of the snapshot, the scenarios and the fuzz report. */
  key: string;
  method: string;
  path: string;
  parameters: Parameter[];
  /** The JSON body schema, `$ref`s resolved at the top level. */
  body?: Schema;
  /** False for the routes marked public (no `security` in the document). */
  secured: boolean;
}

export interface ApiDocument {
  operations: Operation[];
  resolve(schema: Schema): Schema;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the OpenAPI document the running app serves, in a stable order. */
export async function loadDocument(t: TestApp): Promise<ApiDocument> {
  const res = await t.http.get('/api/docs-json').expect(200);
  const doc = res.body as {
    paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; security?: unknown[] }>>;
    components?: { schemas?: Record<string, Schema> };
  };
  const schemas = doc.components?.schemas ?? {};
  const resolve = (schema: Schema): Schema => {
    if (schema.$ref) {
      const found = schemas[schema.$ref.replace('#/components/schemas/', '')];
      if (!found) throw new Error(`unresolved ${schema.$ref}`);
      return resolve(found);
    }
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  };
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: bodySchema ? resolve(bodySchema) : undefined,
        secured: (op.security ?? []).length > 0,
      });
    }
  }
  operations.sort((a, b) => a.path.localeCompare(b.path) || METHODS.indexOf(a.method.toLowerCase()) - METHODS.indexOf(b.method.toLowerCase()));
  return { operations, resolve };
}

/**
 * The routes the HTTP server really has (Fastify's route tree), as `METHOD /api/path/{param}`,
 * without HEAD and without the Swagger pages: every one of them must be in the document.
 */
export function serverRoutes(t: TestApp): string[] {
  const tree: string = t.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+) \(([A-Z, ]+)\)$/u.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    const path = stack.join('').replace(/:(\w+)/g, '{$1}');
    for (const method of m[3].split(', ')) {
      if (method !== 'HEAD' && !path.startsWith('/api/docs')) routes.push(`${method} ${path}`);
    }
  }
  return routes.sort();
}

/** Fills `{name}` placeholders of a documented path. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(params[name]);
  });
}
