/**
 * The synced entities and their fields, declared once. The wire schemas (protocol/),
 * the shared validator (validate.ts), the server tables and the client's forms all derive
 * from these tables, so a range changes in exactly one place.
 */

export const ENTITIES = ['bag', 'brew', 'photo'] as const;
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

/** The entities a photo can belong to. */
export const PHOTO_OWNERS = ['bag', 'brew'] as const satisfies readonly Entity[];
export type PhotoOwner = (typeof PHOTO_OWNERS)[number];

/** The encodings a photo's bytes may have (the server checks the bytes' signature too). */
export const IMAGE_TYPES = ['image/jpeg', 'image/webp', 'image/png'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** How one field may be written. Every field except `required` ones may be null (unset). */
export type FieldSpec =
  | { kind: 'string'; minLength?: number; maxLength: number; required?: true }
  | { kind: 'enum'; values: readonly string[]; required?: true }
  | { kind: 'number'; min: number; max: number; step?: number; required?: true }
  | { kind: 'boolean' }
  /** `YYYY-MM-DD`; `notFuture` allows one day of slack for time zones. */
  | { kind: 'date'; notFuture?: true }
  /** ISO 8601 timestamp with a time zone, e.g. `2026-11-26T09:10:00.000Z`. */
  | { kind: 'timestamp' }
  /** A row id of another entity (a UUID). */
  | { kind: 'ref'; entity: Entity; required?: true }
  /** A row id (a UUID) of the entity that the enum field `entityField` of the same row names. */
  | { kind: 'ownerRef'; entityField: string; required?: true }
  /** A SHA-256 digest in lower-case hex: the name of content-addressed bytes. */
  | { kind: 'sha256'; required?: true };

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

/**
 * A photo of a bag or a brew: its own row rather than a list field on its owner, so two
 * devices adding photos to one bag at once keep both (a list would be one field, and one
 * clock would win). The owner is one kind field plus one id rather than a `bagId` and a
 * `brewId`: both are required, so a photo always has exactly one owner without a rule across
 * two fields that a per-field merge could break, and one index finds the photos of any owner.
 * The image fields describe bytes named by their hash; they are set when the photo is made.
 */
export const PHOTO_FIELDS = {
  ownerKind: { kind: 'enum', values: PHOTO_OWNERS, required: true },
  ownerId: { kind: 'ownerRef', entityField: 'ownerKind', required: true },
  /** Order among the owner's photos, ascending. Fractional, so a move rewrites one row. */
  position: { kind: 'number', min: 0, max: 1_000_000, required: true },
  caption: { kind: 'string', maxLength: 280 },
  /** The full image (long side at most 1600 px). */
  hash: { kind: 'sha256', required: true },
  type: { kind: 'enum', values: IMAGE_TYPES, required: true },
  /** The thumbnail (long side at most 320 px). */
  thumbHash: { kind: 'sha256', required: true },
  thumbType: { kind: 'enum', values: IMAGE_TYPES, required: true },
  /** Pixels of the full image, orientation applied. */
  width: { kind: 'number', min: 1, max: 10_000, step: 1, required: true },
  height: { kind: 'number', min: 1, max: 10_000, step: 1, required: true },
  /** Size of the full image's bytes; the server refuses uploads above its own limit. */
  bytes: { kind: 'number', min: 1, max: 100_000_000, step: 1, required: true },
  deletedAt: { kind: 'timestamp' },
} as const satisfies Record<string, FieldSpec>;

export const FIELDS = { bag: BAG_FIELDS, brew: BREW_FIELDS, photo: PHOTO_FIELDS } as const;

export type BagField = keyof typeof BAG_FIELDS;
export type BrewField = keyof typeof BREW_FIELDS;
export type PhotoField = keyof typeof PHOTO_FIELDS;
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
/** The values of a photo, as stored and sent. */
export type PhotoValues = ValuesOf<typeof PHOTO_FIELDS>;
interface ValuesByEntity {
  bag: BagValues;
  brew: BrewValues;
  photo: PhotoValues;
}
export type ValuesFor<E extends Entity> = ValuesByEntity[E];

/** A partial write: the fields one mutation sets. */
export type Patch<E extends Entity = Entity> = Partial<ValuesFor<E>>;

export function fieldNames<E extends Entity>(entity: E): FieldOf<E>[] {
  return Object.keys(FIELDS[entity]) as FieldOf<E>[];
}

/** One value per entity, built from its name: a record that gains a key with each new entity. */
export function perEntity<T>(build: (entity: Entity) => T): Record<Entity, T> {
  return Object.fromEntries(ENTITIES.map((entity) => [entity, build(entity)])) as Record<Entity, T>;
}
