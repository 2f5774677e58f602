import { ENTITIES, type Entity } from '../../../shared/model/entities.js';
import { isUuid } from '../../../shared/model/validate.js';
import type { Position } from './pull-repository.js';

/**
 * The pull cursor: base64url of `c1:<account tag>:<version>:<entity>:<id>`, meaning "every row
 * up to and including (version, entity, id) in pull order has been delivered". Opaque to the
 * client. The account tag makes a cursor from another account invalid instead of silently
 * skipping rows.
 */

const PREFIX = 'c1';
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const VERSION = /^(0|[1-9]\d{0,15})$/;

/** Where a pull without a cursor starts: before every row. */
export const START: Position = { version: 0, entity: ENTITIES[0], id: '' };

function accountTag(accountId: string): string {
  return accountId.replaceAll('-', '').slice(0, 8).toLowerCase();
}

export function encodeCursor(accountId: string, position: Position): string {
  const text = [PREFIX, accountTag(accountId), position.version, position.entity, position.id];
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
  if (parts.length !== 5 || parts[0] !== PREFIX) {
    return { ok: false, reason: 'is not a cursor this server issued' };
  }
  const [, tag, version, entity, id] = parts as [string, string, string, string, string];
  if (tag !== accountTag(accountId)) return { ok: false, reason: 'belongs to another account' };
  if (!VERSION.test(version) || !Number.isSafeInteger(Number(version))) {
    return { ok: false, reason: 'has a malformed version' };
  }
  if (!(ENTITIES as readonly string[]).includes(entity)) {
    return { ok: false, reason: `names an unknown entity "${entity}"` };
  }
  if (id !== '' && !isUuid(id)) return { ok: false, reason: 'has a malformed row id' };
  return { ok: true, position: { version: Number(version), entity: entity as Entity, id } };
}
