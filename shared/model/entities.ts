/**
 * The synced entities and their fields, declared once. The wire schemas (protocol/),
 * the shared validator (validate.ts), the server tables and the client's forms all derive
 * from these tables, so a range changes in exactly one place.
 */

export const ENTITIES = ['bag', 'brew', 'photo', 'recipe', 'grinder', 'brewer'] as const;
export type Entity = (typeof ENTITIES)[number];

/**
 * Each entity's plural: the key of its rows in a pull page and export, and its Dexie table.
 * Code that handles every entity iterates ENTITIES and reads this, never a hand-kept list.
 */
export const ENTITY_PLURALS = {
  bag: 'bags',
  brew: 'brews',
  photo: 'photos',
  recipe: 'recipes',
  grinder: 'grinders',
  brewer: 'brewers',
} as const satisfies Record<Entity, string>;
export type EntityPlural = (typeof ENTITY_PLURALS)[Entity];

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
  | { kind: 'sha256'; required?: true }
  /**
   * Tags in one string, comma-separated (`cherry, cocoa`): one field, so one clock, and an
   * edit of the list on two devices keeps one whole list rather than merging halves into
   * something neither wrote. shared/model/tags.ts splits and joins them.
   */
  | { kind: 'tags'; maxLength: number; maxTagLength: number };

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
  /** `origin` is the country; these narrow it down (migration 0009). */
  region: { kind: 'string', maxLength: 80 },
  farm: { kind: 'string', maxLength: 120 },
  openedDate: { kind: 'date', notFuture: true },
  /** In the device's currency (a device setting shown beside it), not converted. */
  price: { kind: 'number', min: 0, max: 100_000 },
  flavourNotes: { kind: 'tags', maxLength: 300, maxTagLength: 40 },
  decaf: { kind: 'boolean' },
  rating: { kind: 'number', min: 0, max: 5, step: 0.5 },
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
  /** The grinder used (gear); `grinder` above stays the free text of brews from before gear. */
  grinderId: { kind: 'ref', entity: 'grinder' },
  brewerId: { kind: 'ref', entity: 'brewer' },
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

/**
 * A bag's target for one method: what Log a brew starts from when the bag has no brew of that
 * method yet, and what the next-shot hint aims at. One per (bag, method): its id is derived
 * from the two (client/src/data/recipe-id.ts), so two devices setting a target for the same
 * bag and method write one row, merged per field. `timeMinS` ≤ `timeMaxS` is the form's rule;
 * a merge of two edits can cross them, and readers take the band as the two ends in order.
 */
export const RECIPE_FIELDS = {
  bagId: { kind: 'ref', entity: 'bag', required: true },
  method: { kind: 'enum', values: BREW_METHODS, required: true },
  doseG: { kind: 'number', min: 0.1, max: 100 },
  /** Yield (espresso) or water (others) per gram of coffee: 2 means 1:2. */
  ratio: { kind: 'number', min: 0.5, max: 30, step: 0.1 },
  timeMinS: { kind: 'number', min: 0, max: 1200, step: 1 },
  timeMaxS: { kind: 'number', min: 0, max: 1200, step: 1 },
  tempC: { kind: 'number', min: 0, max: 100 },
  deletedAt: { kind: 'timestamp' },
} as const satisfies Record<string, FieldSpec>;

/**
 * How a grinder's dial reads, which decides what Finer/Coarser do: `numeric` moves by
 * `scaleStep` (1, 0.5, 0.1…); `stepless` has no detents, so it moves by a fine fixed amount;
 * `text` is a setting in words or a multi-part dial the app cannot step (typed, no stepper).
 */
export const GRIND_SCALES = ['numeric', 'stepless', 'text'] as const;
export type GrindScale = (typeof GRIND_SCALES)[number];

/** A grinder: its own row, so a rename shows on every brew made with it. */
export const GRINDER_FIELDS = {
  name: { kind: 'string', minLength: 1, maxLength: 80, required: true },
  scaleKind: { kind: 'enum', values: GRIND_SCALES },
  /** One click of a numeric dial; from a hundredth (micro-step dials) to 10. */
  scaleStep: { kind: 'number', min: 0.01, max: 10, step: 0.01 },
  notes: { kind: 'string', maxLength: 2000 },
  /** Hidden from the pickers; still named on the brews made with it. */
  archived: { kind: 'boolean' },
  deletedAt: { kind: 'timestamp' },
} as const satisfies Record<string, FieldSpec>;

/** A brewer (espresso machine, V60, AeroPress, moka…) and the recipe a first brew starts from. */
export const BREWER_FIELDS = {
  name: { kind: 'string', minLength: 1, maxLength: 80, required: true },
  method: { kind: 'enum', values: BREW_METHODS },
  defaultDoseG: { kind: 'number', min: 0.1, max: 100 },
  /** Output over dose: yield for espresso, water for filter (ratio.ts reads it the same way). */
  defaultRatio: { kind: 'number', min: 0.5, max: 30 },
  notes: { kind: 'string', maxLength: 2000 },
  archived: { kind: 'boolean' },
  deletedAt: { kind: 'timestamp' },
} as const satisfies Record<string, FieldSpec>;

export const FIELDS = {
  bag: BAG_FIELDS,
  brew: BREW_FIELDS,
  photo: PHOTO_FIELDS,
  recipe: RECIPE_FIELDS,
  grinder: GRINDER_FIELDS,
  brewer: BREWER_FIELDS,
} as const;

export type BagField = keyof typeof BAG_FIELDS;
export type BrewField = keyof typeof BREW_FIELDS;
export type PhotoField = keyof typeof PHOTO_FIELDS;
export type RecipeField = keyof typeof RECIPE_FIELDS;
export type GrinderField = keyof typeof GRINDER_FIELDS;
export type BrewerField = keyof typeof BREWER_FIELDS;
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
/** The values of a recipe (a bag's target for a method), as stored and sent. */
export type RecipeValues = ValuesOf<typeof RECIPE_FIELDS>;
export type GrinderValues = ValuesOf<typeof GRINDER_FIELDS>;
export type BrewerValues = ValuesOf<typeof BREWER_FIELDS>;
interface ValuesByEntity {
  bag: BagValues;
  brew: BrewValues;
  photo: PhotoValues;
  recipe: RecipeValues;
  grinder: GrinderValues;
  brewer: BrewerValues;
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
