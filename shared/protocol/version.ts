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
 */
export const PROTOCOL_VERSION = 3;
