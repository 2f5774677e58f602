import type { MergeableRow } from '../../../shared/merge.js';
import { type Entity, fieldNames } from '../../../shared/model/entities.js';

/**
 * The one place that maps wire field names (camelCase) to columns (snake_case) and turns
 * table rows into merge rows and back. Values are never converted: the column types were
 * chosen so that what the client sent is what it gets back.
 */

/** A row of `bag` or `brew` as the database returns it. */
export type DbRow = Record<string, unknown> & {
  id: string;
  version: number;
  clocks: Record<string, string>;
};

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

/** A stored row as merge and the wire see it: `{id, version, clocks, ...fields}`. */
export function fromDb(entity: Entity, db: DbRow): MergeableRow & { version: number } {
  const row: MergeableRow & { version: number } = {
    id: db.id,
    version: db.version,
    clocks: db.clocks,
  };
  for (const [field, column] of FIELD_COLUMNS[entity]) row[field] = db[column] ?? null;
  return row;
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
