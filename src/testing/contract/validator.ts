// validateExchange: finds the spec operation of an HTTP exchange (path template + method), checks
// api-version and path parameters, the request body against the body parameter schema and the
// response body against the schema for its status (or `default`). Mismatches name the operationId
// and the JSON path. Known deviations (known-deviations.ts) are the only relaxations.

import { compilePathTemplate } from '@/mocks/handlers/path-template';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { extraPaths, KNOWN_DEVIATIONS } from './known-deviations';
import { SchemaCompiler, type SchemaMode } from './schema-compiler';
import { loadResourceGraphSpec, loadSpec, resolveRef, type JsonObject, type LoadedSpec } from './spec-loader';

export interface Exchange {
  method: string;
  url: string;
  requestBody?: unknown;
  status: number;
  responseBody?: unknown;
  responseHeaders?: Record<string, string>;
}

export interface ValidationIssue {
  operationId: string;
  part: 'url' | 'request' | 'response' | 'headers';
  /** JSON path into the body, e.g. `$.value[3].properties.status`. */
  path: string;
  message: string;
}

export interface ExchangeResult {
  /** false: the URL is outside the DataProtection spec (e.g. Microsoft.Resources); nothing checked. */
  checked: boolean;
  operationId: string | undefined;
  issues: ValidationIssue[];
  /** Known deviations this exchange needed. */
  deviationsUsed: string[];
}

export interface SpecOperation {
  operationId: string;
  /** Resource provider namespace of the spec that defines it. */
  namespace: string;
  /** That spec's api-version. */
  apiVersion: string;
  method: string;
  pathTemplate: string;
  operation: JsonObject;
  /** Path-level + operation-level parameters, $refs resolved. */
  parameters: JsonObject[];
  file: string;
  regex: RegExp;
  paramNames: string[];
  literalCount: number;
}

