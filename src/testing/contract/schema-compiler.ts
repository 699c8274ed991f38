// Swagger 2.0 (with Microsoft extensions) -> JSON Schema for ajv, one schema per definition and mode.
// - allOf inheritance is flattened so objects can be closed (additionalProperties: false unless the
//   spec declares additionalProperties), which is how Azure's `oav` validates responses;
// - `discriminator` + `x-ms-discriminator-value`: a $ref to a polymorphic type dispatches on the
//   discriminator to the subtype's schema; an unknown value is an error;
// - `readOnly` properties are refused in requests; `x-nullable` allows null;
// - formats: date-time, duration, uuid (ajv-formats) plus int32/int64/float/double/arm-id;
// - enums are enforced unless `x-ms-enum.modelAsString` says the set is open (autorest/oav semantics).

import { isRecord } from '@/azure/common/is-record';
import type Ajv from 'ajv';
import { extraProperties } from './known-deviations';
import { resolveRef, type JsonObject, type LoadedSpec } from './spec-loader';

export type SchemaMode = 'request' | 'response' | 'response-relaxed';
type Schema = Record<string, unknown>;

interface DefKey {
  file: string;
  name: string;
}

interface Flattened {
  properties: Map<string, { schema: JsonObject; file: string; readOnly: boolean }>;
  required: Set<string>;
  additionalProperties: { schema: unknown; file: string } | undefined;
  discriminator: string | undefined;
}

function keyOf(k: DefKey): string {
  return `${k.file}#${k.name}`;
}

export class SchemaCompiler {
  private readonly registered = new Set<string>();
  /** parent def key -> direct children def keys (allOf $ref). */
  private readonly children = new Map<string, DefKey[]>();

  constructor(
    private readonly spec: LoadedSpec,
    private readonly ajv: Ajv,
  ) {
    for (const [file, doc] of spec.documents) {
      const defs = isRecord(doc.definitions) ? doc.definitions : {};
      for (const [name, def] of Object.entries(defs)) {
        if (!isRecord(def) || !Array.isArray(def.allOf)) continue;
        for (const part of def.allOf) {
          if (isRecord(part) && typeof part.$ref === 'string') {
            const parent = this.defKeyFromRef(file, part.$ref);
            const list = this.children.get(keyOf(parent)) ?? [];
            list.push({ file, name });
            this.children.set(keyOf(parent), list);
          }
        }
      }
    }
  }

