import { z } from 'zod';

/**
 * The JSON Schemas of an OpenAPI document, from zod: every named schema once, under components.schemas, and
 * `$ref`s to it wherever it is used. Register the schemas an operation uses, then `generate`, then ask for each
 * one's JSON (`schema`, `parameterSchema`); `components` is what those answers refer to, and nothing more.
 *
 * A schema may read differently as input (a request) and as output (an answer): a field with a default is
 * optional in the one, always there in the other. Both are generated; where a named schema differs, requests
 * refer to its input form under the name with `Input` appended.
 */

export type JsonSchema = Record<string, unknown>;
type Io = 'input' | 'output';

const COMPONENTS = '#/components/schemas/';
const uri = (id: string) => COMPONENTS + id;
/** Parameters are inlined into their operation, never components; their ids only need to be unique. */
const PARAMETER = '~parameter~';

export class SchemaComponents {
  private readonly registry = z.registry<{ id: string }>();
  private readonly ids = new Set<string>();
  private generated?: Record<Io, Record<string, JsonSchema>>;
  /** The JSON handed out for requests, to point at input forms once they are known. */
  private readonly requestJson: JsonSchema[] = [];
  private readonly roots: Record<Io, Set<string>> = { input: new Set(), output: new Set() };

  constructor(names: ReadonlyMap<z.ZodType, string>) {
    for (const [schema, name] of names) this.add(schema, name);
  }

  /** Names a route's body or answer after its operation, unless it has a name already. */
  register(schema: z.ZodType, name: string): void {
    if (!this.registry.has(schema)) this.add(schema, this.free(name));
  }

  /** A parameter's schema: inlined in the operation (named schemas in it stay references). */
  registerParameter(schema: z.ZodType, name: string): void {
    if (!this.registry.has(schema)) this.add(schema, this.free(PARAMETER + name));
  }

  generate(): void {
    const of = (io: Io) => {
      const { schemas } = z.toJSONSchema(this.registry, { io, uri, unrepresentable: 'any', override: ({ jsonSchema }) => clarify(jsonSchema) });
      if ('__shared' in schemas) throw new Error('a schema neither named nor registered is recursive: name it');
      for (const json of Object.values(schemas)) {
        delete json.$id;
        delete json.$schema;
      }
      return schemas as Record<string, JsonSchema>;
    };
    this.generated = { input: of('input'), output: of('output') };
  }

  /** A reference to a registered schema, as a request (input) or an answer (output) reads it. */
  schema(schema: z.ZodType, io: Io): JsonSchema {
    const id = this.idOf(schema);
    if (id.startsWith(PARAMETER)) return this.parameterSchema(schema);
    this.roots[io].add(id);
    return this.handOut({ $ref: uri(id) }, io);
  }

  /** A parameter's schema, inline. */
  parameterSchema(schema: z.ZodType): JsonSchema {
    const id = this.idOf(schema);
    if (!id.startsWith(PARAMETER)) return this.schema(schema, 'input');
    const json = this.inlineParameters(structuredClone(this.json('input', id)), 'input');
    for (const ref of refsIn(json)) this.roots.input.add(ref);
    return this.handOut(json, 'input');
  }

  /** Every schema the handed-out JSON refers to, directly or through another. */
  components(): Record<string, JsonSchema> {
    const output = this.closure('output');
    const input = this.closure('input');
    const differ = this.inputForms(input, output);
    const components: Record<string, JsonSchema> = {};
    for (const id of [...output].sort()) components[id] = this.inlineParameters(structuredClone(this.json('output', id)), 'output');
    for (const id of [...input].sort()) {
      if (output.has(id) && !differ.has(id)) continue;
      const json = this.inlineParameters(structuredClone(this.json('input', id)), 'input');
      components[differ.has(id) ? `${id}Input` : id] = pointAtInputForms(json, differ);
    }
    for (const json of this.requestJson) pointAtInputForms(json, differ);
    return components;
  }

  private add(schema: z.ZodType, id: string) {
    this.registry.add(schema, { id });
    this.ids.add(id);
  }

  private free(name: string): string {
    let id = name;
    for (let n = 2; this.ids.has(id); n++) id = `${name}${n}`;
    return id;
  }

