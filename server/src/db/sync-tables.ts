import type { ColumnType } from 'kysely';

/**
 * Kysely types of the synced tables (migrations 0002-bags-brews, 0003-wire-json, 0007-photos, 0008-gear). Values are stored exactly
 * as sent on the wire: ids, dates and timestamps as text, numbers as float8.
 */

/** `{field: hlc}`: read back as an object, written as its JSON text. */
type ClocksColumn = ColumnType<Record<string, string>, string, string>;

/** Columns every synced table has. `version` is int8, parsed to a number in db/. */
export interface SyncRowColumns {
  account_id: string;
  id: string;
  version: number;
  clocks: ClocksColumn;
  /** The row as the pull sends it, JSON text (migration 0003-wire-json). */
  wire: string;
}

export interface BagTable extends SyncRowColumns {
  name: string | null;
  roaster: string | null;
  origin: string | null;
  process: string | null;
  variety: string | null;
  roast_level: string | null;
  roast_date: string | null;
  weight_g: number | null;
  notes: string | null;
  archived: boolean | null;
  deleted_at: string | null;
  region: string | null;
  farm: string | null;
  opened_date: string | null;
  price: number | null;
  flavour_notes: string | null;
  decaf: boolean | null;
  rating: number | null;
}

export interface BrewTable extends SyncRowColumns {
  bag_id: string | null;
  method: string | null;
  grinder: string | null;
  grind_setting: string | null;
  dose_g: number | null;
  yield_g: number | null;
  water_g: number | null;
  time_s: number | null;
  temp_c: number | null;
  taste: string | null;
  rating: number | null;
  notes: string | null;
  brewed_at: string | null;
  deleted_at: string | null;
  grinder_id: string | null;
  brewer_id: string | null;
}

export interface PhotoTable extends SyncRowColumns {
  owner_kind: string | null;
  owner_id: string | null;
  position: number | null;
  caption: string | null;
  hash: string | null;
  type: string | null;
  thumb_hash: string | null;
  thumb_type: string | null;
  width: number | null;
  height: number | null;
  bytes: number | null;
  deleted_at: string | null;
}

/** A bag's target per method (migration 0009-bag-details-recipes). */
export interface RecipeTable extends SyncRowColumns {
  bag_id: string | null;
  method: string | null;
  dose_g: number | null;
  ratio: number | null;
  time_min_s: number | null;
  time_max_s: number | null;
  temp_c: number | null;
  deleted_at: string | null;
}

export interface GrinderTable extends SyncRowColumns {
  name: string | null;
  scale_kind: string | null;
  scale_step: number | null;
  notes: string | null;
  archived: boolean | null;
  deleted_at: string | null;
}

export interface BrewerTable extends SyncRowColumns {
  name: string | null;
  method: string | null;
  default_dose_g: number | null;
  default_ratio: number | null;
  notes: string | null;
  archived: boolean | null;
  deleted_at: string | null;
}

export interface SyncTables {
  bag: BagTable;
  brew: BrewTable;
  photo: PhotoTable;
  recipe: RecipeTable;
  grinder: GrinderTable;
  brewer: BrewerTable;
}
