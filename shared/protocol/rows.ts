import Type, { type TSchema } from 'typebox';
import {
  BAG_FIELDS,
  type BagValues,
  BREW_FIELDS,
  BREWER_FIELDS,
  type BrewerValues,
  type BrewValues,
  type Entity,
  type FieldSpec,
  GRINDER_FIELDS,
  type GrinderValues,
  PHOTO_FIELDS,
  type PhotoValues,
  RECIPE_FIELDS,
  type RecipeValues,
} from '../model/entities.js';
import { UUID_PATTERN } from '../model/validate.js';

/** JSON schema of one field's value as sent on the wire (null = unset). */
export function fieldSchema(spec: FieldSpec): TSchema {
  const nullable = (schema: TSchema): TSchema =>
    'required' in spec && spec.required ? schema : Type.Union([schema, Type.Null()]);
  switch (spec.kind) {
    case 'string':
      return nullable(Type.String({ maxLength: spec.maxLength }));
    case 'enum':
      return nullable(Type.Union(spec.values.map((value) => Type.Literal(value))));
    case 'number':
      return nullable(Type.Number({ minimum: spec.min, maximum: spec.max }));
    case 'boolean':
      return nullable(Type.Boolean());
    case 'date':
      return nullable(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }));
    case 'timestamp':
      return nullable(Type.String({ maxLength: 40 }));
    case 'ref':
    case 'ownerRef':
      return nullable(Type.String({ pattern: UUID_PATTERN }));
    case 'sha256':
      return nullable(Type.String({ pattern: '^[0-9a-f]{64}$' }));
    case 'tags':
      return nullable(Type.String({ maxLength: spec.maxLength }));
  }
}

/** The bookkeeping every synced row carries besides its values. */
export interface RowMeta {
  /** Client-generated UUID; the server never renames it. */
  id: string;
  /** The HLC of the last write of each field. */
  clocks: Record<string, string>;
  /** The account version of the push that last changed this row (server-assigned). */
  version: number;
}

export type BagRow = RowMeta & BagValues;
export type BrewRow = RowMeta & BrewValues;
export type PhotoRow = RowMeta & PhotoValues;
export type RecipeRow = RowMeta & RecipeValues;
export type GrinderRow = RowMeta & GrinderValues;
export type BrewerRow = RowMeta & BrewerValues;
interface RowsByEntity {
  bag: BagRow;
  brew: BrewRow;
  photo: PhotoRow;
  recipe: RecipeRow;
  grinder: GrinderRow;
  brewer: BrewerRow;
}
export type RowFor<E extends Entity> = RowsByEntity[E];

function rowSchema<T>(fields: Record<string, FieldSpec>, id: string) {
  const properties: Record<string, TSchema> = {
    id: Type.String({ pattern: UUID_PATTERN }),
    clocks: Type.Record(Type.String(), Type.String()),
    version: Type.Integer({ minimum: 1 }),
  };
  for (const [name, spec] of Object.entries(fields)) properties[name] = fieldSchema(spec);
  return Type.Unsafe<T>(Type.Object(properties, { $id: id, additionalProperties: false }));
}

/** A bag as the server stores and sends it. */
export const BagRow = rowSchema<BagRow>(BAG_FIELDS, 'BagRow');
/** A brew as the server stores and sends it. */
export const BrewRow = rowSchema<BrewRow>(BREW_FIELDS, 'BrewRow');
/** A photo's metadata as the server stores and sends it (the bytes travel by hash). */
export const PhotoRow = rowSchema<PhotoRow>(PHOTO_FIELDS, 'PhotoRow');
/** A bag's target for one method, as the server stores and sends it. */
export const RecipeRow = rowSchema<RecipeRow>(RECIPE_FIELDS, 'RecipeRow');
/** A grinder as the server stores and sends it. */
export const GrinderRow = rowSchema<GrinderRow>(GRINDER_FIELDS, 'GrinderRow');
/** A brewer as the server stores and sends it. */
export const BrewerRow = rowSchema<BrewerRow>(BREWER_FIELDS, 'BrewerRow');

/** Each entity's row schema, for what lists every entity (the pull page). */
export const ROW_SCHEMAS: { [E in Entity]: TSchema } = {
  bag: BagRow,
  brew: BrewRow,
  photo: PhotoRow,
  recipe: RecipeRow,
  grinder: GrinderRow,
  brewer: BrewerRow,
};
