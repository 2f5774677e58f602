import Type, { type Static } from 'typebox';
import { UUID_PATTERN } from '../model/validate.js';

/**
 * The account's signed-in sessions, as the account screen lists them. Never a token or a
 * hash: the id only names a session for revoking it, and revoking needs a live session of
 * the same account.
 */

export const SessionInfo = Type.Object(
  {
    id: Type.String({ pattern: UUID_PATTERN, description: 'Names the session for revoking it.' }),
    device: Type.String({ description: 'From the User-Agent at sign-in: "Firefox on Android".' }),
    createdAt: Type.String({ format: 'date-time', description: 'When it signed in.' }),
    lastSeenAt: Type.String({
      format: 'date-time',
      description: 'Its last signed-in request, to within a few minutes; createdAt until then.',
    }),
    current: Type.Boolean({ description: 'The session this request came with.' }),
  },
  { $id: 'SessionInfo', additionalProperties: false },
);
export type SessionInfo = Static<typeof SessionInfo>;

/** GET sessions: the live ones, this one first, then the most recently seen. */
export const SessionList = Type.Object(
  { sessions: Type.Array(SessionInfo) },
  { $id: 'SessionList', additionalProperties: false },
);
export type SessionList = Static<typeof SessionList>;

/** Revoke one session of the account (this one included: that is a log-out). */
export const RevokeSessionRequest = Type.Object(
  { id: Type.String({ pattern: UUID_PATTERN }) },
  { $id: 'RevokeSessionRequest', additionalProperties: false },
);
export type RevokeSessionRequest = Static<typeof RevokeSessionRequest>;

export const RevokedSessions = Type.Object(
  { revoked: Type.Integer({ minimum: 0, description: 'How many live sessions were ended.' }) },
  { $id: 'RevokedSessions', additionalProperties: false },
);
export type RevokedSessions = Static<typeof RevokedSessions>;
