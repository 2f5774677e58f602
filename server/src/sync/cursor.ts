import { ENTITIES, type Entity } from '../../../shared/model/entities.js';
import { isUuid } from '../../../shared/model/validate.js';
import type { Position } from './pull-repository.js';

/**
 * The pull cursor: base64url of `c2:<account tag>:<version>:<entity>:<base64url of id>`,
 * meaning "every row up to and including (version, entity, id) in pull order has been
 * delivered". Opaque to the client. The account tag makes a cursor from another account
 * invalid instead of silently skipping rows. The id is encoded so that no stored id (some
 * were stored before ids had to be plain UUIDs) can add a separator. `c1` cursors, which
 * carried the id as is, are still read.
 */

const PREFIX = 'c2';
const LEGACY_PREFIX = 'c1';
/** Row ids are at most this long (a UUID, or an older `urn:uuid:` spelling of one). */
const ID_MAX = 100;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const VERSION = /^(0|[1-9]\d{0,15})$/;

/** Where a pull without a cursor starts: before every row. */
export const START: Position = { version: 0, entity: ENTITIES[0], id: '' };

function accountTag(accountId: string): string {
  return accountId.replaceAll('-', '').slice(0, 8).toLowerCase();
}

export function encodeCursor(accountId: string, position: Position): string {
  const id = Buffer.from(position.id, 'utf8').toString('base64url');
  const text = [PREFIX, accountTag(accountId), position.version, position.entity, id];
  return Buffer.from(text.join(':'), 'utf8').toString('base64url');
}

/**
 * Reads a cursor issued by `encodeCursor` for this account. Returns a reason instead when it
 * is not one: the caller answers `invalid_cursor`. Whether the version exists is checked
 * against the account's counter by the caller, inside the pull's snapshot.
 */
export function decodeCursor(
  accountId: string,
  cursor: string,
): { ok: true; position: Position } | { ok: false; reason: string } {
  if (!BASE64URL.test(cursor)) return { ok: false, reason: 'is not base64url' };
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  // Canonical form only, so one position has exactly one cursor.
  if (Buffer.from(text, 'utf8').toString('base64url') !== cursor) {
    return { ok: false, reason: 'is not a cursor this server issued' };
  }
  const parts = text.split(':');
  if (parts.length !== 5 || (parts[0] !== PREFIX && parts[0] !== LEGACY_PREFIX)) {
    return { ok: false, reason: 'is not a cursor this server issued' };
  }
  const [prefix, tag, version, entity, idPart] = parts as [string, string, string, string, string];
  const id = prefix === PREFIX ? decodeId(idPart) : isUuid(idPart) || idPart === '' ? idPart : null;
  if (id === null) return { ok: false, reason: 'has a malformed row id' };
  if (tag !== accountTag(accountId)) return { ok: false, reason: 'belongs to another account' };
  if (!VERSION.test(version) || !Number.isSafeInteger(Number(version))) {
    return { ok: false, reason: 'has a malformed version' };
  }
  if (!(ENTITIES as readonly string[]).includes(entity)) {
    return { ok: false, reason: `names an unknown entity "${entity}"` };
  }
  return { ok: true, position: { version: Number(version), entity: entity as Entity, id } };
}

/** The id of a `c2` cursor, or null when the part is not the canonical encoding of one. */
function decodeId(part: string): string | null {
  if (part !== '' && !BASE64URL.test(part)) return null;
  const id = Buffer.from(part, 'base64url').toString('utf8');
  if (Buffer.from(id, 'utf8').toString('base64url') !== part || id.length > ID_MAX) return null;
  return id;
}