function isObj(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class ContractValidator {
  readonly operations: SpecOperation[] = [];
  private readonly ajv: Ajv;
  private readonly compiler: SchemaCompiler;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly spec: LoadedSpec) {
    this.ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true, verbose: true });
    addFormats(this.ajv);
    this.ajv.addFormat('int32', {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647,
    });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat('float', { type: 'number', validate: () => true });
    this.ajv.addFormat('double', { type: 'number', validate: () => true });
    this.ajv.addFormat('arm-id', { type: 'string', validate: (s: string) => s.startsWith('/') });
    this.compiler = new SchemaCompiler(spec, this.ajv);

    for (const main of spec.mainFiles) {
      const doc = spec.documents.get(main.file) ?? {};
      const paths = {
        ...(isObj(doc.paths) ? doc.paths : {}),
        ...(isObj(doc['x-ms-paths']) ? doc['x-ms-paths'] : {}),
      };
      for (const [template, item] of Object.entries(paths)) {
        if (!isObj(item)) continue;
        const shared: unknown[] = Array.isArray(item.parameters) ? (item.parameters as unknown[]) : [];
        for (const [method, op] of Object.entries(item)) {
          if (method === 'parameters' || !isObj(op) || typeof op.operationId !== 'string') continue;
          const own: unknown[] = Array.isArray(op.parameters) ? (op.parameters as unknown[]) : [];
          const parameters = [...shared, ...own].map((prm) => this.deref(main.file, prm));
          // `{scope}`, `{roleId}`... (x-ms-skip-url-encoding) span several path segments.
          const multiSegment = parameters
            .filter(
              (p) => p.in === 'path' && p['x-ms-skip-url-encoding'] === true && typeof p.name === 'string',
            )
            .map((p) => String(p.name));
          this.operations.push({
            operationId: op.operationId,
            namespace: main.namespace,
            apiVersion: main.apiVersion,
            method: method.toUpperCase(),
            pathTemplate: template,
            operation: op,
            parameters,
            file: main.file,
            ...compilePathTemplate(template, multiSegment),
          });
        }
      }
    }
  }

  /** The spec namespace a URL belongs to: the last provider in its path (`.../providers/X/...`). */
  private namespaceOf(pathname: string): string | undefined {
    const all = [...pathname.matchAll(/\/providers\/([^/]+)/gi)];
    const last = all[all.length - 1]?.[1]?.toLowerCase();
    return this.operations.find((o) => o.namespace.toLowerCase() === last)?.namespace;
  }

  private deref(file: string, node: unknown): JsonObject {
    if (isObj(node) && typeof node.$ref === 'string')
      return this.deref(file, resolveRef(this.spec, file, node.$ref).node);
    return isObj(node) ? node : {};
  }

  findOperation(
    method: string,
    pathname: string,
  ): { op: SpecOperation; params: Record<string, string>; deviation?: string } | undefined {
    const upper = method.toUpperCase();
    const namespace = this.namespaceOf(pathname);
    let best: { op: SpecOperation; params: Record<string, string> } | undefined;
    for (const op of this.operations) {
      if (op.method !== upper || op.namespace !== namespace) continue;
      const m = op.regex.exec(pathname);
      if (!m || !bareIdFits(op, pathname)) continue;
      if (best && best.op.literalCount >= op.literalCount) continue;
      const params: Record<string, string> = {};
      op.paramNames.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1] ?? '')));
      best = { op, params };
    }
    if (best) return best;
    if (upper === 'GET') {
      // autorest fetches later pages of a pageable POST (x-ms-pageable) with GET on nextLink.
      const post = this.findOperation('POST', pathname);
      if (post && post.op.operation['x-ms-pageable'] !== undefined) return post;
    }
    for (const dev of extraPaths()) {
      if (dev.method !== upper) continue;
      const t = compilePathTemplate(dev.pathTemplate);
      const m = t.regex.exec(pathname);
      const op = this.operations.find((o) => o.operationId === dev.asOperationId);
      if (!m || !op) continue;
      const params: Record<string, string> = {};
      t.paramNames.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1] ?? '')));
      return { op, params, deviation: dev.id };
    }
    return undefined;
  }

  operationById(operationId: string): SpecOperation | undefined {
    return this.operations.find((o) => o.operationId === operationId);
  }

  private validator(mode: SchemaMode, op: SpecOperation, part: string, schema: unknown): ValidateFunction {
    const key = `${mode}|${op.operationId}|${part}`;
    let fn = this.compiled.get(key);
    if (!fn) {
      fn = this.ajv.compile(this.compiler.compile(mode, op.file, schema));
      this.compiled.set(key, fn);
    }
    return fn;
  }

  validateExchange(exchange: Exchange): ExchangeResult {
    const url = new URL(exchange.url);
    // Resource Graph has its own spec; the shared validator hands its exchanges over.
    if (this.spec.namespace !== 'Microsoft.ResourceGraph' && isResourceGraphPath(url.pathname)) {
      return (
        getResourceGraphValidator()?.validateExchange(exchange) ?? {
          checked: false,
          operationId: undefined,
          issues: [],
          deviationsUsed: [],
        }
      );
    }
    const found = this.findOperation(exchange.method, url.pathname);
    if (!found) {
      const namespace = this.namespaceOf(url.pathname);
      if (namespace) {
        return {
          checked: true,
          operationId: undefined,
          issues: [
            {
              operationId: '(none)',
              part: 'url',
              path: url.pathname,
              message: `${exchange.method} ${url.pathname} matches no operation of the ${namespace} spec`,
            },
          ],
          deviationsUsed: [],
        };
      }
      return { checked: false, operationId: undefined, issues: [], deviationsUsed: [] };
    }
    const { op, params } = found;
    const issues: ValidationIssue[] = [];
    const deviationsUsed = new Set<string>(found.deviation ? [found.deviation] : []);
    const issue = (part: ValidationIssue['part'], path: string, message: string) =>
      issues.push({ operationId: op.operationId, part, path, message });

    // URL: api-version and path/query parameters.
    const apiVersion = url.searchParams.get('api-version');
    if (apiVersion !== op.apiVersion)
      issue(
        'url',
        'api-version',
        `api-version is '${apiVersion ?? '(missing)'}', the spec is ${op.apiVersion}`,
      );
    for (const prm of op.parameters) {
      if (prm.in !== 'path' || typeof prm.name !== 'string') continue;
      const value = params[prm.name];
      if (value === undefined) continue;
      if (
        prm.format === 'uuid' &&
        !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
      )
        issue('url', prm.name, `'${value}' is not a uuid`);
      if (typeof prm.minLength === 'number' && value.length < prm.minLength)
        issue('url', prm.name, `shorter than ${prm.minLength}`);
      if (typeof prm.maxLength === 'number' && value.length > prm.maxLength)
        issue('url', prm.name, `longer than ${prm.maxLength}`);
    }

    // Request body.
    const bodyParam = op.parameters.find((prm) => prm.in === 'body');
    const isContinuation = exchange.method.toUpperCase() === 'GET' && url.searchParams.has('$skipToken');
    if (bodyParam && !isContinuation) {
      if (
        exchange.requestBody === undefined ||
        exchange.requestBody === null ||
        exchange.requestBody === ''
      ) {
        if (bodyParam.required === true) issue('request', '$', 'request body is required');
      } else {
        const fn = this.validator('request', op, 'body', bodyParam.schema);
        if (!fn(exchange.requestBody))
          for (const e of fn.errors ?? []) issue('request', jsonPath(e), describe(e));
      }
    } else if (
      !bodyParam &&
      exchange.requestBody !== undefined &&
      exchange.requestBody !== null &&
      exchange.requestBody !== ''
    ) {
      issue('request', '$', `${op.operationId} takes no request body`);
    }

    // Response.
    const responses = isObj(op.operation.responses) ? op.operation.responses : {};
    const declared = responses[String(exchange.status)];
    const response = isObj(declared)
      ? declared
      : exchange.status >= 400 && isObj(responses.default)
        ? responses.default
        : undefined;
    if (!response) {
      issue(
        'response',
        '$',
        `status ${exchange.status} is not declared by ${op.operationId} (declared: ${Object.keys(responses).join(', ')})`,
      );
    } else if (response.schema === undefined) {
      if (
        exchange.responseBody !== undefined &&
        exchange.responseBody !== null &&
        exchange.responseBody !== ''
      ) {
        issue('response', '$', `status ${exchange.status} of ${op.operationId} has no body in the spec`);
      }
    } else {
      const strict = this.validator('response', op, `r${exchange.status}`, response.schema);
      if (!strict(exchange.responseBody)) {
        const relaxed = this.validator('response-relaxed', op, `r${exchange.status}`, response.schema);
        if (relaxed(exchange.responseBody)) {
          for (const id of attribute(strict.errors ?? [], exchange.responseBody)) deviationsUsed.add(id);
        } else {
          for (const e of relaxed.errors ?? []) issue('response', jsonPath(e), describe(e));
        }
      }
    }

    // Long-running operations: a 202 must say where to poll.
    if (
      exchange.status === 202 &&
      op.operation['x-ms-long-running-operation'] === true &&
      exchange.responseHeaders
    ) {
      const h = lower(exchange.responseHeaders);
      if (!h['azure-asyncoperation'] && !h.location)
        issue('headers', 'Azure-AsyncOperation', '202 without Azure-AsyncOperation or Location');
      if (h['retry-after'] !== undefined && !/^\d+$/.test(h['retry-after']))
        issue('headers', 'Retry-After', `'${h['retry-after']}' is not an integer`);
    }
    return { checked: true, operationId: op.operationId, issues, deviationsUsed: [...deviationsUsed] };
  }

  /** Validates a response body against one operation directly (spec examples). */
  validateResponse(operationId: string, status: number, body: unknown): ValidationIssue[] {
    const op = this.operationById(operationId);
    if (!op) return [{ operationId, part: 'response', path: '$', message: 'unknown operationId' }];
    const responses = isObj(op.operation.responses) ? op.operation.responses : {};
    const response = responses[String(status)];
    if (!isObj(response))
      return [{ operationId, part: 'response', path: '$', message: `status ${status} not declared` }];
    if (response.schema === undefined) return [];
    const fn = this.validator('response', op, `r${status}`, response.schema);
    return fn(body)
      ? []
      : (fn.errors ?? []).map((e) => ({
          operationId,
          part: 'response' as const,
          path: jsonPath(e),
          message: describe(e),
        }));
  }

  validateRequestBody(operationId: string, body: unknown): ValidationIssue[] {
    const op = this.operationById(operationId);
    const bodyParam = op?.parameters.find((prm) => prm.in === 'body');
    if (!op || !bodyParam) return [];
    const fn = this.validator('request', op, 'body', bodyParam.schema);
    return fn(body)
      ? []
      : (fn.errors ?? []).map((e) => ({
          operationId,
          part: 'request' as const,
          path: jsonPath(e),
          message: describe(e),
        }));
  }
}

