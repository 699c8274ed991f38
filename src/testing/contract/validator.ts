// validateExchange: finds the spec operation of an HTTP exchange (path template + method), checks
// api-version and path parameters, the request body against the body parameter schema and the
// response body against the schema for its status (or `default`). Mismatches name the operationId
// and the JSON path. Known deviations (known-deviations.ts) are the only relaxations.

import { isRecord } from '@/azure/common/is-record';
import { compilePathTemplate } from '@/mocks/handlers/path-template';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { extraPaths } from './known-deviations';
import { SchemaCompiler, type SchemaMode } from './schema-compiler';
import { bareIdFits, specOperations, type SpecOperation } from './spec-operations';
import { loadResourceGraphSpec, loadSpec, type LoadedSpec } from './spec-loader';
import {
  attributeDeviations,
  describeError,
  jsonPath,
  type Exchange,
  type ExchangeResult,
  type ValidationIssue,
} from './validation-issues';

export class ContractValidator {
  readonly operations: SpecOperation[];
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

    this.operations = specOperations(spec);
  }

  /** The spec namespace a URL belongs to: the last provider in its path (`.../providers/X/...`). */
  private namespaceOf(pathname: string): string | undefined {
    const all = [...pathname.matchAll(/\/providers\/([^/]+)/gi)];
    const last = all[all.length - 1]?.[1]?.toLowerCase();
    return this.operations.find((o) => o.namespace.toLowerCase() === last)?.namespace;
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
          for (const e of fn.errors ?? []) issue('request', jsonPath(e), describeError(e));
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
    const responses = isRecord(op.operation.responses) ? op.operation.responses : {};
    const declared = responses[String(exchange.status)];
    const response = isRecord(declared)
      ? declared
      : exchange.status >= 400 && isRecord(responses.default)
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
          for (const id of attributeDeviations(strict.errors ?? [], exchange.responseBody))
            deviationsUsed.add(id);
        } else {
          for (const e of relaxed.errors ?? []) issue('response', jsonPath(e), describeError(e));
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
    const responses = isRecord(op.operation.responses) ? op.operation.responses : {};
    const response = responses[String(status)];
    if (!isRecord(response))
      return [{ operationId, part: 'response', path: '$', message: `status ${status} not declared` }];
    if (response.schema === undefined) return [];
    return issuesOf(
      operationId,
      'response',
      this.validator('response', op, `r${status}`, response.schema),
      body,
    );
  }

  validateRequestBody(operationId: string, body: unknown): ValidationIssue[] {
    const op = this.operationById(operationId);
    const bodyParam = op?.parameters.find((prm) => prm.in === 'body');
    if (!op || !bodyParam) return [];
    return issuesOf(operationId, 'request', this.validator('request', op, 'body', bodyParam.schema), body);
  }
}

function issuesOf(
  operationId: string,
  part: 'request' | 'response',
  fn: ValidateFunction,
  body: unknown,
): ValidationIssue[] {
  return fn(body)
    ? []
    : (fn.errors ?? []).map((e) => ({ operationId, part, path: jsonPath(e), message: describeError(e) }));
}

function lower(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
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
