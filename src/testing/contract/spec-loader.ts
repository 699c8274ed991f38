// Loads the DataProtection and ResourceGraph swaggers and every file their $refs reach
// (common-types), as laid out in Azure/azure-rest-api-specs. A clone without ../shared reports a
// spec as unavailable, with a reason.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SPEC_API_VERSION = '2025-07-01';
const SPEC_RELATIVE = `azure-spec/specification/dataprotection/resource-manager/Microsoft.DataProtection/stable/${SPEC_API_VERSION}/dataprotection.json`;
export const RESOURCE_GRAPH_SPEC_API_VERSION = '2024-04-01';
const RESOURCE_GRAPH_SPEC_RELATIVE = `azure-spec/specification/resourcegraph/resource-manager/Microsoft.ResourceGraph/stable/${RESOURCE_GRAPH_SPEC_API_VERSION}/resourcegraph.json`;

export type JsonObject = Record<string, unknown>;

export interface LoadedSpec {
  sharedDir: string;
  /** Absolute path of the main swagger (dataprotection.json, resourcegraph.json). */
  mainFile: string;
  /** The api-version the swagger describes. */
  apiVersion: string;
  /** Resource provider namespace of its paths. */
  namespace: 'Microsoft.DataProtection' | 'Microsoft.ResourceGraph';
  /** Every loaded swagger document by absolute path. */
  documents: Map<string, JsonObject>;
}

export type SpecAvailability = { available: true; spec: LoadedSpec } | { available: false; reason: string };

export function locateSharedDir(): string {
  return process.env.CRR_SHARED_DIR
    ? path.resolve(process.env.CRR_SHARED_DIR)
    : path.resolve(process.cwd(), '../shared');
}

export function recordingsDir(sharedDir = locateSharedDir()): string {
  return path.join(sharedDir, 'azure-recordings');
}

const cache = new Map<string, SpecAvailability>();

/** The DataProtection 2025-07-01 spec. */
export function loadSpec(sharedDir = locateSharedDir()): SpecAvailability {
  return loadSwagger(sharedDir, SPEC_RELATIVE, SPEC_API_VERSION, 'Microsoft.DataProtection');
}

/** The Microsoft.ResourceGraph 2024-04-01 spec. */
export function loadResourceGraphSpec(sharedDir = locateSharedDir()): SpecAvailability {
  return loadSwagger(
    sharedDir,
    RESOURCE_GRAPH_SPEC_RELATIVE,
    RESOURCE_GRAPH_SPEC_API_VERSION,
    'Microsoft.ResourceGraph',
  );
}

function loadSwagger(
  sharedDir: string,
  relative: string,
  apiVersion: string,
  namespace: LoadedSpec['namespace'],
): SpecAvailability {
  const key = `${sharedDir}|${relative}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = readSwagger(sharedDir, relative, apiVersion, namespace);
  cache.set(key, result);
  return result;
}

function readSwagger(
  sharedDir: string,
  relative: string,
  apiVersion: string,
  namespace: LoadedSpec['namespace'],
): SpecAvailability {
  const mainFile = path.join(sharedDir, relative);
  if (!existsSync(mainFile)) {
    return {
      available: false,
      reason: `REST spec not found at ${mainFile} (set CRR_SHARED_DIR to the folder holding azure-spec/ and azure-recordings/)`,
    };
  }
  const documents = new Map<string, JsonObject>();
  const queue = [mainFile];
  while (queue.length > 0) {
    const file = queue.pop();
    if (file === undefined || documents.has(file)) continue;
    if (!existsSync(file))
      return { available: false, reason: `The spec references ${file}, which is missing` };
    const doc = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
    documents.set(file, doc);
    for (const ref of collectRefs(doc)) {
      const target = ref.split('#')[0];
      if (target) queue.push(path.resolve(path.dirname(file), target));
    }
  }
  return { available: true, spec: { sharedDir, mainFile, apiVersion, namespace, documents } };
}

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, out);
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else if (key !== 'x-ms-examples') collectRefs(value, out);
    }
  }
  return out;
}

/** Resolves `file#/a/b` relative to `fromFile`; returns the target file and the node. */
export function resolveRef(
  spec: LoadedSpec,
  fromFile: string,
  ref: string,
): { file: string; node: unknown; pointer: string } {
  const [target, pointer = ''] = ref.split('#');
  const file = target ? path.resolve(path.dirname(fromFile), target) : fromFile;
  const doc = spec.documents.get(file);
  if (!doc) throw new Error(`Unresolvable $ref ${ref} from ${fromFile}`);
  let node: unknown = doc;
  for (const part of pointer.split('/').filter(Boolean)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as JsonObject)[key] : undefined;
  }
  if (node === undefined) throw new Error(`Unresolvable $ref ${ref} from ${fromFile}`);
  return { file, node, pointer };
}
