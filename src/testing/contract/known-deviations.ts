// The ONLY places where the contract validator accepts something the specs (DataProtection
// 2025-07-01, ResourceGraph 2024-04-01) do not say.
// Each entry is backed by a real ARM exchange in ../shared/azure-recordings (file + exchange index,
// 0-based) or, for spec examples, by the example file and the reason it is wrong. Nothing else is
// relaxed: objects are closed (as Azure's own `oav` response validation treats them), read-only
// properties are refused in requests, discriminators must name a known subtype.

export interface RecordingEvidence {
  recording: string;
  exchange: number;
  shows: string;
}

interface DeviationBase {
  id: string;
  why: string;
  evidence: RecordingEvidence[];
}

/** Optional properties may be null in responses (x-nullable is absent everywhere in the spec). */
export interface NullForOptionalDeviation extends DeviationBase {
  kind: 'null-for-optional';
}

/** Extra properties real ARM returns on a definition. */
export interface ExtraPropertyDeviation extends DeviationBase {
  kind: 'extra-property';
  definition: string;
  property: string;
  /** JSON schema the extra property must satisfy. */
  schema: Record<string, unknown>;
}

/** A property whose real type differs from the spec's; validated with `schema` instead. */
export interface ReplacedPropertyDeviation extends DeviationBase {
  kind: 'replaced-property';
  definition: string;
  property: string;
  schema: Record<string, unknown>;
}

/** A path real ARM hands out (in headers) that the spec does not list; validated as `asOperationId`. */
export interface ExtraPathDeviation extends DeviationBase {
  kind: 'extra-path';
  method: string;
  pathTemplate: string;
  asOperationId: string;
}

export interface ExampleDefect {
  kind: 'example-defect';
  id: string;
  example: string;
  /** JSON path (as the validator reports it) that is allowed to fail, and why. */
  path: string;
  why: string;
}

export type KnownDeviation =
  NullForOptionalDeviation | ExtraPropertyDeviation | ReplacedPropertyDeviation | ExtraPathDeviation;

export const KNOWN_DEVIATIONS: readonly KnownDeviation[] = [
  {
    id: 'null-for-absent-optional',
    kind: 'null-for-optional',
    why: 'ARM serialises absent optional values as null (jobs, recovery points, error bodies), while the spec declares no x-nullable.',
    evidence: [
      {
        recording: 'test_dataprotection_job_list_and_show.json',
        exchange: 0,
        shows:
          'jobs with "endTime": null, "errorDetails": null, "extendedInfo": null, "progressUrl": null, and "nextLink": null',
      },
      {
        recording: 'test_dataprotection_recovery_point_list.json',
        exchange: 8,
        shows: 'recovery points with "policyVersion": null, "metaData": null, "rehydrationStatus": null',
      },
      {
        recording: 'test_dataprotection_backup_vault_update.json',
        exchange: 48,
        shows: 'error body with "target": null, "details": null',
      },
    ],
  },
  {
    id: 'job-isCrossRegionRestore',
    kind: 'extra-property',
    definition: 'AzureBackupJob',
    property: 'isCrossRegionRestore',
    schema: { type: ['boolean', 'null'] },
    why: 'Real job bodies carry isCrossRegionRestore (the flag that tells a CRR job apart); the spec lacks it.',
    evidence: [
      {
        recording: 'test_dataprotection_job_list_and_show.json',
        exchange: 0,
        shows: '"isCrossRegionRestore": null on every listed job',
      },
      {
        recording: 'test_dataprotection_job_list_and_show.json',
        exchange: 2,
        shows: '"isCrossRegionRestore" on a single job GET',
      },
    ],
  },
  {
    id: 'job-sourceDataStoreType',
    kind: 'extra-property',
    definition: 'AzureBackupJob',
    property: 'sourceDataStoreType',
    schema: { type: ['string', 'null'] },
    why: 'Real job bodies carry sourceDataStoreType ("VaultStore", "OperationalStore"); the spec only has sourceDataStoreName.',
    evidence: [
      {
        recording: 'test_dataprotection_job_list_and_show.json',
        exchange: 0,
        shows: '"sourceDataStoreType": "OperationalStore" / "VaultStore" / null on listed jobs',
      },
    ],
  },
  {
    id: 'rg-scoped-location-operation-status',
    kind: 'extra-path',
    method: 'GET',
    pathTemplate:
      '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DataProtection/locations/{location}/operationStatus/{operationId}',
    asOperationId: 'OperationStatus_Get',
    why: 'ARM hands out a resource-group-scoped, location-scoped Azure-AsyncOperation URL the spec does not list; clients poll it as given.',
    evidence: [
      {
        recording: 'test_dataprotection_backup_vault_update.json',
        exchange: 49,
        shows:
          'azure-asyncoperation header pointing at …/resourceGroups/{rg}/providers/Microsoft.DataProtection/locations/{loc}/operationStatus/{id}',
      },
      {
        recording: 'test_dataprotection_backup_vault_update.json',
        exchange: 50,
        shows: 'GET of that URL answering an OperationResource',
      },
    ],
  },
  {
    id: 'resource-graph-data-array',
    kind: 'replaced-property',
    definition: 'QueryResponse',
    property: 'data',
    schema: { type: 'array', items: { type: 'object' } },
    why: 'Resource Graph 2024-04-01 declares `data` as `type: object` ("Query output in JObject array or Table format"), but with resultFormat objectArray it is an array of row objects, in real answers and in the spec\'s own examples alike.',
    evidence: [
      {
        recording: 'test_dataprotection_backup_instance_list_from_resource_graph.json',
        exchange: 0,
        shows: '"data": [ { backup instance row } ] with resultFormat objectArray',
      },
      {
        recording: 'test_dataprotection_cross_region_restore.json',
        exchange: 0,
        shows: '"data": [ { backup instance row with backupInstanceExtendedProperties } ]',
      },
    ],
  },
];

/** Defects in the spec's own examples (they still have to validate everywhere else). */
export const EXAMPLE_DEFECTS: readonly ExampleDefect[] = [
  {
    kind: 'example-defect',
    id: 'resource-graph-facet-data-array',
    example: 'examples/ResourcesFacetQuery.json',
    path: '$.facets',
    why: 'FacetResult.data is declared `type: object` but the example (like real answers for QueryResponse.data) has arrays. The app never asks for facets; everything else of the example must still validate.',
  },
];

/** Properties added or retyped on `definition` (applied in relaxed response validation only). */
export function extraProperties(definition: string): (ExtraPropertyDeviation | ReplacedPropertyDeviation)[] {
  return KNOWN_DEVIATIONS.filter(
    (d): d is ExtraPropertyDeviation | ReplacedPropertyDeviation =>
      (d.kind === 'extra-property' || d.kind === 'replaced-property') && d.definition === definition,
  );
}

export function extraPaths(): ExtraPathDeviation[] {
  return KNOWN_DEVIATIONS.filter((d): d is ExtraPathDeviation => d.kind === 'extra-path');
}
