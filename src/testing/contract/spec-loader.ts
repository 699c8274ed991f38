// Loads the swaggers the app talks to (DataProtection 2025-07-01, Authorization 2022-04-01) and every
// file their $refs reach (common-types), as laid out in Azure/azure-rest-api-specs. A clone without
// ../shared reports the spec as unavailable, with a reason.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** api-version of the DataProtection spec (the app's main contract). */
export const SPEC_API_VERSION = '2025-07-01';
const SPEC_RELATIVE = `azure-spec/specification/dataprotection/resource-manager/Microsoft.DataProtection/stable/${SPEC_API_VERSION}/dataprotection.json`;
/** api-version of the Microsoft.Authorization spec (the restore's permission check). */
export const AUTHORIZATION_SPEC_API_VERSION = '2022-04-01';
const AUTHORIZATION_RELATIVE = `azure-spec/specification/authorization/resource-manager/Microsoft.Authorization/stable/${AUTHORIZATION_SPEC_API_VERSION}`;

/** One provider's spec: the swagger files that define its operations and their api-version. */
export interface SpecSource {
  /** Resource provider namespace whose URLs the files describe. */
  namespace: string;
  apiVersion: string;
  /** Swagger files below the shared folder. */
  files: string[];
}

/** The providers whose traffic the contract suite checks. */
export const SPEC_SOURCES: readonly SpecSource[] = [
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
  /** Absolute path of dataprotection.json. */
  mainFile: string;
  /** Every file that defines operations, DataProtection's first. */
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

let cached: SpecAvailability | undefined;

export function loadSpec(sharedDir = locateSharedDir()): SpecAvailability {
  if (cached && (!cached.available || cached.spec.sharedDir === sharedDir)) return cached;
  const mainFile = path.join(sharedDir, SPEC_RELATIVE);
  const mainFiles = SPEC_SOURCES.flatMap((source) =>
    source.files.map((f) => ({
      namespace: source.namespace,
      apiVersion: source.apiVersion,
      file: path.join(sharedDir, f),
    })),
  );
  const absent = mainFiles.find((m) => !existsSync(m.file));
  if (absent) {
    cached = {
      available: false,
      reason: `REST spec not found at ${absent.file} (set CRR_SHARED_DIR to the folder holding azure-spec/ and azure-recordings/)`,
    };
    return cached;
  }
  const documents = new Map<string, JsonObject>();
  const queue = mainFiles.map((m) => m.file);
  while (queue.length > 0) {
    const file = queue.pop();
    if (file === undefined || documents.has(file)) continue;
    if (!existsSync(file)) {
      cached = { available: false, reason: `The spec references ${file}, which is missing` };
      return cached;
    }
    const doc = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
    documents.set(file, doc);
    for (const ref of collectRefs(doc)) {
      const target = ref.split('#')[0];
      if (target) queue.push(path.resolve(path.dirname(file), target));
    }
  }
  cached = { available: true, spec: { sharedDir, mainFile, mainFiles, documents } };
  return cached;
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
