import fc from 'fast-check';

/** The JSON Schema keywords the wire schemas use, as TypeBox emits them. */
interface JsonSchema {
  type?: string;
  const?: unknown;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
}

/** Arbitraries to use at a property name instead of the schema's, wherever it appears. */
export type Overrides = Record<string, fc.Arbitrary<unknown>>;

/**
 * Values the schema accepts, built from the schema itself, so a test of a hand-written checker
 * follows the wire schemas as they change. Covers the keywords above and refuses any other, so
 * a schema using something new fails loudly here instead of being tested loosely.
 */
export function arbitraryOf(schema: unknown, overrides: Overrides = {}): fc.Arbitrary<unknown> {
  const s = schema as JsonSchema;
  if ('const' in s) return fc.constant(s.const);
  if (s.anyOf !== undefined) return fc.oneof(...s.anyOf.map((o) => arbitraryOf(o, overrides)));
  // No type keyword (TypeBox's Unknown, as in ErrorBody's details): any JSON value.
  if (s.type === undefined) return fc.jsonValue();
  switch (s.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: s.minimum ?? -(2 ** 31), max: s.maximum ?? 2 ** 31 });
    case 'number':
      return fc.double({
        min: s.minimum ?? -1e15,
        max: s.maximum ?? 1e15,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'string':
      return stringOf(s);
    case 'array':
      return fc.array(arbitraryOf(s.items, overrides), { maxLength: 4 });
    case 'object':
      return objectOf(s, overrides);
  }
  throw new Error(`arbitraryOf: no generator for ${JSON.stringify(schema)}`);
}

function stringOf(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'uuid') return fc.uuid();
  if (s.format !== undefined) throw new Error(`arbitraryOf: no generator for format ${s.format}`);
  if (s.pattern !== undefined) return fc.stringMatching(new RegExp(s.pattern));
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) });
}

function objectOf(s: JsonSchema, overrides: Overrides): fc.Arbitrary<unknown> {
  const patterns = Object.values(s.patternProperties ?? {});
  if (patterns.length > 0) {
    return fc.dictionary(
      fc.string({ maxLength: 12 }),
      fc.oneof(...patterns.map((p) => arbitraryOf(p, overrides))),
      {
        maxKeys: 4,
      },
    );
  }
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(s.properties ?? {})) {
    shape[name] = overrides[name] ?? arbitraryOf(property, overrides);
  }
  return fc.record(shape, { requiredKeys: s.required ?? [] });
}
