import type { AccountTables } from './account-tables.js';
import type { PhotoTables } from './photo-tables.js';
import type { SyncTables } from './sync-tables.js';

/** Every table the server queries, for `Kysely<Database>`. */
export interface Database extends AccountTables, SyncTables, PhotoTables {}
