import type { MergeableRow } from '../../../shared/merge.js';
import {
  type Entity,
  FIELDS,
  type FieldSpec,
  fieldNames,
  perEntity,
} from '../../../shared/model/entities.js';

/**
 * The one place that maps wire field names (camelCase) to columns (snake_case), in both
 * directions. Values are never converted: the column types were chosen so that what the
 * client sent is what it gets back.
 */

/** A stored row in wire shape: `{id, version, clocks, ...fields}` (null = unset). */
export type StoredRow = MergeableRow & { version: number };

function snake(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** [wire field, column] pairs per entity, in spec order. */
export const FIELD_COLUMNS: Record<Entity, readonly (readonly [string, string])[]> = perEntity(
  (entity) => fieldNames(entity).map((field) => [field, snake(field)] as const),
);

/** The SQL type of a field's column, as migrations 0002 and 0007 created them. */
function sqlType(spec: FieldSpec): string {
  return spec.kind === 'number' ? 'double precision' : spec.kind === 'boolean' ? 'boolean' : 'text';
}

/** A field's wire name, its column, and the column's SQL type. */
export interface FieldColumn {
  field: string;
  column: string;
  type: string;
}

/** Every field column per entity with its SQL type, in FIELD_COLUMNS order. */
export const FIELD_COLUMN_TYPES: Record<Entity, readonly FieldColumn[]> = perEntity((entity) => {
  const specs: Record<string, FieldSpec> = FIELDS[entity];
  return FIELD_COLUMNS[entity].map(([field, column]) => ({
    field,
    column,
    type: sqlType(specs[field] as FieldSpec),
  }));
});

/** Every value column of an entity's table (not account_id, not wire), in a fixed order. */
export function tableColumns(entity: Entity): string[] {
  return ['id', 'version', 'clocks', ...FIELD_COLUMNS[entity].map(([, column]) => column)];
}

/**
 * A field value as JSON text. -0 prints as 0, as it is stored: node-postgres sends a number
 * parameter as String(value), and String(-0) is '0'.
 */
function jsonValue(value: unknown): string {
  return value === undefined || value === null ? 'null' : JSON.stringify(value);
}

/**
 * A row at `version` as the JSON text the pull sends: `{id, version, clocks, ...fields}` in
 * spec order, null for an unset field (the shape json_build_object gave before migration
 * 0003). The push stores it in the `wire` column, so a pull only reads text.
 */
export function wireJson(entity: Entity, row: MergeableRow, version: number): string {
  let json = `{"id":${JSON.stringify(row.id)},"version":${version},"clocks":${JSON.stringify(row.clocks)}`;
  for (const [field] of FIELD_COLUMNS[entity]) json += `,"${field}":${jsonValue(row[field])}`;
  return `${json}}`;
}

/**
 * The rows to upsert at `version` as ONE JSON parameter: the array of their wire JSON, which
 * the upsert stores as `wire` verbatim and reads the columns from (`json_to_record`). One
 * array parameter per column cost node-postgres an escaping pass over every value (the wire
 * text, full of quotes, most of all) and PostgreSQL an array parse per column; the wire text
 * is built anyway, so the columns come with it.
 */
export function wireArrayJson(
  entity: Entity,
  rows: readonly MergeableRow[],
  version: number,
): string {
  return `[${rows.map((row) => wireJson(entity, row, version)).join(',')}]`;
}

/** The values to upsert for one merged row at a version. */
export function toDb(
  entity: Entity,
  accountId: string,
  row: MergeableRow,
  version: number,
): Record<string, unknown> {
  const values: Record<string, unknown> = {
    account_id: accountId,
    id: row.id,
    version,
    // Sent as JSON text: node-postgres would turn some objects into arrays or dates.
    clocks: JSON.stringify(row.clocks),
  };
  for (const [field, column] of FIELD_COLUMNS[entity]) values[column] = row[field] ?? null;
  values.wire = wireJson(entity, row, version);
  return values;
}
