import { Account, Credentials, LogoutResponse, SessionResponse } from './auth.js';
import { ErrorBody } from './errors.js';
import { HealthResponse } from './health.js';
import { LIMITS } from './limits.js';
import { PhotoHashParams, PhotoUploaded } from './photos.js';
import { PullQuery, PullResponse } from './pull.js';
import { Mutation, PushQueued, PushRequest, PushResponse } from './push.js';

/**
 * Kept apart from version.ts so that importing PROTOCOL_VERSION does not bundle TypeBox.
 */

/** Every schema that crosses the wire, in a fixed order. */
export const WIRE_SCHEMAS = {
  Account,
  Credentials,
  ErrorBody,
  HealthResponse,
  LIMITS,
  LogoutResponse,
  Mutation,
  PhotoHashParams,
  PhotoUploaded,
  PullQuery,
  PullResponse,
  PushQueued,
  PushRequest,
  PushResponse,
  SessionResponse,
} as const;

/** sha-256 of JSON.stringify(WIRE_SCHEMAS) at PROTOCOL_VERSION; checked by wire-schemas.test.ts. */
export const SCHEMA_FINGERPRINT =
  'ba35a5c28c7393a57fff2cf83e0ccda1ee99315dbba9236e5b2c83ef7470cfd7';
