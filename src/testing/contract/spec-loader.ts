// Loads the swaggers the app talks to and every file their $refs reach (common-types), as laid out
// in Azure/azure-rest-api-specs: DataProtection 2025-07-01 with Authorization 2022-04-01 (the
// restore's permission check), and ResourceGraph 2024-04-01 on its own. A clone without ../shared
// reports a spec as unavailable, with a reason.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** api-version of the DataProtection spec (the app's main contract). */
export const SPEC_API_VERSION = '2025-07-01';
const SPEC_RELATIVE = `azure-spec/specification/dataprotection/resource-manager/Microsoft.DataProtection/stable/${SPEC_API_VERSION}/dataprotection.json`;
/** api-version of the Microsoft.Authorization spec (the restore's permission check). */
export const AUTHORIZATION_SPEC_API_VERSION = '2022-04-01';
const AUTHORIZATION_RELATIVE = `azure-spec/specification/authorization/resource-manager/Microsoft.Authorization/stable/${AUTHORIZATION_SPEC_API_VERSION}`;
export const RESOURCE_GRAPH_SPEC_API_VERSION = '2024-04-01';
const RESOURCE_GRAPH_SPEC_RELATIVE = `azure-spec/specification/resourcegraph/resource-manager/Microsoft.ResourceGraph/stable/${RESOURCE_GRAPH_SPEC_API_VERSION}/resourcegraph.json`;

/** One provider's spec: the swagger files that define its operations and their api-version. */
export interface SpecSource {
  /** Resource provider namespace whose URLs the files describe. */
  namespace: string;
  apiVersion: string;
  /** Swagger files below the shared folder. */
  files: string[];
}

/** DataProtection and the Authorization calls of the restore wizard, validated together. */
const ARM_SOURCES: readonly SpecSource[] = [
  { namespace: 'Microsoft.DataProtection', apiVersion: SPEC_API_VERSION, files: [SPEC_RELATIVE] },
  {
    namespace: 'Microsoft.Authorization',
    apiVersion: AUTHORIZATION_SPEC_API_VERSION,
    files: [
      `${AUTHORIZATION_RELATIVE}/authorization-RoleAssignmentsCalls.json`,
      `${AUTHORIZATION_RELATIVE}/authorization-RoleDefinitionsCalls.json`,
    ],
  },
];

const RESOURCE_GRAPH_SOURCES: readonly SpecSource[] = [
  {
    namespace: 'Microsoft.ResourceGraph',
    apiVersion: RESOURCE_GRAPH_SPEC_API_VERSION,
    files: [RESOURCE_GRAPH_SPEC_RELATIVE],
  },
];

/** A loaded swagger file that defines operations. */
export interface MainFile {
  namespace: string;
  apiVersion: string;
  /** Absolute path. */
  file: string;
}

export type JsonObject = Record<string, unknown>;

export interface LoadedSpec {
  sharedDir: string;
  /** Absolute path of the first main swagger (dataprotection.json, resourcegraph.json). */
  mainFile: string;
  /** The api-version the first swagger describes. */
  apiVersion: string;
  /** Resource provider namespace of its paths. */
  namespace: string;
  /** Every file that defines operations, with its own namespace and api-version. */
  mainFiles: MainFile[];
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

/** The DataProtection 2025-07-01 spec, with the Authorization 2022-04-01 calls. */
export function loadSpec(sharedDir = locateSharedDir()): SpecAvailability {
  return loadSwaggers(sharedDir, ARM_SOURCES);
}

/** The Microsoft.ResourceGraph 2024-04-01 spec. */
export function loadResourceGraphSpec(sharedDir = locateSharedDir()): SpecAvailability {
  return loadSwaggers(sharedDir, RESOURCE_GRAPH_SOURCES);
}

function loadSwaggers(sharedDir: string, sources: readonly SpecSource[]): SpecAvailability {
  const key = `${sharedDir}|${sources.map((s) => s.files.join(',')).join('|')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = readSwaggers(sharedDir, sources);
  cache.set(key, result);
  return result;
}

function readSwaggers(sharedDir: string, sources: readonly SpecSource[]): SpecAvailability {
  const mainFiles = sources.flatMap((source) =>
    source.files.map((f) => ({
      namespace: source.namespace,
      apiVersion: source.apiVersion,
      file: path.join(sharedDir, f),
    })),
  );
  const first = mainFiles[0];
  if (!first) return { available: false, reason: 'No spec files were named' };
  const absent = mainFiles.find((m) => !existsSync(m.file));
  if (absent) {
    return {
      available: false,
      reason: `REST spec not found at ${absent.file} (set CRR_SHARED_DIR to the folder holding azure-spec/ and azure-recordings/)`,
    };
  }
  const documents = new Map<string, JsonObject>();
  const queue = mainFiles.map((m) => m.file);
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
  return {
    available: true,
    spec: {
      sharedDir,
      mainFile: first.file,
      apiVersion: first.apiVersion,
      namespace: first.namespace,
      mainFiles,
      documents,
    },
  };
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
