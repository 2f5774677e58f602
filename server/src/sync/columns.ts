import type { MergeableRow } from '../../../shared/merge.js';
import { type Entity, FIELDS, type FieldSpec, fieldNames } from '../../../shared/model/entities.js';

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
export const FIELD_COLUMNS: Record<Entity, readonly (readonly [string, string])[]> = {
  bag: fieldNames('bag').map((field) => [field, snake(field)] as const),
  brew: fieldNames('brew').map((field) => [field, snake(field)] as const),
};

/** The SQL type of a field's column, as migration 0002 created it. */
function sqlType(spec: FieldSpec): string {
  return spec.kind === 'number' ? 'double precision' : spec.kind === 'boolean' ? 'boolean' : 'text';
}

/** [column, SQL type] of every field column per entity, in FIELD_COLUMNS order. */
export const COLUMN_TYPES: Record<Entity, readonly (readonly [string, string])[]> = {
  bag: FIELD_COLUMNS.bag.map(
    ([field, column]) => [column, sqlType(FIELDS.bag[field as keyof typeof FIELDS.bag])] as const,
  ),
  brew: FIELD_COLUMNS.brew.map(
    ([field, column]) => [column, sqlType(FIELDS.brew[field as keyof typeof FIELDS.brew])] as const,
  ),
};

/** Every column of an entity's table besides account_id, in a fixed order. */
export function tableColumns(entity: Entity): string[] {
  return ['id', 'version', 'clocks', ...FIELD_COLUMNS[entity].map(([, column]) => column)];
}

/**
 * SQL that builds a row of `entity` as its wire JSON object, so the database hands over rows
 * already in wire shape. Exact: text stays text, and float8 is printed by PostgreSQL's
 * shortest round-trip output (extra_float_digits ≥ 1, the default since PostgreSQL 12).
 * Built only from the constants above (and the caller's table alias), so it is safe to splice
 * into SQL.
 */
export function rowJsonSql(entity: Entity, table: string): string {
  const pairs = [
    ["'id'", 'id'],
    ["'version'", 'version'],
    ["'clocks'", 'clocks'],
    ...FIELD_COLUMNS[entity].map(([field, column]) => [`'${field}'`, column]),
  ];
  return `json_build_object(${pairs.map(([key, column]) => `${key}, ${table}.${column}`).join(', ')})`;
}

/**
 * The rows to upsert as one array per column (id, clocks, then every field), for a single
 * `unnest` parameter list: 17 parameters instead of 17 per row.
 */
export function toColumnArrays(entity: Entity, rows: readonly MergeableRow[]): unknown[][] {
  const ids = rows.map((row) => row.id);
  // Sent as JSON text: node-postgres would turn some objects into arrays or dates.
  const clocks = rows.map((row) => JSON.stringify(row.clocks));
  const fields = FIELD_COLUMNS[entity].map(([field]) => rows.map((row) => row[field] ?? null));
  return [ids, clocks, ...fields];
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
  return values;
}