/**
 * Operations whose whole path is one id (`/{roleId}`, `/{roleAssignmentId}`) match any path; the
 * spec keeps them apart only by their operation group, which names the resource type the id is of
 * (`RoleDefinitions_GetById` takes `.../roleDefinitions/{id}`).
 */
function bareIdFits(op: SpecOperation, pathname: string): boolean {
  if (op.literalCount > 0 || op.paramNames.length !== 1) return true;
  const group = op.operationId.split('_')[0] ?? '';
  const type = group.charAt(0).toLowerCase() + group.slice(1);
  return new RegExp(`/providers/${op.namespace.replace(/\./g, '\\.')}/${type}/[^/]+$`, 'i').test(pathname);
}

function lower(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

/** `/value/3/properties/status` -> `$.value[3].properties.status`, plus the offending property. */
export function jsonPath(error: ErrorObject): string {
  let path = '$';
  for (const part of error.instancePath.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(key) ? `[${key}]` : `.${key}`;
  }
  const extra = (error.params as { additionalProperty?: unknown }).additionalProperty;
  if (error.keyword === 'additionalProperties' && typeof extra === 'string') path += `.${extra}`;
  return path;
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return 'property not in the spec';
  if (error.keyword === 'not' && (error.parentSchema as { description?: string } | undefined)?.description)
    return 'read-only property must not be sent in a request';
  if (
    error.keyword === 'enum' &&
    Array.isArray((error.params as { allowedValues?: unknown }).allowedValues)
  ) {
    return `must be one of ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`;
  }
  return error.message ?? error.keyword;
}

/** Which known deviations explain the strict errors (used for reporting only). */
function attribute(errors: readonly ErrorObject[], body: unknown): string[] {
  const used = new Set<string>();
  for (const e of errors) {
    const extra = (e.params as { additionalProperty?: unknown }).additionalProperty;
    const last = e.instancePath.split('/').pop();
    const replaced = KNOWN_DEVIATIONS.find((d) => d.kind === 'replaced-property' && d.property === last);
    if (e.keyword === 'additionalProperties' && typeof extra === 'string') {
      const dev = KNOWN_DEVIATIONS.find((d) => d.kind === 'extra-property' && d.property === extra);
      if (dev) used.add(dev.id);
    } else if (replaced && e.keyword === 'type') {
      used.add(replaced.id);
    } else if (valueAt(body, e.instancePath) === null) {
      used.add('null-for-absent-optional');
    }
  }
  return [...used];
}

function valueAt(root: unknown, pointer: string): unknown {
  let cur: unknown = root;
  for (const part of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

let shared: ContractValidator | undefined;
let sharedResourceGraph: ContractValidator | undefined;

function isResourceGraphPath(pathname: string): boolean {
  return /^\/providers\/Microsoft\.ResourceGraph\//i.test(pathname);
}

/** The validator over the Microsoft.ResourceGraph 2024-04-01 spec, or undefined without it. */
export function getResourceGraphValidator(): ContractValidator | undefined {
  const spec = loadResourceGraphSpec();
  if (!spec.available) return undefined;
  sharedResourceGraph ??= new ContractValidator(spec.spec);
  return sharedResourceGraph;
}

/** The validator over ../shared/azure-spec, or undefined when the spec is not available. */
export function getContractValidator(): ContractValidator | undefined {
  const spec = loadSpec();
  if (!spec.available) return undefined;
  shared ??= new ContractValidator(spec.spec);
  return shared;
}

/** Validates one exchange with the shared validator; throws when the spec is unavailable. */
export function validateExchange(exchange: Exchange): ExchangeResult {
  const validator = getContractValidator();
  if (!validator) {
    const spec = loadSpec();
    throw new Error(spec.available ? 'unreachable' : spec.reason);
  }
  return validator.validateExchange(exchange);
}

export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `${i.operationId} ${i.part} ${i.path}: ${i.message}`).join('\n');
}
