// The operations of a loaded spec, one per path template and method, with what it takes to match
// a request URL to them.

import { isRecord } from '@/azure/common/is-record';
import { compilePathTemplate } from '@/mocks/handlers/path-template';
import { resolveRef, type JsonObject, type LoadedSpec } from './spec-loader';

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

/** Every operation the spec's main files declare, under `paths` and `x-ms-paths`. */
export function specOperations(spec: LoadedSpec): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const main of spec.mainFiles) {
    const doc = spec.documents.get(main.file) ?? {};
    const paths = {
      ...(isRecord(doc.paths) ? doc.paths : {}),
      ...(isRecord(doc['x-ms-paths']) ? doc['x-ms-paths'] : {}),
    };
    for (const [template, item] of Object.entries(paths)) {
      if (!isRecord(item)) continue;
      const shared: unknown[] = Array.isArray(item.parameters) ? (item.parameters as unknown[]) : [];
      for (const [method, op] of Object.entries(item)) {
        if (method === 'parameters' || !isRecord(op) || typeof op.operationId !== 'string') continue;
        const own: unknown[] = Array.isArray(op.parameters) ? (op.parameters as unknown[]) : [];
        const parameters = [...shared, ...own].map((prm) => deref(spec, main.file, prm));
        // `{scope}`, `{roleId}`... (x-ms-skip-url-encoding) span several path segments.
        const multiSegment = parameters
          .filter(
            (p) => p.in === 'path' && p['x-ms-skip-url-encoding'] === true && typeof p.name === 'string',
          )
          .map((p) => String(p.name));
        operations.push({
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
  return operations;
}

function deref(spec: LoadedSpec, file: string, node: unknown): JsonObject {
  if (isRecord(node) && typeof node.$ref === 'string')
    return deref(spec, file, resolveRef(spec, file, node.$ref).node);
  return isRecord(node) ? node : {};
}

/**
 * Operations whose whole path is one id (`/{roleId}`, `/{roleAssignmentId}`) match any path; the
 * spec keeps them apart only by their operation group, which names the resource type the id is of
 * (`RoleDefinitions_GetById` takes `.../roleDefinitions/{id}`).
 */
export function bareIdFits(op: SpecOperation, pathname: string): boolean {
  if (op.literalCount > 0 || op.paramNames.length !== 1) return true;
  const group = op.operationId.split('_')[0] ?? '';
  const type = group.charAt(0).toLowerCase() + group.slice(1);
  return new RegExp(`/providers/${op.namespace.replace(/\./g, '\\.')}/${type}/[^/]+$`, 'i').test(pathname);
}