  /** JSON schema for a swagger schema object found in `file`. */
  compile(mode: SchemaMode, file: string, schema: unknown): Schema {
    if (!isRecord(schema)) return {};
    if (typeof schema.$ref === 'string') {
      const key = this.defKeyFromRef(file, schema.$ref);
      return { $ref: this.polymorphic(key) ? this.dispatchId(mode, key) : this.selfId(mode, key) };
    }
    let out: Schema;
    if (
      Array.isArray(schema.allOf) ||
      isRecord(schema.properties) ||
      schema.type === 'object' ||
      schema.additionalProperties !== undefined
    ) {
      out = this.objectSchema(mode, this.flatten(file, schema, undefined), undefined);
    } else if (schema.type === 'array') {
      out = { type: 'array', items: this.compile(mode, file, schema.items) };
    } else if (typeof schema.type === 'string') {
      out = { type: schema.type };
      if (typeof schema.format === 'string') out.format = schema.format;
      if (Array.isArray(schema.enum) && !modelAsString(schema)) out.enum = schema.enum;
      for (const k of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'])
        if (typeof schema[k] === 'number') out[k] = schema[k];
    } else {
      out = {};
    }
    if (schema['x-nullable'] === true) return { anyOf: [out, { type: 'null' }] };
    return out;
  }

  private defKeyFromRef(fromFile: string, ref: string): DefKey {
    const { file, pointer } = resolveRef(this.spec, fromFile, ref);
    const m = /^\/definitions\/(.+)$/.exec(pointer);
    if (!m?.[1]) throw new Error(`Only #/definitions refs are supported in schemas: ${ref}`);
    return { file, name: m[1] };
  }

  private definition(key: DefKey): JsonObject {
    const doc = this.spec.documents.get(key.file);
    const defs = doc && isRecord(doc.definitions) ? doc.definitions : undefined;
    const def = defs?.[key.name];
    if (!isRecord(def)) throw new Error(`Missing definition ${key.name} in ${key.file}`);
    return def;
  }

  private descendants(key: DefKey): DefKey[] {
    const out: DefKey[] = [];
    const walk = (k: DefKey) => {
      for (const child of this.children.get(keyOf(k)) ?? []) {
        out.push(child);
        walk(child);
      }
    };
    walk(key);
    return out;
  }

  private discriminatorOf(key: DefKey): string | undefined {
    return this.flatten(key.file, this.definition(key), key).discriminator;
  }

  private polymorphic(key: DefKey): boolean {
    return this.discriminatorOf(key) !== undefined && this.descendants(key).length > 0;
  }

  private discriminatorValue(key: DefKey): string {
    const v = this.definition(key)['x-ms-discriminator-value'];
    return typeof v === 'string' ? v : key.name;
  }

  private id(mode: SchemaMode, key: DefKey, variant: 'self' | 'dispatch'): string {
    return `urn:swagger:${mode}:${variant}:${encodeURIComponent(keyOf(key))}`;
  }

  /** The concrete schema of one definition (no dispatch). */
  private selfId(mode: SchemaMode, key: DefKey): string {
    const id = this.id(mode, key, 'self');
    if (this.registered.has(id)) return id;
    this.registered.add(id);
    const def = this.definition(key);
    const flat = this.flatten(key.file, def, key);
    let schema: Schema;
    if (
      flat.properties.size > 0 ||
      flat.additionalProperties !== undefined ||
      def.type === 'object' ||
      Array.isArray(def.allOf)
    ) {
      schema = this.objectSchema(mode, flat, key);
    } else {
      schema = this.compile(mode, key.file, { ...def, allOf: undefined });
    }
    this.ajv.addSchema({ $id: id, ...schema });
    return id;
  }

  /** Dispatch on the discriminator to the definition itself or one of its descendants. */
  private dispatchId(mode: SchemaMode, key: DefKey): string {
    const id = this.id(mode, key, 'dispatch');
    if (this.registered.has(id)) return id;
    this.registered.add(id);
    const disc = this.discriminatorOf(key);
    if (!disc) throw new Error(`${key.name} is not polymorphic`);
    const candidates = [key, ...this.descendants(key)];
    const values = candidates.map((k) => this.discriminatorValue(k));
    const schema: Schema = {
      $id: id,
      type: 'object',
      required: [disc],
      properties: { [disc]: { type: 'string', enum: values } },
      allOf: candidates.map((k, i) => ({
        if: { type: 'object', required: [disc], properties: { [disc]: { const: values[i] } } },
        then: { $ref: this.selfId(mode, k) },
      })),
    };
    this.ajv.addSchema(schema);
    return id;
  }

  private flatten(
    file: string,
    schema: JsonObject,
    key: DefKey | undefined,
    seen = new Set<string>(),
  ): Flattened {
    const flat: Flattened = {
      properties: new Map(),
      required: new Set(),
      additionalProperties: undefined,
      discriminator: undefined,
    };
    if (key) {
      if (seen.has(keyOf(key))) return flat;
      seen.add(keyOf(key));
    }
    for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
      if (!isRecord(part)) continue;
      let parent: Flattened;
      if (typeof part.$ref === 'string') {
        const parentKey = this.defKeyFromRef(file, part.$ref);
        parent = this.flatten(parentKey.file, this.definition(parentKey), parentKey, seen);
      } else {
        parent = this.flatten(file, part, undefined, seen);
      }
      for (const [k, v] of parent.properties) flat.properties.set(k, v);
      for (const r of parent.required) flat.required.add(r);
      flat.additionalProperties ??= parent.additionalProperties;
      flat.discriminator ??= parent.discriminator;
    }
    if (isRecord(schema.properties)) {
      for (const [name, prop] of Object.entries(schema.properties)) {
        if (!isRecord(prop)) continue;
        flat.properties.set(name, {
          schema: prop,
          file,
          readOnly: prop.readOnly === true || this.refIsReadOnly(file, prop),
        });
      }
    }
    if (Array.isArray(schema.required))
      for (const r of schema.required) if (typeof r === 'string') flat.required.add(r);
    if (schema.additionalProperties !== undefined)
      flat.additionalProperties = { schema: schema.additionalProperties, file };
    if (typeof schema.discriminator === 'string') flat.discriminator = schema.discriminator;
    return flat;
  }

  private refIsReadOnly(file: string, prop: JsonObject): boolean {
    if (typeof prop.$ref !== 'string') return false;
    const key = this.defKeyFromRef(file, prop.$ref);
    return this.definition(key).readOnly === true;
  }

  private objectSchema(mode: SchemaMode, flat: Flattened, key: DefKey | undefined): Schema {
    const properties: Schema = {};
    const required: string[] = [];
    for (const [name, { schema, file, readOnly }] of flat.properties) {
      if (mode === 'request' && readOnly) {
        // oav: READONLY_PROPERTY_NOT_ALLOWED_IN_REQUEST.
        properties[name] = { not: {}, description: 'read-only property sent in a request' };
        continue;
      }
      let compiled = this.compile(mode, file, schema);
      if (key && flat.discriminator === name && !this.polymorphic(key)) {
        compiled = { ...compiled, const: this.discriminatorValue(key) };
      }
      const isRequired = flat.required.has(name);
      if (mode === 'response-relaxed' && !isRequired) compiled = { anyOf: [compiled, { type: 'null' }] };
      properties[name] = compiled;
      if (isRequired) required.push(name);
    }
    if (mode === 'response-relaxed' && key) {
      for (const extra of extraProperties(key.name)) properties[extra.property] = extra.schema;
    }
    const out: Schema = { type: 'object', properties };
    if (required.length > 0) out.required = required;
    if (flat.additionalProperties !== undefined) {
      const ap = flat.additionalProperties.schema;
      out.additionalProperties =
        ap === true ? true : ap === false ? false : this.compile(mode, flat.additionalProperties.file, ap);
    } else if (flat.properties.size > 0) {
      out.additionalProperties = false;
    }
    return out;
  }
}

function modelAsString(schema: JsonObject): boolean {
  const ext = schema['x-ms-enum'];
  return isRecord(ext) && ext.modelAsString === true;
}