  private idOf(schema: z.ZodType): string {
    const id = this.registry.get(schema)?.id;
    if (!id) throw new Error('a schema of the OpenAPI document was not registered before generate()');
    return id;
  }

  private json(io: Io, id: string): JsonSchema {
    if (!this.generated) throw new Error('SchemaComponents.generate() has not run');
    const json = this.generated[io][id];
    if (!json) throw new Error(`no JSON Schema generated for ${id}`);
    return json;
  }

  private handOut(json: JsonSchema, io: Io): JsonSchema {
    if (io === 'input') this.requestJson.push(json);
    return json;
  }

  /** A parameter's schema reached from a named one (the same zod object used twice) is written out in place. */
  private inlineParameters(json: JsonSchema, io: Io): JsonSchema {
    return mapRefs(json, (ref, node) =>
      ref.startsWith(PARAMETER) ? this.inlineParameters(structuredClone({ ...this.json(io, ref), ...without$ref(node) }), io) : node,
    );
  }

  /** The components reached from the roots; through inlined parameters too, which are not components. */
  private closure(io: Io): Set<string> {
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const ref of refsIn(this.json(io, id))) visit(ref);
    };
    for (const id of this.roots[io]) visit(id);
    return new Set([...seen].filter((id) => !id.startsWith(PARAMETER)));
  }

  /** The named schemas requests use whose input form differs from their output form, or refers to one that does. */
  private inputForms(input: Set<string>, output: Set<string>): Set<string> {
    const both = [...input].filter((id) => output.has(id));
    const differ = new Set(both.filter((id) => JSON.stringify(this.json('input', id)) !== JSON.stringify(this.json('output', id))));
    for (let grew = true; grew; ) {
      grew = false;
      for (const id of both) {
        if (differ.has(id) || !refsIn(this.json('input', id)).some((ref) => differ.has(ref))) continue;
        differ.add(id);
        grew = true;
      }
    }
    return differ;
  }
}

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

const without$ref = ({ $ref: _ref, ...rest }: JsonSchema) => rest;

/** The component ids a JSON Schema refers to. */
function refsIn(json: unknown, found: string[] = []): string[] {
  if (Array.isArray(json)) for (const item of json) refsIn(item, found);
  else if (isObject(json)) {
    if (typeof json.$ref === 'string' && json.$ref.startsWith(COMPONENTS)) found.push(json.$ref.slice(COMPONENTS.length));
    for (const value of Object.values(json)) refsIn(value, found);
  }
  return found;
}

/** Replaces, in place and at any depth, each node that refers to a component by what `replace` makes of it. */
function mapRefs(json: JsonSchema, replace: (id: string, node: JsonSchema) => JsonSchema): JsonSchema {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (!isObject(value)) return value;
    if (typeof value.$ref === 'string' && value.$ref.startsWith(COMPONENTS)) {
      const replaced = replace(value.$ref.slice(COMPONENTS.length), value);
      if (replaced !== value) return replaced;
    }
    for (const [key, child] of Object.entries(value)) value[key] = visit(child);
    return value;
  };
  return visit(json) as JsonSchema;
}

function pointAtInputForms(json: JsonSchema, differ: Set<string>): JsonSchema {
  return mapRefs(json, (id, node) => {
    if (differ.has(id)) node.$ref = uri(`${id}Input`);
    return node;
  });
}

/**
 * Says three things zod's JSON Schema says in a way linters and documentation viewers read badly: a union with
 * "anything" in it is anything, a record keyed by an enum has exactly those properties, and an integer's
 * bounds are worth saying only when they are not JavaScript's safe-integer range.
 */
function clarify(json: JsonSchema): void {
  if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
  if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
  if (Array.isArray(json.anyOf) && json.anyOf.some((option) => isObject(option) && Object.keys(option).length === 0)) delete json.anyOf;
  const keys = isObject(json.propertyNames) ? json.propertyNames.enum : undefined;
  if (json.type === 'object' && Array.isArray(keys) && isObject(json.additionalProperties)) {
    const value = json.additionalProperties;
    json.properties = Object.fromEntries(keys.map((key) => [String(key), value]));
    json.additionalProperties = false;
    delete json.propertyNames;
  }
}
