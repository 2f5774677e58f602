import type { MergeableRow } from '../../../shared/merge.js';
import { type Entity, fieldNames } from '../../../shared/model/entities.js';

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

/** Every column of an entity's table besides account_id, in a fixed order. */
export function tableColumns(entity: Entity): string[] {
  return ['id', 'version', 'clocks', ...FIELD_COLUMNS[entity].map(([, column]) => column)];
}

/**
 * SQL that builds a row of `entity` as its wire JSON object, so the database hands over rows
 * already in wire shape. Exact: text stays text, and float8 is printed by PostgreSQL's
 * shortest round-trip output (extra_float_digits ≥ 1, the default since PostgreSQL 12).
 * Built only from the constants above, so it is safe to splice into SQL.
 */
export function rowJsonSql(entity: Entity): string {
  const pairs = [
    ["'id'", 'id'],
    ["'version'", 'version'],
    ["'clocks'", 'clocks'],
    ...FIELD_COLUMNS[entity].map(([field, column]) => [`'${field}'`, column]),
  ];
  return `json_build_object(${pairs.map((pair) => pair.join(', ')).join(', ')})`;
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
