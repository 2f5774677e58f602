/**
 * The synced entities and their fields, declared once. The wire schemas (protocol/),
 * the shared validator (validate.ts), the server tables and the client's forms all derive
 * from these tables, so a range changes in exactly one place.
 */

export const ENTITIES = ['bag', 'brew'] as const;
export type Entity = (typeof ENTITIES)[number];

export const ROAST_LEVELS = ['light', 'medium', 'dark', 'unknown'] as const;
export type RoastLevel = (typeof ROAST_LEVELS)[number];

export const BREW_METHODS = [
  'espresso',
  'pour_over',
  'immersion',
  'moka',
  'cold_brew',
  'other',
] as const;
export type BrewMethod = (typeof BREW_METHODS)[number];

export const TASTES = ['sour', 'balanced', 'bitter'] as const;
export type Taste = (typeof TASTES)[number];

/** How one field may be written. Every field except `required` ones may be null (unset). */
export type FieldSpec =
  | { kind: 'string'; minLength?: number; maxLength: number; required?: true }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'number'; min: number; max: number; step?: number }
  | { kind: 'boolean' }
  /** `YYYY-MM-DD`; `notFuture` allows one day of slack for time zones. */
  | { kind: 'date'; notFuture?: true }
  /** ISO 8601 timestamp with a time zone, e.g. `2026-11-26T09:10:00.000Z`. */
  | { kind: 'timestamp' }
  /** A row id of another entity (a UUID). */
  | { kind: 'ref'; entity: Entity; required?: true };

export const BAG_FIELDS = {
  name: { kind: 'string', minLength: 1, maxLength: 120, required: true },
  roaster: { kind: 'string', maxLength: 80 },
  origin: { kind: 'string', maxLength: 80 },
  process: { kind: 'string', maxLength: 80 },
  variety: { kind: 'string', maxLength: 80 },
  roastLevel: { kind: 'enum', values: ROAST_LEVELS },
  roastDate: { kind: 'date', notFuture: true },
  weightG: { kind: 'number', min: 0, max: 5000 },
  notes: { kind: 'string', maxLength: 2000 },
  archived: { kind: 'boolean' },
  deletedAt: { kind: 'timestamp' },
} as const satisfies Record<string, FieldSpec>;

export const BREW_FIELDS = {
  bagId: { kind: 'ref', entity: 'bag', required: true },
  method: { kind: 'enum', values: BREW_METHODS },
  grinder: { kind: 'string', maxLength: 80 },
  grindSetting: { kind: 'string', maxLength: 32 },
  doseG: { kind: 'number', min: 0.1, max: 100 },
  yieldG: { kind: 'number', min: 0.1, max: 300 },
  waterG: { kind: 'number', min: 1, max: 3000 },
  timeS: { kind: 'number', min: 0, max: 1200 },
  tempC: { kind: 'number', min: 0, max: 100 },
  taste: { kind: 'enum', values: TASTES },
  rating: { kind: 'number', min: 0, max: 5, step: 0.5 },
  notes: { kind: 'string', maxLength: 2000 },
  brewedAt: { kind: 'timestamp' },
  deletedAt: { kind: 'timestamp' },
} as const satisfies Record<string, FieldSpec>;

export const FIELDS = { bag: BAG_FIELDS, brew: BREW_FIELDS } as const;

export type BagField = keyof typeof BAG_FIELDS;
export type BrewField = keyof typeof BREW_FIELDS;
export type FieldOf<E extends Entity> = keyof (typeof FIELDS)[E] & string;

/** The TypeScript value type a spec describes (null = unset). */
type ValueOf<S extends FieldSpec> = S extends { kind: 'enum'; values: readonly (infer V)[] }
  ? V
  : S extends { kind: 'number' }
    ? number
    : S extends { kind: 'boolean' }
      ? boolean
      : string;

type ValuesOf<F extends Record<string, FieldSpec>> = {
  [K in keyof F]: F[K] extends { required: true } ? ValueOf<F[K]> : ValueOf<F[K]> | null;
};

/** The user-visible values of a bag, as stored and sent. */
export type BagValues = ValuesOf<typeof BAG_FIELDS>;
/** The user-visible values of a brew, as stored and sent. */
export type BrewValues = ValuesOf<typeof BREW_FIELDS>;
export type ValuesFor<E extends Entity> = E extends 'bag' ? BagValues : BrewValues;

/** A partial write: the fields one mutation sets. */
export type Patch<E extends Entity = Entity> = Partial<ValuesFor<E>>;

export function fieldNames<E extends Entity>(entity: E): FieldOf<E>[] {
  return Object.keys(FIELDS[entity]) as FieldOf<E>[];
}
