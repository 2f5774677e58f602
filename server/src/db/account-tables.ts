import type { ColumnType, Generated } from 'kysely';

/** `accounts`: one row per user. `version` is the per-account sync counter (see docs/architecture.md, "The version under the account lock"). */
export interface AccountsTable {
  id: string;
  /** Always lower-cased; unique. */
  email: string;
  /** `scrypt$N$r$p$salt$hash`, see auth/password.ts. */
  password_hash: string;
  /** Taken under `SELECT … FOR UPDATE` by a push that changes anything. int8, parsed to number. */
  version: Generated<number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** `sessions`: revocable server-side sessions. Only the sha-256 of the cookie token is stored. */
export interface SessionsTable {
  id: string;
  token_hash: string;
  account_id: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** "Firefox on Android", from the User-Agent at creation (0006-sessions-devices). */
  device_name: string | null;
  /** The last signed-in request, written at most every few minutes; null until then. */
  last_seen_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/**
 * `auth_attempts`: login attempts that have not succeeded (yet) and signups, within the
 * limit window; see auth/attempt-repository.ts. A successful login deletes its own row.
 */
export interface AuthAttemptsTable {
  id: string;
  kind: 'login' | 'signup';
  /** Lower-cased, as accounts.email. */
  email: string;
  /** The client address (request.ip, after TRUST_PROXY). */
  address: string;
  at: Date;
}

export interface AccountTables {
  accounts: AccountsTable;
  sessions: SessionsTable;
  auth_attempts: AuthAttemptsTable;
}
