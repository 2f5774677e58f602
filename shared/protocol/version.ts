/**
 * The wire protocol version. Bump it on every change to a schema in wire-schemas.ts, add one
 * line to the history, and record the new fingerprint there (wire-schemas.test.ts prints it).
 * The server refuses pushes from other versions with `upgrade_required`.
 *
 * History:
 * 1 — bags and brews, field-level LWW with HLC clocks, versioned pull cursor.
 * 2 — ids (rows, mutations, accounts, refs) are plain lower-case UUIDs, not ajv's `uuid` format.
 * 3 — the `photo` entity: mutations may name it, and a pull page carries `photos`; the photo
 *     byte routes (PhotoHashParams, PhotoUploaded) and their error codes.
 * 4 — bags gain region, farm, openedDate, price, flavourNotes (a `tags` field), decaf, rating;
 *     the `recipe` entity (a bag's target per method): mutations may name it, a pull page
 *     carries `recipes`; and gear: the `grinder` and `brewer` entities (a pull page carries `grinders` and `brewers`)
 *     and a brew's `grinderId` and `brewerId`. An older client would move its cursor past
 *     gear rows it cannot store, and never see them again.
 */
export const PROTOCOL_VERSION = 4;
